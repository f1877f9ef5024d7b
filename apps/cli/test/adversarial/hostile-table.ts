/**
 * Hostile arguments (issue 14): names with path, shell and control characters,
 * addresses, port specs, custom: paths and setting values with quotes,
 * newlines and command substitutions. Each is refused with an error line (no
 * stack trace, no internal error) or accepted as data; none reaches a host
 * command, a pf rule or a jail parameter, none names a path, none adds a
 * pot.conf key, and no command substitution runs.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { FakeHost } from '../fake-host.js';
import { type HostCall, potInProcess, refusalProblems } from './in-process.js';

/** Every hostile input holds this marker, so it can be looked for in the host's calls and files. */
export const MARK = 'PWN';

/** `reported`: an error line, whatever the exit status (stop of what is no pot exits 0, as in shell pot). */
type Outcome = 'refused' | 'reported' | 'accepted';
interface Case {
  argv: string[];
  expect: Outcome;
}

/** Names: path escapes, shell syntax, blanks and control characters, unicode, options, empty, too long. */
function hostileNames(touch: string): string[] {
  return [
    `../${MARK}`,
    `${MARK}/../../x`,
    `a/${MARK}`,
    `${MARK};touch ${touch}`,
    `$(touch ${touch})${MARK}`,
    `\`touch ${touch}\`${MARK}`,
    `${MARK} x`,
    `${MARK}\nx`,
    `${MARK}\tx`,
    `${MARK}é`,
    `${MARK}日本`,
    `-${MARK}`,
    `--${MARK}`,
    '',
    `${MARK}${'x'.repeat(297)}`,
    '.',
    '..',
    `${MARK}'x`,
    `${MARK}"x`,
    `${MARK}|x`,
    `${MARK}&x`,
    `${MARK}>x`,
    `${MARK}*`,
    `${MARK}\\x`,
    `${MARK}$HOME`,
  ];
}

function table(touch: string): Case[] {
  const cases: Case[] = [];
  const refused = (...argv: string[]): void => void cases.push({ argv, expect: 'refused' });
  const accepted = (...argv: string[]): void => void cases.push({ argv, expect: 'accepted' });
  const sub = `$(touch ${touch})`;
  for (const n of hostileNames(touch)) {
    refused('info', '-p', n);
    refused('start', n);
    cases.push({ argv: ['stop', n], expect: 'reported' });
    refused('destroy', '-p', n);
    refused('create', '-p', n, '-b', '13.1');
    refused('set-env', '-p', n, '-E', 'A=1');
    refused('rename', '-p', 'web', '-n', n);
    refused('add-dep', '-p', 'web', '-P', n);
    refused('create-private-bridge', '-B', n, '-S', '4');
    refused('create-fscomp', '-f', n);
    refused('create', '-p', 'flv', '-b', '13.1', '-f', n);
    refused('create', '-p', 'bse', '-b', n);
  }
  // addresses and NIC|IP forms
  for (const ip of [
    `10.1.2.3;touch ${touch}`,
    `em0|10.1.2.3;${MARK}`,
    `${MARK}|10.1.2.3`,
    `${sub}|10.1.2.3`,
    `10.1.2.3 ${MARK}`,
    `1.2.3.4/33${MARK}`,
    `::1::${MARK}`,
    `300.1.1.${MARK}`,
    `10.1.2.3\n${MARK}`,
    `em0 ${MARK}|10.1.2.3`,
    `${MARK}|`,
    `|${MARK}`,
  ]) {
    refused('create', '-p', 'ip1', '-b', '13.1', '-N', 'alias', '-i', ip);
    refused('create', '-p', 'ip2', '-b', '13.1', '-N', 'public-bridge', '-i', ip);
  }
  // hosts entries
  for (const h of [`${MARK}:1.2.3.4;x`, `a ${MARK}:1.2.3.4`, `${MARK}:${sub}`, `${MARK}\n1.2.3.4 evil:1.2.3.4`, `${MARK}:300.1.1.1`, `:${MARK}`, `${MARK}:`])
    refused('set-hosts', '-p', 'web', '-H', h);
  // port specs
  for (const e of [`80;touch ${touch}`, `tcp:80:${sub}`, `0${MARK}`, `65536${MARK}`, '80:', ':80', `sctp${MARK}:80`, `80\n${MARK}`, `tcp:${MARK}`, `-1${MARK}`])
    refused('export-ports', '-p', 'web', '-e', e);
  accepted('export-ports', '-p', 'web', '-e', 'udp:53', '-e', '80:8080');
  // custom: resolver files
  for (const d of [`custom:../../${MARK}`, `custom:${sub}`, `custom:/nonexistent/${MARK}`, 'custom:', `custom:${MARK};x`, `${MARK}`])
    refused('create', '-p', 'dns1', '-b', '13.1', '-d', d);
  // attribute values
  refused('set-attribute', '-p', 'web', '-A', 'devfs_ruleset', '-V', `4;touch ${touch}`);
  refused('set-attribute', '-p', 'web', '-A', 'stop_timeout', '-V', `10 ${MARK}`);
  refused('set-attribute', '-p', 'web', '-A', 'persistent', '-V', `YES;${MARK}`);
  refused('set-attribute', '-p', 'web', '-A', `${MARK}`, '-V', 'YES');
  refused('set-attribute', '-p', 'web', '-A', `exec_stop\n${MARK}`, '-V', 'x');
  refused('set-attribute', '-p', 'web', '-A', 'exec_stop', '-V', `a\n${MARK}=x`);
  accepted('set-attribute', '-p', 'web', '-A', 'exec_stop', '-V', `${sub} "${MARK}' \`x\``);
  // environment and command values
  accepted('set-env', '-p', 'web', '-E', `A=${sub}${MARK}`, '-E', `B=\`touch ${touch}\`${MARK}`, '-E', `C="${MARK}'x`);
  refused('set-env', '-p', 'web', '-E', `A=x\n${MARK}=y`);
  refused('set-env', '-p', 'web', '-E', `${MARK}`);
  accepted('set-cmd', '-p', 'web', '-c', `${sub} "${MARK}"`);
  refused('set-cmd', '-p', 'web', '-c', `x\n${MARK}`);
  // copy-in / mount-in paths
  refused('copy-in', '-p', 'web', '-s', `/nonexistent/${MARK}`, '-d', '/x');
  refused('mount-in', '-p', 'web', '-d', `/nonexistent/${MARK}`, '-m', '/mnt');
  refused('set-rss', '-p', 'web', '-M', `1G;${MARK}`);
  refused('set-rss', '-p', 'web', '-C', `2${MARK}`);
  return cases;
}

