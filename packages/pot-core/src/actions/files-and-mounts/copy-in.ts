/**
 * `pot copy-in -p POT -s SOURCE -d DEST [-c] [-F]` (shell pot 0.16.0):
 * a file or directory of the host copied into a pot. The source (a file's
 * directory) is mounted read-only below the pot's /tmp and `cp -a` runs as a
 * process of the jail, so links inside the pot cannot redirect the write
 * outside it. A running pot only with -F (the mount exposes the source to
 * it); a stopped one is mounted for the copy. Held under the global lock, as
 * in shell pot, and under the pot's lock (a start waits for the copy).
 */
import path from 'node:path';
import { PotError } from '../../errors/pot-error.js';
import { withGlobalLock } from '../../locks/index.js';
import { validatePotName } from '../../names/index.js';
import type { ActionContext } from '../context/context.js';
import { debug, passStderr, realFiles, requireRoot, userPath } from '../context/context.js';
import { copyInsideJail, copyPlace, withTempMount } from './pot-copy.js';
import { withPotHeld, withPotMounted } from './with-pot-mounted.js';
import { existingPot } from '../context/pot-lookup.js';

export interface CopyInOptions {
  pot: string;
  /** A file or directory of the host (relative to the working directory). */
  source: string;
  /** Where it goes inside the pot (absolute). */
  destination: string;
  /** -F: copy into a running pot too. */
  force?: boolean;
  /** -c: create the destination's directory (and its parents) first. */
  createDirs?: boolean;
}

const usage = (message: string, suggestion: string): PotError => new PotError('usage', message, { suggestion });

/** Copies a host file or directory into the pot. */
export async function copyIn(ctx: ActionContext, o: CopyInOptions): Promise<void> {
  const { pot, destination } = o;
  if (pot === '') throw usage('A pot name is mandatory', 'give the pot with -p POT');
  if (o.source === '') throw usage('A source is mandatory', 'give the file or directory to copy with -s SOURCE');
  if (destination === '') throw usage('A destination is mandatory', 'give where it goes inside the pot with -d DEST');
  if (!destination.startsWith('/')) throw usage('The destination has to be an absolute pathname', `give the path inside the pot, e.g. /${destination}`);
  validatePotName(pot, { purpose: 'existing' });
  const conf = await existingPot(ctx, pot);
  await requireRoot(ctx);
  const source = userPath(ctx, o.source);
  const isDirectory = await realFiles(ctx).isDirectory(source);
  if (!isDirectory && !(await realFiles(ctx).exists(source))) {
    throw new PotError('not-found', `${o.source} not valid`, { suggestion: 'the source has to be an existing file or directory of the host' });
  }
  await withGlobalLock(() =>
    withPotHeld(ctx, pot, async (running) => {
      if (running && o.force !== true) {
        throw new PotError('conflict', 'Copying files on a running pot is discouraged, it can partially expose the host file system to the jail', {
          suggestion: 'Using the -F flag, the operation can be executed anyway, but we disagree',
        });
      }
      if (running) debug(ctx, 'Copying files on a running pot allowed, because of the -F flag');
      await withPotMounted(ctx, pot, conf, running, async () => {
        const place = copyPlace(ctx, pot, running);
        if (o.createDirs === true) {
          const dir = path.posix.dirname(destination);
          const r = await ctx.host.jails.makeDirectoryInside(place, dir);
          passStderr(ctx, r.stderr);
          if (r.exitCode !== 0)
            throw new PotError('host-command', `Destination path ${destination} NOT created because of an error`, {
              suggestion: `mkdir -p ${dir} failed inside the pot`,
            });
          debug(ctx, `Destination path ${destination} created in the pot ${pot}`);
        }
        // a directory is mounted under its own name, so `cp -a` gives it that name inside an existing DEST
        const name = path.basename(source);
        const mount = isDirectory ? { hostDir: source, ...(name === '' ? {} : { below: name }) } : { hostDir: path.dirname(source) };
        await withTempMount(ctx, pot, { prefix: 'copy-in', readOnly: true, what: 'source', ...mount }, async (tmp) => {
          const from = name === '' ? tmp : `${tmp}/${name}`;
          await copyInsideJail(ctx, place, from, destination, `Source ${o.source} NOT copied because of an error`);
          debug(ctx, `Source ${o.source} copied in the pot ${pot}`);
        });
      });
    }),
  );
}
