/**
 * Flavours (`create -f`): a command file whose lines are pot
 * commands applied to the new pot (`set-attribute -A … -V …`, `export-ports
 * -e …`, `set-cmd -c …`, …), and/or a script run inside the pot once, started
 * for the purpose. Found as given, as `./NAME`, or in the flavour directory
 * (PREFIX/etc/pot/flavours).
 */
import path from 'node:path';
import { PotError } from '../../errors/pot-error.js';
import type { ActionContext } from '../context/context.js';
import { debug, realFiles, userPath, warn } from '../context/context.js';
import { potPath, potStore } from '../context/pot-lookup.js';
import { potRoot } from '../network/pot-root-files.js';
import { startPot } from '../running/start-pot.js';
import { stopPot } from '../running/stop-pot.js';

export interface Flavour {
  name: string;
  /** Pot commands, one per line. */
  commandFile?: string;
  /** Run inside the pot as `/tmp/SCRIPT POTNAME`. */
  script?: string;
}

/**
 * Runs one pot command (`set-attribute -A x -V y -p POT`) and answers its exit code; the CLI provides it.
 * `cwd`: the directory its relative paths are taken from.
 */
export type PotCommandRunner = (argv: string[], options?: { readonly cwd?: string }) => Promise<number>;

/** The commands a flavour's command file may use. */
const FLAVOUR_COMMANDS = ['add-dep', 'set-attribute', 'copy-in', 'copy-in-flv', 'mount-in', 'set-rss', 'export-ports', 'set-cmd', 'set-env'] as const;

async function firstFile(ctx: ActionContext, candidates: string[]): Promise<string | undefined> {
  for (const c of candidates) {
    const file = userPath(ctx, c);
    if ((await realFiles(ctx).exists(file)) && !(await realFiles(ctx).isDirectory(file))) return file;
  }
  return undefined;
}

/** The flavour's files, undefined when there is none. */
export async function resolveFlavour(ctx: ActionContext, name: string): Promise<Flavour | undefined> {
  const dir = path.join(ctx.settings.etcDir, 'flavours');
  const isScript = name.endsWith('.sh');
  const script = await firstFile(ctx, isScript ? [name] : [`${name}.sh`, `./${name}.sh`, path.join(dir, `${name}.sh`)]);
  const commandFile = isScript ? undefined : await firstFile(ctx, [name, `./${name}`, path.join(dir, name)]);
  if (!script && !commandFile) return undefined;
  return { name, ...(script ? { script } : {}), ...(commandFile ? { commandFile } : {}) };
}

/** A command-file line as the argv of a pot command on `pot`; undefined for a line flavours may not use. */
export function flavourCommand(line: string, pot: string): string[] | undefined {
  const words = line
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '');
  const cmd = words[0];
  if (cmd === undefined || !(FLAVOUR_COMMANDS as readonly string[]).includes(cmd)) return undefined;
  if (cmd === 'set-cmd') {
    // the rest of the line is the command, verbatim (no word splitting)
    const rest = line.trim().replace(/^set-cmd\s+-c\s+/, '');
    return rest === line.trim() ? undefined : ['set-cmd', '-c', rest, '-p', pot];
  }
  return [cmd === 'copy-in-flv' ? 'copy-in' : cmd, ...words.slice(1), '-p', pot];
}

async function runCommandFile(ctx: ActionContext, pot: string, f: Flavour, run: PotCommandRunner): Promise<void> {
  const text = (await realFiles(ctx).read(f.commandFile as string)) ?? '';
  for (const line of text.split('\n').filter((l) => l.trim() !== '')) {
    const argv = flavourCommand(line, pot);
    if (argv === undefined) {
      warn(ctx, `Flavor ${f.name}: line ${line} not valid - ignoring`);
      continue;
    }
    debug(ctx, `flavour ${f.name}: pot ${argv.join(' ')}`);
    // copy-in-flv's sources are relative to the flavour's directory
    const code = line.trim().startsWith('copy-in-flv') ? await run(argv, { cwd: path.dirname(f.commandFile as string) }) : await run(argv);
    if (code !== 0) throw new PotError('host-command', `create: flavour ${f.name} failed (pot ${argv.join(' ')})`);
  }
}

async function setPersistent(ctx: ActionContext, pot: string, value: 'YES' | 'NO'): Promise<void> {
  await potStore(ctx).updatePotConf(pot, (c) => void c.set('pot.attr.persistent', value, { position: 'end' }));
}

async function runScript(ctx: ActionContext, pot: string, f: Flavour): Promise<void> {
  const script = f.script as string;
  const wasPersistent = (await potStore(ctx).readPotConf(pot))?.attr('persistent') !== 'NO';
  if (!wasPersistent) await setPersistent(ctx, pot, 'YES');
  await startPot(ctx, { pot });
  const name = path.basename(script);
  await potRoot(ctx, pot).write(`/tmp/${name}`, (await realFiles(ctx).read(script)) ?? '', { mode: 0o755 });
  ctx.report.print(`${script} -> ${path.join(potPath(ctx, pot), 'm', 'tmp', name)}`);
  debug(ctx, `Executing ${f.name} script on ${pot}`);
  const r = await ctx.host.jails.exec(pot, [`/tmp/${name}`, pot]);
  for (const line of r.stdout.split('\n')) if (line !== '') ctx.report.print(line);
  if (r.exitCode !== 0)
    throw new PotError('host-command', `create: flavour ${f.name} failed (script)`, {
      suggestion: `run the script by hand in the pot ('pot run ${pot}') to see why`,
    });
  await stopPot(ctx, { pot });
  if (!wasPersistent) await setPersistent(ctx, pot, 'NO');
}

/** Applies the flavours in order: each one's command file, then its script. */
export async function applyFlavours(ctx: ActionContext, pot: string, flavours: readonly Flavour[], run: PotCommandRunner): Promise<void> {
  for (const f of flavours) {
    debug(ctx, `Flavour: ${f.name}`);
    if (f.commandFile) await runCommandFile(ctx, pot, f, run);
    if (f.script) await runScript(ctx, pot, f);
  }
}
