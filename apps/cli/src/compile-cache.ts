/**
 * Node's compile cache for the installed pot: V8's compiled code of the bundle kept between
 * runs, which saves most of the bundle's compilation on every command (nomad-pot-driver runs
 * pot a dozen times per task). A cache is code pot runs as root, so it is used only from a
 * directory that nobody else can write: owned by the user running pot, not a symbolic link,
 * no access for group or others. Anything else leaves the cache off; pot runs as before.
 */
import { lstatSync, mkdirSync } from 'node:fs';
import path from 'node:path';

export type CacheDirVerdict = { use: true } | { use: false; why: string };

/** Creates `dir` (mode 0700) when it is missing and its parent exists, then says whether it is safe. */
export function trustedCacheDir(dir: string, uid: number): CacheDirVerdict {
  if (!path.isAbsolute(dir)) return { use: false, why: 'not an absolute path' };
  try {
    mkdirSync(dir, { mode: 0o700 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') return { use: false, why: `cannot create it (${(e as NodeJS.ErrnoException).code})` };
  }
  const st = lstatSync(dir);
  if (st.isSymbolicLink()) return { use: false, why: 'a symbolic link' };
  if (!st.isDirectory()) return { use: false, why: 'not a directory' };
  if (st.uid !== uid) return { use: false, why: `owned by uid ${st.uid}, not ${uid}` };
  if ((st.mode & 0o077) !== 0) return { use: false, why: `mode ${(st.mode & 0o777).toString(8)}, group or others have access` };
  return { use: true };
}
