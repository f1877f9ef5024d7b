/**
 * Archives and file trees on FreeBSD, with the tools shell pot's create-base
 * used: `tar -xkf ARCHIVE -C DIR` (bsdtar run by root restores owners, modes
 * and file flags), `cp -a SRC DIR/`, `chflags -R noschg PATH`, `ln -s TARGET LINK`.
 * With progress, tar reads the archive on stdin (`tar -xkf - -C DIR < ARCHIVE`;
 * bsdtar detects the compression there as well), so that its reading is counted.
 */
import { commandError, type CommandRunner, type HostCommand } from '../command.js';
import type { ArchiveOps } from '../types.js';
import { checkLocalPath } from './downloads.js';
import { readProgress } from './read-progress.js';

export function createArchiveOps(runner: CommandRunner): ArchiveOps {
  const must = async (file: string, args: readonly string[], stdin: Pick<HostCommand, 'inputFile' | 'inputRead'> = {}): Promise<void> => {
    const command: HostCommand = { file, args, mutating: true, ...stdin };
    const r = await runner.run(command);
    if (r.exitCode !== 0) throw commandError(command, r);
  };
  return {
    async extract(archive, dir, options = {}) {
      const file = checkLocalPath(archive);
      const into = checkLocalPath(dir);
      if (options.progress === undefined || runner.dryRun) {
        await must('tar', ['-xkf', file, '-C', into]);
        return;
      }
      const reading = await readProgress(file, options.progress);
      await must('tar', ['-xkf', '-', '-C', into], { inputFile: file, inputRead: reading.inputRead });
      reading.done();
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
