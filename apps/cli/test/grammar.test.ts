/**
 * The command-line grammar, in-process through runPot: options after operands
 * as before them, shell pot's getopts forms (combined flags, attached values,
 * counted -v), and what `pot -h`/`--help`/`-V`/`--version` answer.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCommandLine } from '../src/command-line.js';
import { exec } from '../src/commands/exec.js';
import { start } from '../src/commands/start.js';
import { stop } from '../src/commands/stop.js';
import { runPot } from '../src/main.js';
import { createFakeHost, type FakeHost } from './fake-host.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function pot(env: NodeJS.ProcessEnv, ...argv: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runPot(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), env });
  return { code, stdout, stderr };
}

const NO_HOST = { PATH: '/nonexistent' };

describe('pot -h, --help, -V, --version', () => {
  it('-h and --help print the usage on stdout, exit 0', async () => {
    const usage = await pot(NO_HOST, 'help');
    for (const flag of ['-h', '--help']) expect(await pot(NO_HOST, flag)).toEqual({ code: 0, stdout: usage.stdout, stderr: '' });
    expect(usage.stdout).toMatch(/^Usage: pot command \[options\]\n/);
  });

  it('-h CMD is help CMD', async () => {
    expect(await pot(NO_HOST, '-h', 'stop')).toEqual(await pot(NO_HOST, 'stop', '-h'));
  });

  it('-V and --version print the version, exit 0', async () => {
    const version = await pot(NO_HOST, 'version');
    expect(version.stdout).toMatch(/^pot version: \d+\.\d+\.\d+/);
    for (const flag of ['-V', '--version']) expect(await pot(NO_HOST, flag)).toEqual(version);
    expect(await pot(NO_HOST, '--version', '-q')).toEqual(await pot(NO_HOST, 'version', '-q'));
  });
});

describe('the parser built from a definition', () => {
  const parse = (def: Parameters<typeof parseCommandLine>[0], ...args: string[]) => parseCommandLine(def, args, 'help\n');

  it('takes options after the operand as before it', () => {
    expect(parse(stop, 'casserole4', '-v')).toMatchObject({ p: 'casserole4', v: 1 });
    expect(parse(stop, '-v', 'casserole4')).toMatchObject({ p: 'casserole4', v: 1 });
    expect(parse(start, 'web', '--dry-run', '-s')).toMatchObject({ p: 'web', dryRun: true, s: true });
  });

  it('keeps getopts forms: combined flags, attached values, counted -v', () => {
    expect(parse(start, '-vvsp', 'web')).toMatchObject({ p: 'web', v: 2, s: true });
    expect(parse(start, '-pweb', '-v', '-v', '-v')).toMatchObject({ p: 'web', v: 3 });
    expect(parse(stop, '-vpweb')).toMatchObject({ p: 'web', v: 1 });
  });

  it('-p wins over the operand; -- ends the options', () => {
    expect(parse(stop, '-p', 'a', 'b')).toMatchObject({ p: 'a' });
    expect(parse(stop, '--', '-odd')).toMatchObject({ p: '-odd' });
  });

  it("exec's command keeps its own options", () => {
    expect(parse(exec, '-p', 'web', 'ls', '-la', '-p')).toMatchObject({ p: 'web', command: ['ls', '-la', '-p'] });
  });

  it('a stray operand says what the command takes', async () => {
    const r = await pot(NO_HOST, 'version', 'extra');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^###> {2}unexpected argument 'extra': pot version takes options only\npot version \[-hvq\]/);
    expect((await pot(NO_HOST, 'stop', 'a', 'b')).stderr).toMatch(/^###> {2}unexpected argument 'b': pot stop takes fewer operands\n/);
  });
});

describe('options after the pot name, on the fake host', () => {
  let host: FakeHost | undefined;
  afterEach(() => host?.cleanup());

  it('pot stop NAME -v is pot stop -v NAME; pot start NAME --dry-run reaches the action with NAME', async () => {
    host = createFakeHost();
    host.setup('host_pot_root');
    const after = await pot(host.env, 'stop', 'casserole4', '-v');
    expect(after.stderr).toContain('casserole4');
    expect(after).toEqual(await pot(host.env, 'stop', '-v', 'casserole4'));
    const dry = await pot(host.env, 'start', 'nope', '--dry-run');
    expect(dry.stderr).toMatch(/^###> {2}pot nope not found /);
    expect(host.effects()).not.toMatch(/^E (?!logger)/m);
  });
});

describe('declared rules', () => {
  /** A configuration whose POT_FS_ROOT exists, and no host tools: the rules answer before any action. */
  function initialised(): NodeJS.ProcessEnv {
    const dir = mkdtempSync(path.join(tmpdir(), 'pot-grammar-'));
    writeFileSync(path.join(dir, 'pot.conf'), `POT_FS_ROOT=${dir}\n`);
    return { PATH: '/nonexistent', POT_ETC_DIR: dir };
  }

  it('a missing pot name is the one declared message, with the help', async () => {
    const env = initialised();
    for (const command of ['stop', 'start', 'set-cmd', 'top']) {
      const r = await pot(env, command, '-v');
      expect(r.code, command).toBe(1);
      expect(r.stderr, command).toMatch(new RegExp(`^###> {2}A pot name is mandatory\\npot ${command} \\[`));
    }
  });

  it("missing values are told in shell pot's order; an empty value is a missing one", async () => {
    const env = initialised();
    expect((await pot(env, 'exec', '-v')).stderr).toMatch(/^###> {2}A command is mandatory\n/);
    expect((await pot(env, 'exec', '-p', 'web')).stderr).toMatch(/^###> {2}A command is mandatory\n/);
    expect((await pot(env, 'set-cmd', '-c', '')).stderr).toMatch(/^###> {2}A pot name is mandatory\n/);
    expect((await pot(env, 'set-cmd', '-p', 'web', '-c', '')).stderr).toMatch(/^###> {2}A command is mandatory\n/);
  });
});

describe('answers that need no installed pot', () => {
  it('signal -l lists the signals without pot init (POT_FS_ROOT missing), as -h does', async () => {
    const env = { PATH: '/nonexistent', POT_FS_ROOT: '/nonexistent/pot', POT_ETC_DIR: '/nonexistent/etc' };
    const r = await pot(env, 'signal', '-l');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/\bHUP\b.*\bINFO\b/s);
    // -l answers alone: any other command still refuses before pot init
    expect((await pot(env, 'signal', '-p', 'web')).code).toBe(1);
  });
});
