/**
 * How the stand-ins look at files: bash's file tests (`[[ -d -e -s -r ]]`), `read -r` word
 * splitting, the lines a `while read` loop or an awk program sees, the `awk … >F.new; mv F.new F`
 * rewrite and the `printf … >FILE` write. Kept in one place so that the stores agree.
 */
import { accessSync, constants, lstatSync, readFileSync, renameSync, type Stats, statSync, writeFileSync } from 'node:fs';

/** `[[ -d P ]]` (symlinks followed). */
export function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** `[[ -e P ]]` (a dangling symlink does not exist). */
export function exists(p: string): boolean {
  try {
    statSync(p);
    return true;
  } catch {
    return false;
  }
}

/** lstat of P, undefined when there is nothing to stat. */
export function lstatOrUndefined(p: string): Stats | undefined {
  try {
    return lstatSync(p);
  } catch {
    return undefined;
  }
}

/** `[[ -s P ]]`: exists with a size above zero. */
export function nonEmpty(p: string): boolean {
  try {
    return statSync(p).size > 0;
  } catch {
    return false;
  }
}

/** `[[ -r P ]]` (true for anything that exists when run as root, as in bash). */
export function readable(p: string): boolean {
  try {
    accessSync(p, constants.R_OK);
    return true;
  } catch {
    return false;
  }
}

/** A file's content, undefined when it cannot be read. */
export function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** The records awk reads from TEXT: its lines, a last one without newline included. */
export function awkRecords(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** The lines a `while read -r …` loop runs its body for: a last line without newline is not one. */
export function readLoopLines(text: string): string[] {
  const lines = text.split('\n');
  lines.pop();
  return lines;
}

const BLANKS = ' \t\n';

/** `read -r V1 … Vn` with the default IFS: words, the last variable taking the rest of the line. */
export function readWords(line: string, count: number): string[] {
  let i = 0;
  const skip = (): void => {
    while (i < line.length && BLANKS.includes(line[i] as string)) i++;
  };
  const out: string[] = [];
  skip();
  for (let v = 1; v < count; v++) {
    const start = i;
    while (i < line.length && !BLANKS.includes(line[i] as string)) i++;
    out.push(line.slice(start, i));
    skip();
  }
  let end = line.length;
  while (end > i && BLANKS.includes(line[end - 1] as string)) end--;
  out.push(line.slice(i, end));
  return out;
}

/** `read -r V <FILE`: the first line, trimmed; undefined when FILE cannot be read. */
export function readFirstWord(file: string): string | undefined {
  const text = readText(file);
  if (text === undefined) return undefined;
  return readWords(text.split('\n')[0] as string, 1)[0] as string;
}

/** awk's default field splitting (blanks and newlines; leading ones ignored). */
export function awkFields(record: string): string[] {
  return record.split(/[ \t\n]+/).filter((f) => f !== '');
}

/** `… >F.new; mv F.new F`: the new content replaces the file (a new inode, as mv leaves it); latin1: TEXT is bytes. */
export function replaceFile(file: string, text: string, encoding: 'utf8' | 'latin1' = 'utf8'): void {
  writeFileSync(`${file}.new`, text, encoding);
  renameSync(`${file}.new`, file);
}

/** A state file written as bash's `printf … >FILE` does: a file it cannot write only fails that write (bash reports it and goes on). */
export function put(file: string, text: string): void {
  try {
    writeFileSync(file, text);
  } catch {
    // no file written, nothing else undone
  }
}

/** Bytewise order of `sort` and of globs under LC_ALL=C. */
export function byteOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
