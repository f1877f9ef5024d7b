/** sockstat(1), daemon(8), pgrep/pkill(1), posixshmcontrol(1) and the programs pot runs (hooks): the host's processes and sockets. */
import { commandError } from '../command.js';
import type { ProcessOps, SocketOps } from '../types.js';
import { parseShmPaths, parseSockstatPorts } from './parse.js';
import { type Tools, e, q } from './tools.js';

export function createSocketOps(t: Tools): SocketOps {
  const { run } = t;
  const sockets: SocketOps = {
    async listeningPorts(first, last) {
      const r = await run(q('sockstat', ['-p', `${first}-${last}`, '-4l']));
      return r.exitCode === 0 ? parseSockstatPorts(r.stdout) : [];
    },
  };
  return sockets;
}

export function createProcessOps(t: Tools): ProcessOps {
  const { run, must, probe, out } = t;
  const processes: ProcessOps = {
    async daemon(pidFile, argv) {
      await must(e('daemon', ['-f', '-p', pidFile, ...argv]));
    },
    async killByPidFile(pidFile, pattern) {
      const command = e('pkill', ['-F', pidFile, '-f', pattern]);
      const r = await run(command);
      if (r.exitCode > 1) throw commandError(command, r);
      return r.exitCode === 0;
    },
    anyMatching: async (pattern) => probe(q('pgrep', ['-q', '-f', pattern])),
    async killMatching(pattern) {
      const command = e('pkill', ['-f', pattern]);
      const r = await run(command);
      if (r.exitCode > 1) throw commandError(command, r);
    },
    async run(file, args, options = {}) {
      return out(await run(e(file, args, options.env === undefined ? {} : { env: options.env })));
    },
    async sharedMemory() {
      const r = await run(q('posixshmcontrol', ['ls']));
      return r.exitCode === 0 ? parseShmPaths(r.stdout) : [];
    },
    async removeSharedMemory(path) {
      await must(e('posixshmcontrol', ['rm', path]));
    },
  };
  return processes;
}
