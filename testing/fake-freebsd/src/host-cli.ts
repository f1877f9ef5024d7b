/**
 * A fake FreeBSD host from a shell (scripts/demo.sh runs the built pot against one):
 *   node dist/host-cli.mjs boot DIR         makes a host in DIR (state/, hostroot/) and prints
 *                                           the environment of its stand-ins as `export` lines
 *   node dist/host-cli.mjs setup DIR WORDS  runs host_* set-up words (`host_base 14.2`, src/setup.ts)
 *                                           with pot's POT_FS_ROOT, POT_ZFS_ROOT, POT_CACHE and
 *                                           POT_TMP taken from the environment
 * Every stand-in then runs as a process (no resident stand-in outlives this command).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { FAKE_FREEBSD_BIN, hostDirsEnv, standInBaseEnv } from './index.js';
import { bootHost, runSetupWords } from './setup.js';

function hostEnv(dir: string): Record<string, string> {
  return { PATH: `${FAKE_FREEBSD_BIN}:${process.env.PATH ?? '/usr/bin:/bin'}`, ...hostDirsEnv(dir), ...standInBaseEnv() };
}

const shellWord = (value: string): string => `'${value.replace(/'/g, `'\\''`)}'`;

function main([verb, dir, ...words]: string[]): number {
  if ((verb !== 'boot' && verb !== 'setup') || dir === undefined || !path.isAbsolute(dir)) {
    process.stderr.write('usage: host-cli boot DIR | host-cli setup DIR WORD... (DIR an absolute path)\n');
    return 2;
  }
  const env = hostEnv(dir);
  if (verb === 'boot') {
    for (const d of [env.FAKEBSD_STATE, env.FAKEBSD_HOSTROOT]) mkdirSync(d as string, { recursive: true });
    bootHost({ ...env, FAKEBSD_NOLOG: '1' });
    for (const [k, v] of Object.entries(env)) process.stdout.write(`export ${k}=${shellWord(v)}\n`);
    return 0;
  }
  const potVars = Object.fromEntries(['POT_FS_ROOT', 'POT_ZFS_ROOT', 'POT_CACHE', 'POT_TMP'].flatMap((k) => (process.env[k] ? [[k, process.env[k]]] : [])));
  if (runSetupWords({ ...env, ...potVars, FAKEBSD_NOLOG: '1' }, words.join(' '))) return 0;
  process.stderr.write(`host-cli: not a set-up line of host_* words: ${words.join(' ')}\n`);
  return 2;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`host-cli: ${e instanceof Error ? e.message.trim() : String(e)}\n`);
  process.exitCode = 1;
}
