/** jail(8), jexec, jls: a pot's jail, and programs run in it or in a throw-away jail on a root. */
import { PotError } from '../../errors/pot-error.js';
import { commandError, type HostCommand } from '../command.js';
import type { JailOps, JailPlace } from '../types.js';
import { checkName, insidePath, jailSelection } from './arguments.js';
import { lines } from './parse.js';
import { type Tools, e, q } from './tools.js';

/** A program inside a running jail (`jexec`) or in a throw-away jail on a root (`jail -c path=ROOT command=…`), as shell pot's copy-in. */
const inJail = (place: JailPlace, argv: readonly string[]): HostCommand =>
  'jail' in place
    ? e('jexec', [checkName('jail', place.jail), ...argv])
    : e('jail', ['-c', `path=${place.root}`, `command=${argv[0] ?? ''}`, ...argv.slice(1)]);

export function createJailOps(t: Tools): JailOps {
  const { run, must, probe, out } = t;
  const jails: JailOps = {
    isRunning: async (name) => probe(q('jls', ['-j', checkName('jail', name)])),
    async jid(name) {
      const r = await run(q('jls', ['-j', checkName('jail', name), 'jid']));
      if (r.exitCode !== 0) return undefined;
      const n = Number.parseInt(r.stdout.trim(), 10);
      return Number.isNaN(n) ? undefined : n;
    },
    async running() {
      return new Set(lines((await must(q('jls', ['name']))).stdout).map((l) => l.trim()));
    },
    async start(parameters) {
      return out(await must(e('jail', ['-c', ...parameters])));
    },
    async remove(name, opts) {
      checkName('jail', name);
      if (opts === undefined) {
        await must(e('jail', ['-r', name]));
        return;
      }
      const conf = [`${name} {`];
      if (opts.execStop !== undefined && opts.execStop !== '') conf.push(`  exec.stop="${opts.execStop.replace(/[\\"]/g, (c) => `\\${c}`)}";`);
      if (opts.stopTimeout !== undefined) conf.push(`  stop.timeout=${opts.stopTimeout};`);
      conf.push('}');
      await must(e('jail', ['-f-', '-q', '-r', name], { input: `${conf.join('\n')}\n` }));
    },
    async killMatching(name, pattern) {
      const command = e('pkill', ['-f', '-j', checkName('jail', name), pattern]);
      const r = await run(command);
      if (r.exitCode > 1) throw commandError(command, r);
      return r.exitCode === 0;
    },
    async findProcesses(name, selector) {
      const command = q('pgrep', ...jailSelection(name, selector));
      const r = await run(command);
      if (r.exitCode > 1) throw commandError(command, r);
      return r.exitCode === 0
        ? lines(r.stdout)
            .map((l) => Number.parseInt(l.trim(), 10))
            .filter((n) => !Number.isNaN(n))
        : [];
    },
    async signal(name, signal, selector) {
      if (!/^[A-Z][A-Z0-9]*$/.test(signal)) throw new PotError('usage', `${JSON.stringify(signal)} is not a signal name`);
      const [args, extra] = jailSelection(name, selector);
      const command = e('pkill', [`-${signal}`, ...args], extra);
      const r = await run(command);
      if (r.exitCode > 1) throw commandError(command, r);
      return r.exitCode === 0;
    },
    async run(name, argv) {
      return (await run(e('jexec', [checkName('jail', name), ...argv], { passOutput: true }))).exitCode;
    },
    async attach(name, argv, opts = {}) {
      const users = opts.hostUser !== undefined ? ['-u', opts.hostUser] : opts.jailUser !== undefined ? ['-U', opts.jailUser] : [];
      const jexec = ['-l', ...users, checkName('jail', name), ...argv];
      // script(1) gives the command a pseudo-terminal, as shell pot's exec -t did
      const [file, args] = opts.tty === true ? ['script', ['-q', '/dev/null', 'jexec', ...jexec]] : ['jexec', jexec];
      const command = e(file, args, opts.detach === true ? { detached: true } : { interactive: true });
      return (await run(command)).exitCode;
    },
    async console(name, user) {
      return (await run(e('jexec', ['-l', '-U', user, checkName('jail', name)], { interactive: true }))).exitCode;
    },
    async monitor(name) {
      return (await run(e('top', ['-J', checkName('jail', name)], { interactive: true }))).exitCode;
    },
    async exec(name, argv, opts = {}) {
      return out(await run(e('jexec', [checkName('jail', name), ...argv], opts.input === undefined ? {} : { input: opts.input })));
    },
    async copyInside(place, from, to, opts = {}) {
      return out(await run(inJail(place, ['/bin/cp', opts.verbose === true ? '-va' : '-a', insidePath(from), insidePath(to)])));
    },
    async makeDirectoryInside(place, dir) {
      return out(await run(inJail(place, ['/bin/mkdir', '-p', insidePath(dir)])));
    },
  };
  return jails;
}
