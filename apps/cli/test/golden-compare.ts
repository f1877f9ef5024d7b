/**
 * One golden scenario, replayed and compared: exit codes, pot's messages,
 * the rest of each command's output, the host commands that change state, and
 * the pot files at the end. Documented differences are passed in as fixes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { goldenEffects, type FakeHost, type PotRun } from './fake-host.js';
import { messages, recordedRuns, replay } from './scenario.js';

const here = path.dirname(fileURLToPath(import.meta.url));

export interface Differences {
  /** Applied to each golden message line before comparing. */
  message?: (line: string) => string;
  /** Golden message lines ours do not print. */
  dropMessage?: RegExp;
  /** Applied to the golden effect text before comparing. */
  effects?: (text: string) => string;
  /** Commands (1-based) whose output is not compared (compared elsewhere, or documented as different). */
  skipOutput?: readonly number[];
}

/**
 * Documented for every scenario (README, "Differences from shell pot"): one
 * not-found message, `KIND NAME not found (how to list them)`, for every command that refuses
 * (stop of what is no pot still says shell pot's words, and exits 0 as it did).
 */
const NOT_FOUND: ReadonlyArray<[RegExp, string]> = [
  [/^###> +(?:Pot (\S+) not found|(?:NO )?(\S+) is not a pot)$/, "###>  pot $1$2 not found ('pot ls' lists the pots)"],
  [/^###> +(\S+) is not a valid base$/, "###>  base $1 not found ('pot ls -b' lists the bases)"],
  [/^###> +(?:bridge (\S+) not found|(\S+) is not a bridge)$/, "###>  bridge $1$2 not found ('pot ls -B' lists the bridges)"],
];
const ourNotFound = (line: string): string => NOT_FOUND.reduce((l, [re, to]) => l.replace(re, to), line);

/** Non-message output lines (listings, reports), as printed on stdout. */
const plain = (stdout: string): string =>
  stdout
    .split('\n')
    .filter((l) => !/^(###>|===>|=====>) /.test(l))
    .join('\n')
    .replace(/\n+$/, '');

export async function compareScenario(host: FakeHost, name: string, diff: Differences = {}): Promise<PotRun[]> {
  const runs = await replay(host, name);
  const recorded = recordedRuns(name);
  expect(
    runs.map((r) => r.code),
    'exit codes',
  ).toEqual(recorded.map((r) => r.code));
  runs.forEach((run, i) => {
    if (diff.skipOutput?.includes(i + 1)) return;
    const want = recorded[i]!;
    expect(messages(run), `messages of [${i + 1}] ${want.command}`).toEqual(
      messages(want)
        .filter((l) => !diff.dropMessage?.test(l))
        .map(diff.message ?? ((l) => l))
        .map(ourNotFound),
    );
    if (want.code === 0) expect(plain(run.stdout), `output of [${i + 1}] ${want.command}`).toBe(plain(want.stdout));
  });
  const effects = goldenEffects(name);
  expect(host.effects()).toBe(diff.effects ? diff.effects(effects) : effects);
  return runs;
}

/** The files of a golden checkpoint (files.txt), by normalised path. */
export function goldenFiles(name: string, checkpoint = 'final'): Map<string, string> {
  const text = readFileSync(path.join(here, 'golden', name, 'files.txt'), 'utf8');
  const section = text.split(/^=== checkpoint /m).find((s) => s.startsWith(`${checkpoint}\n`)) ?? '';
  const files = new Map<string, string>();
  for (const part of section.split(/^--- /m).slice(1)) {
    const nl = part.indexOf('\n');
    files.set(part.slice(0, nl), part.slice(nl + 1).replace(/\n+$/, ''));
  }
  return files;
}

/** A pot file as files.txt shows it (`@FS@/jails/web/conf/pot.conf`), read from the fake host. */
export function hostFileText(host: FakeHost, shown: string): string | undefined {
  const real = shown.replace('@FS@', host.fsRoot).replace('@TMP@', host.tmp);
  try {
    const text = readFileSync(real, 'utf8');
    return text === '' ? '(empty file)' : host.normalise(text).replace(/\n+$/, '');
  } catch {
    return undefined;
  }
}

/** Every golden file below `prefix` equals ours. */
export function expectFiles(host: FakeHost, name: string, prefix: string, checkpoint = 'final'): void {
  for (const [file, content] of goldenFiles(name, checkpoint)) {
    if (!file.startsWith(prefix)) continue;
    expect(hostFileText(host, file), file).toBe(content);
  }
}
