/**
 * `pot copy-out -p POT -s SOURCE -d DIR [-F]` (shell pot 0.16.0): a
 * file or directory of a pot copied into a directory of the host. The host
 * directory is mounted read-write below the pot's /tmp and `cp -a` runs as a
 * process of the jail, so links inside the pot cannot make it read anything
 * outside the pot. A running pot only with -F; a stopped one is mounted for
 * the copy, under the pot's lock.
 */
import { PotError } from '../../errors/pot-error.js';
import { validatePotName } from '../../names/index.js';
import type { ActionContext } from '../context/context.js';
import { debug, realFiles, requireRoot, userPath } from '../context/context.js';
import { copyInsideJail, copyPlace, withTempMount } from './pot-copy.js';
import { withPotHeld, withPotMounted } from './with-pot-mounted.js';
import { existingPot } from '../context/pot-lookup.js';

export interface CopyOutOptions {
  pot: string;
  /** The file or directory inside the pot (absolute). */
  source: string;
  /** A directory of the host (relative to the working directory). */
  destination: string;
  /** -F: copy from a running pot too. */
  force?: boolean;
}

const usage = (message: string, suggestion: string): PotError => new PotError('usage', message, { suggestion });

/** Copies a file or directory of the pot into a host directory. */
export async function copyOut(ctx: ActionContext, o: CopyOutOptions): Promise<void> {
  const { pot, source } = o;
  if (pot === '') throw usage('A pot name is mandatory', 'give the pot with -p POT');
  if (source === '') throw usage('A source is mandatory', 'give the file or directory inside the pot with -s SOURCE');
  if (o.destination === '') throw usage('A destination is mandatory', 'give the host directory to copy to with -d DIR');
  if (!source.startsWith('/')) throw usage('The source has to be an absolute pathname', `give the path inside the pot, e.g. /${source}`);
  validatePotName(pot, { purpose: 'existing' });
  const conf = await existingPot(ctx, pot);
  await requireRoot(ctx);
  const destination = userPath(ctx, o.destination);
  if (!(await realFiles(ctx).isDirectory(destination))) {
    throw new PotError('not-found', `${o.destination} not valid`, { suggestion: 'the destination has to be an existing directory of the host' });
  }
  await withPotHeld(ctx, pot, async (running) => {
    if (running && o.force !== true) {
      throw new PotError('conflict', 'Copying files from a running pot is discouraged, it can partially expose the host file system to the jail', {
        suggestion: 'Using the -F flag, the operation can be executed anyway, but we disagree',
      });
    }
    if (running) debug(ctx, 'Copying files from a running pot allowed, because of the -F flag');
    await withPotMounted(ctx, pot, conf, running, async () => {
      await withTempMount(ctx, pot, { prefix: 'copy-out', hostDir: destination, readOnly: false, what: 'destination' }, async (tmp) => {
        await copyInsideJail(ctx, copyPlace(ctx, pot, running), source, tmp, `Source ${source} NOT copied because of an error`);
        debug(ctx, `Source ${source} copied from the pot ${pot}`);
      });
    });
  });
}
