/**
 * A pot's or bridge's file that is there but cannot be read as a file (a
 * directory in its place, no permission, a path too long …): a PotError that
 * names its owner and the file, so that commands walking every pot report it
 * in one line and go on, and no file system error reaches the user as a bug.
 */
import { PotError } from '../errors/pot-error.js';

const REASONS: Readonly<Record<string, string>> = {
  EISDIR: 'it is a directory',
  ENOTDIR: 'a part of its path is not a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'its path is too long',
  EIO: 'input/output error',
};

/** `owner` is how the user names what holds the file (`pot web`, `bridge stage`). */
export function unreadableFile(owner: string, file: string, err: unknown, remedy: string): PotError {
  if (err instanceof PotError) return err;
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const reason = (code !== undefined && REASONS[code]) || (code ?? (err instanceof Error ? err.message : String(err)));
  return new PotError('host-state', `${owner}: ${file} cannot be read (${reason})`, { suggestion: remedy, cause: err });
}

/** Reads with `read`, turning a failure other than "missing" into unreadableFile's error. */
export async function readOwnedFile<T>(owner: string, file: string, remedy: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (err) {
    throw unreadableFile(owner, file, err, remedy);
  }
}
