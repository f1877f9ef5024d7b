/**
 * Archives and file trees on FreeBSD, with the tools shell pot's create-base
 * used: `tar -xkf ARCHIVE -C DIR` (bsdtar run by root restores owners, modes
 * and file flags), `cp -a SRC DIR/`, `chflags -R noschg PATH`, `ln -s TARGET LINK`.
 */
import { commandError, type CommandRunner, type HostCommand } from '../command.js';
import type { ArchiveOps } from '../types.js';
import { checkLocalPath } from './downloads.js';

export function createArchiveOps(runner: CommandRunner): ArchiveOps {
  const must = async (file: string, args: readonly string[]): Promise<void> => {
    const command: HostCommand = { file, args, mutating: true };
    const r = await runner.run(command);
    if (r.exitCode !== 0) throw commandError(command, r);
  };
  return {
    async extract(archive, dir) {
      await must('tar', ['-xkf', checkLocalPath(archive), '-C', checkLocalPath(dir)]);
    },
    async copyTree(source, targetDir) {
      await must('cp', ['-a', checkLocalPath(source).replace(/\/+$/, ''), `${checkLocalPath(targetDir).replace(/\/+$/, '')}/`]);
    },
    async clearImmutable(path) {
      await must('chflags', ['-R', 'noschg', checkLocalPath(path)]);
    },
    async symlink(target, link) {
      if (target === '' || target.startsWith('-')) checkLocalPath(target);
      await must('ln', ['-s', target, checkLocalPath(link)]);
    },
  };
}