/** pot.conf keys pot itself writes (what an accepted value may add). */
const KNOWN_KEY = /^(pot\.(env|cmd|export\.ports|hosts|depend|attr\.[a-z_-]+|rss\.[a-z]+|[a-z.]+)|[a-z_]+(\.[a-z_]+)*)$/;

function confKeys(host: FakeHost): string[] {
  const text = readFileSync(path.join(host.fsRoot, 'jails', 'web', 'conf', 'pot.conf'), 'utf8');
  return [
    ...new Set(
      text
        .split('\n')
        .filter((l) => l.includes('='))
        .map((l) => l.slice(0, l.indexOf('='))),
    ),
  ];
}

/**
 * Calls that carry the marker where they would act: any call that changes the
 * host (class E) but syslog's record of the command line.
 */
function acted(calls: HostCall[]): HostCall[] {
  return calls.filter((c) => c.class === 'E' && c.argv[0] !== 'logger' && JSON.stringify(c).includes(MARK));
}

/** Queries (class Q) that looked a name up: a name the names module lets through for existing pots, as one argument. */
function lookedUp(calls: HostCall[]): HostCall[] {
  return calls.filter((c) => c.class === 'Q' && JSON.stringify(c).includes(MARK));
}

/** Files or directories whose name holds the marker, anywhere in the fake host's tree. */
export function markedPaths(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.name.includes(MARK)) out.push(p);
      if (e.isDirectory() && !e.isSymbolicLink()) walk(p);
    }
  };
  walk(dir);
  return out;
}

export interface Figures {
  tried: number;
  refused: number;
  accepted: number;
  reachedHost: number;
  /** Inputs that reached a query only (a lookup of an existing-pot name, one argument). */
  lookedUp: number;
  newKeys: number;
}

/** Runs the whole table against `host` (which has a pot `web`); answers the figures and what went wrong. */
export async function runHostileTable(host: FakeHost, progress?: (line: string) => void): Promise<{ figures: Figures; failures: string[] }> {
  const touch = path.join(host.dir, `${MARK}ED`);
  const cases = table(touch);
  const figures: Figures = { tried: 0, refused: 0, accepted: 0, reachedHost: 0, lookedUp: 0, newKeys: 0 };
  const failures: string[] = [];
  for (const c of cases) {
    const keysBefore = new Set(confKeys(host));
    const r = await potInProcess(host, c.argv);
    figures.tried += 1;
    if (r.code === 0) figures.accepted += 1;
    else figures.refused += 1;
    const label = JSON.stringify(c.argv);
    const problems =
      c.expect === 'accepted'
        ? r.code === 0
          ? []
          : [`refused: ${r.stderr.split('\n')[0]}`]
        : refusalProblems(r).filter((p) => c.expect === 'refused' || p !== 'exit 0');
    const hits = acted(r.calls);
    if (hits.length > 0) {
      figures.reachedHost += 1;
      problems.push(`reached the host: ${JSON.stringify(hits[0])}`);
    } else if (lookedUp(r.calls).length > 0) figures.lookedUp += 1;
    const added = confKeys(host).filter((k) => !keysBefore.has(k) && (!KNOWN_KEY.test(k) || k.includes(MARK)));
    if (added.length > 0) {
      figures.newKeys += 1;
      problems.push(`new pot.conf keys ${JSON.stringify(added)}`);
    }
    if (existsSync(touch)) problems.push('a command substitution ran');
    if (problems.length > 0) failures.push(`${label}: ${problems.join('; ')}`);
    progress?.(`${problems.length > 0 ? 'FAIL' : 'ok'} ${label}${problems.length > 0 ? `: ${problems.join('; ')}` : ''}`);
  }
  return { figures, failures };
}
