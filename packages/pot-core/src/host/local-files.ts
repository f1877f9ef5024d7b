/**
 * This machine's own files that pot reads outside a Host's operations: its configuration (read
 * before a Host exists), the bundled defaults, the programs `pot doctor` looks for on PATH, and
 * the digest of a downloaded file. Everything else goes through `host.files`.
 */
import { sha256 } from '../crypto.js';
import { accessSync, constants, createReadStream, existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The file's text; undefined when it is missing, below a non-directory or unreadable (shell pot read pot.conf only "if readable"). */
export function readTextIfPresent(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EACCES') return undefined;
    throw e;
  }
}

/** The path of the first of CANDIDATES that exists. */
export function firstExisting(candidates: readonly URL[]): string | undefined {
  const found = candidates.find((u) => existsSync(u));
  return found === undefined ? undefined : fileURLToPath(found);
}

/** Whether FILE is a regular file this process may execute. */
export function isExecutableFile(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** P with its symbolic links resolved (as given, made absolute, when it cannot be). */
export function realPath(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

/** Lower case hex sha256 of the file's bytes (in process: no tool's output format involved); rejects when it cannot be read. */
export async function sha256OfFile(file: string): Promise<string> {
  const hash = sha256();
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
