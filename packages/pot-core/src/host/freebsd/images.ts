/**
 * Pot images on FreeBSD, with the tools shell pot's export and import used:
 * `zfs send -R SNAP | xz -LEVEL -T 0 > FILE`, `xzcat FILE | zfs receive DS`
 * and `cat FILE… | skein1024 -q`. Each pipe is two processes (execa), never a shell.
 * Signatures are signify(1)'s (a package: `pkg install signify`).
 */
import { PotError } from '../../errors/pot-error.js';
import { type CommandResult, commandError, type CommandRunner, type HostCommand } from '../command.js';
import type { ImageOps } from '../types.js';
import { checkLocalPath } from './downloads.js';
import { readProgress } from './read-progress.js';

function checkDataset(name: string): string {
  if (name === '' || name.startsWith('-') || /[\s\0]/.test(name)) {
    throw new PotError('invalid-name', `${JSON.stringify(name)} is not a valid dataset name`);
  }
  return name;
}

export function createImageOps(runner: CommandRunner): ImageOps {
  const must = async (command: HostCommand, what?: string): Promise<CommandResult> => {
    const r = await runner.run(command);
    if (r.exitCode !== 0) throw commandError(command, r, what);
    return r;
  };
  return {
    async sendCompressed(snapshot, file, level) {
      if (!Number.isInteger(level) || level < 0 || level > 9) throw new PotError('usage', `${level} is an invalid compression level`);
      const send: HostCommand = { file: 'zfs', args: ['send', '-R', checkDataset(snapshot)], mutating: false };
      await must({ file: 'xz', args: [`-${level}`, '-T', '0'], mutating: true, pipeFrom: send, outputFile: checkLocalPath(file) });
    },
    async receiveCompressed(file, target, options = {}) {
      const layer = [...(options.mount === false ? ['-u'] : []), ...(options.origin === undefined ? [] : ['-o', `origin=${checkDataset(options.origin)}`])];
      const props = (options.excludeProperties ?? []).flatMap((p) => ['-x', p]);
      const image = checkLocalPath(file);
      // with progress, xzcat reads the image on stdin, where its reading is counted
      const reading = options.progress === undefined || runner.dryRun ? undefined : await readProgress(image, options.progress);
      const cat: HostCommand =
        reading === undefined
          ? { file: 'xzcat', args: [image], mutating: false }
          : { file: 'xzcat', args: [], mutating: false, inputFile: image, inputRead: reading.inputRead };
      await must({ file: 'zfs', args: ['receive', ...layer, ...props, checkDataset(target)], mutating: true, pipeFrom: cat });
      reading?.done();
    },
    async skein1024(files) {
      if (files.length === 0) throw new PotError('internal', 'skein1024 of no file');
      const cat: HostCommand = { file: 'cat', args: files.map(checkLocalPath), mutating: false };
      const r = await must({ file: 'skein1024', args: ['-q'], mutating: false, pipeFrom: cat });
      return r.stdout.trim();
    },
    async sign(secretKey, file) {
      const command: HostCommand = { file: 'signify', args: ['-S', '-s', checkLocalPath(secretKey), '-m', checkLocalPath(file)], mutating: true };
      const r = await runner.run(command);
      if (r.exitCode === NOT_FOUND) throw missingSignify();
      if (r.exitCode !== 0) throw commandError(command, r, 'signing failed');
    },
    async verifySignature(publicKey, signature, file) {
      const args = ['-V', '-p', checkLocalPath(publicKey), '-x', checkLocalPath(signature), '-m', checkLocalPath(file)];
      const r = await runner.run({ file: 'signify', args, mutating: false });
      if (r.exitCode === NOT_FOUND) throw missingSignify();
      return r.exitCode === 0;
    },
  };
}

/** The exit status of a command that could not be run (execa's, a shell's). */
const NOT_FOUND = 127;

function missingSignify(): PotError {
  return new PotError('host-state', "Could not find 'signify'", { suggestion: 'pkg install signify' });
}
