/**
 * A pot's or bridge's file that cannot be read or written as one (a directory
 * in its place, no permission, a path too long, a full disk …): a PotError
 * that names its owner and the file, so that commands walking every pot report
 * it in one line and go on, and no file system error reaches the user as a bug.
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
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
};

/** `owner` is how the user names what holds the file (`pot web`, `bridge stage`). */
export function fileError(owner: string, file: string, err: unknown, verb: 'read' | 'written', remedy: string): PotError {
  if (err instanceof PotError) return err;
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const reason = (code !== undefined && REASONS[code]) || (code ?? (err instanceof Error ? err.message : String(err)));
  return new PotError('host-state', `${owner}: ${file} cannot be ${verb} (${reason})`, { suggestion: remedy, cause: err });
}

/** Runs a read (`verb` read) or write of an owned file, turning a failure into fileError's PotError. */
export async function ownedFile<T>(owner: string, file: string, verb: 'read' | 'written', remedy: string, io: () => Promise<T>): Promise<T> {
  try {
    return await io();
  } catch (err) {
    throw fileError(owner, file, err, verb, remedy);
  }
}
