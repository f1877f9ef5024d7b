/**
 * Replays a golden scenario of pot-shell-golden (./golden/NAME/scenario.sh)
 * with the built pot against the fake host, and reads the recorded results
 * (output.txt: exit code and output per pot command) for comparison.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FakeHost, PotRun } from './fake-host.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Shell words of a line, as bash splits them (quotes and backslashes honoured, nothing expanded). */
export function words(line: string): string[] {
  const out: string[] = [];
  let word: string | undefined;
  let quote: "'" | '"' | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (quote === "'") {
      if (c === "'") quote = undefined;
      else word += c;
    } else if (quote === '"') {
      if (c === '"') quote = undefined;
      else if (c === '\\' && i + 1 < line.length && '"\\$`\n'.includes(line[i + 1] as string)) {
        i += 1;
        if (line[i] !== '\n') word += line[i];
      } else word += c;
    } else if (c === ' ' || c === '\t' || c === '\n') {
      if (word !== undefined) out.push(word);
      word = undefined;
    } else {
      word ??= '';
      if (c === "'" || c === '"') quote = c;
      else if (c === '\\' && i + 1 < line.length) {
        i += 1;
        if (line[i] !== '\n') word += line[i];
      } else word += c;
    }
  }
  if (word !== undefined) out.push(word);
  return out;
}

/** The logical lines of a scenario (a quoted value may span lines). */
function scenarioLines(text: string): string[] {
  const out: string[] = [];
  let pending = '';
  for (const raw of text.split('\n')) {
    if (pending === '' && raw.trimStart().startsWith('#')) continue;
    const line = pending === '' ? raw : `${pending}\n${raw}`;
    if ((line.match(/'/g) ?? []).length % 2 === 1) {
      pending = line;
      continue;
    }
    pending = '';
    if (line.trim() !== '' && !line.trimStart().startsWith('#')) out.push(line);
  }
  return out;
}

export interface ScenarioOptions {
  /** Called at each `checkpoint LABEL` of the scenario. */
  checkpoint?: (label: string) => void;
}

/** Runs the scenario; answers each pot command's result, in order. */
export async function replay(host: FakeHost, name: string, options: ScenarioOptions = {}): Promise<PotRun[]> {
  const runs: PotRun[] = [];
  for (const line of scenarioLines(readFileSync(path.join(here, 'golden', name, 'scenario.sh'), 'utf8'))) {
    const [word, ...args] = words(line.split('$SCENARIO_FILES').join(host.env.SCENARIO_FILES ?? ''));
    if (word === 'pot') runs.push(await host.pot(...args));
    else if (word === 'conf') host.conf(...args);
    else if (word === 'checkpoint') options.checkpoint?.(args[0] ?? '');
    else host.setup(line);
  }
  return runs;
}

export interface RecordedRun {
  command: string;
  code: number;
  stdout: string;
  stderr: string;
}

/** output.txt of a golden scenario, per pot command. */
export function recordedRuns(name: string): RecordedRun[] {
  const text = readFileSync(path.join(here, 'golden', name, 'output.txt'), 'utf8');
  const runs: RecordedRun[] = [];
  for (const block of text.split(/^(?=### \[\d+\] )/m).filter((b) => b.startsWith('###'))) {
    const m = /^### \[\d+\] (.*)\nexit: (\d+)\n--- stdout\n([\s\S]*?)--- stderr\n([\s\S]*)$/.exec(block);
    if (!m) throw new Error(`unreadable block in ${name}/output.txt: ${block.slice(0, 80)}`);
    const strip = (s: string): string => s.replace(/\n\\ No newline at end of \w+\n?$/, '').replace(/\n$/, '');
    runs.push({ command: m[1] as string, code: Number(m[2]), stdout: strip(m[3] as string), stderr: strip(m[4] as string) });
  }
  return runs;
}

/** pot's message lines (`###>`, `===>`) of a run, wherever they were printed. */
export function messages(run: { stdout: string; stderr: string }): string[] {
  return `${run.stdout}\n${run.stderr}`.split('\n').filter((l) => /^(###>|===>|=====>) /.test(l));
}
