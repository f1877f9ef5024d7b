/** pfctl(8): pf, its anchors and their rules. */
import { commandError } from '../command.js';
import type { FileOps, KernelModuleOps, PacketFilterOps } from '../types.js';
import { checkName } from './arguments.js';
import { lines, parseAnchors, parsePfEnabled } from './parse.js';
import { type Tools, e, q } from './tools.js';

const anchorName = (a: string): string => checkName('anchor', a);

export function createPacketFilterOps(t: Tools, kmod: KernelModuleOps, files: FileOps): PacketFilterOps {
  const { run, must } = t;
  const pf: PacketFilterOps = {
    isLoaded: () => kmod.isLoaded('pf'),
    async isEnabled() {
      const r = await run(q('pfctl', ['-s', 'info']));
      return r.exitCode === 0 && parsePfEnabled(r.stdout);
    },
    async loadMain(file) {
      const content = await files.under('/').read(file);
      await must(e('pfctl', ['-f', file], content === undefined ? {} : { reads: content }));
    },
    async loadAnchor(anchor, source) {
      if ('file' in source) {
        const content = await files.under('/').read(source.file);
        await must(e('pfctl', ['-a', anchorName(anchor), '-f', source.file], content === undefined ? {} : { reads: content }));
      } else {
        await must(e('pfctl', ['-a', anchorName(anchor), '-f', '-'], { input: source.rules }));
      }
    },
    async flushAnchor(anchor) {
      await must(e('pfctl', ['-a', anchorName(anchor), '-F', 'nat', '-q']));
    },
    async anchors(parent) {
      const r = await run(q('pfctl', parent === undefined ? ['-s', 'Anchors'] : ['-a', anchorName(parent), '-s', 'Anchors']));
      return r.exitCode === 0 ? parseAnchors(r.stdout) : [];
    },
    async natRules(anchor, opts = {}) {
      const args = opts.numeric === true ? ['-a', anchorName(anchor), '-s', 'nat', '-P'] : ['-s', 'nat', '-a', anchorName(anchor)];
      const r = await run(q('pfctl', args));
      return r.exitCode === 0 ? lines(r.stdout) : [];
    },
    async enable() {
      const command = e('pfctl', ['-e']);
      const r = await run(command);
      const message = r.stderr.trim();
      if (r.exitCode === 0) return { alreadyEnabled: false, message };
      if (/already enabled/i.test(r.stderr)) return { alreadyEnabled: true, message };
      throw commandError(command, r, 'Cannot enable pf');
    },
  };
  return pf;
}
