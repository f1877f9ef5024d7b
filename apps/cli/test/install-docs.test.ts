/**
 * The hand-written man pages against what they describe: potnet(8) against
 * potnet's own help (every command and flag), pot.conf(5) against
 * pot.default.conf (every variable); both render without groff warnings.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_DIR, REPO_DIR } from './staged-install.js';

const MAN = path.join(CLI_DIR, 'install', 'man');
const POTNET = path.join(REPO_DIR, 'packages', 'potnet', 'bin', 'potnet');
const potnetHelp = (...args: string[]): string => execFileSync(process.execPath, [POTNET, ...args, '--help'], { encoding: 'utf8' });

describe('man pages', () => {
  it('potnet(8) describes every command and flag of potnet --help', () => {
    const page = readFileSync(path.join(MAN, 'man8', 'potnet.8'), 'utf8');
    const commands = [...potnetHelp().matchAll(/^ {2}([a-z0-9-]+) (?:\[options\]|\[command\])/gm)].map((m) => m[1]!);
    expect(commands.length).toBeGreaterThanOrEqual(9);
    for (const command of commands) {
      expect(page, command).toMatch(new RegExp(`^\\.It Cm ${command}\\b`, 'm'));
      if (command === 'help') continue;
      for (const [, short, long] of potnetHelp(command).matchAll(/^ {2}-(\w)(?:, --([a-z-]+))?/gm)) {
        expect(page, `${command} -${short}`).toMatch(new RegExp(`Fl ${short}\\b`));
        if (long !== undefined) expect(page, `${command} --${long}`).toContain(`Fl -${long}`);
      }
    }
  });

  it('pot.conf(5) describes every variable of pot.default.conf', () => {
    const page = readFileSync(path.join(MAN, 'man5', 'pot.conf.5'), 'utf8');
    const defaults = readFileSync(path.join(REPO_DIR, 'packages', 'pot-core', 'share', 'pot.default.conf'), 'utf8');
    const variables = [...defaults.matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]!);
    expect(variables.length).toBeGreaterThan(20);
    for (const v of variables) expect(page, v).toMatch(new RegExp(`Va ${v}\\b`));
  });

  it.skipIf(!existsSync('/usr/bin/groff'))('render without warnings', () => {
    for (const page of ['man8/potnet.8', 'man5/pot.conf.5']) {
      const warnings = execFileSync('sh', ['-c', 'groff -mandoc -Tutf8 -ww "$1" 2>&1 >/dev/null', 'sh', path.join(MAN, page)], { encoding: 'utf8' });
      expect(warnings, page).toBe('');
    }
  });
});
