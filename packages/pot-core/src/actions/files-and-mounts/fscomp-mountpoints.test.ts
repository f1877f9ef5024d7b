import { describe, expect, it } from 'vitest';
import { isPotError } from '../../errors/pot-error.js';
import type { FscompEntry } from '../../store/index.js';
import { FscompConf } from '../../store/index.js';
import {
  checkMountpointArgument,
  entriesAt,
  entryFromMountpoint,
  insideMountpoint,
  isInsidePot,
  mountInDirectory,
  mountInOption,
  normaliseMountpoint,
} from './fscomp-mountpoints.js';
import { tempSuffix } from './pot-copy.js';

const ROOT = '/opt/pot/jails/web/m';

function thrown(fn: () => unknown): { code: string; message: string } | undefined {
  try {
    fn();
  } catch (err) {
    if (isPotError(err)) return { code: err.code, message: err.message };
    throw err;
  }
  return undefined;
}

describe('fscomp.conf mount points', () => {
  it('normalises: no trailing /, no . or .., the root stays /', () => {
    expect(normaliseMountpoint('/mnt/data/')).toBe('/mnt/data');
    expect(normaliseMountpoint('/mnt//x/../data')).toBe('/mnt/data');
    expect(normaliseMountpoint('/')).toBe('/');
    expect(normaliseMountpoint('')).toBe('/');
  });

  it('reads both forms of line: inside the pot, or the legacy absolute path below J/m', () => {
    expect(insideMountpoint('/mnt/data', ROOT)).toBe('/mnt/data');
    expect(insideMountpoint(`${ROOT}/mnt/data`, ROOT)).toBe('/mnt/data');
    expect(insideMountpoint(`${ROOT}/mnt/data/`, `${ROOT}/`)).toBe('/mnt/data');
    expect(insideMountpoint(ROOT, ROOT)).toBe('/');
    // a sibling of m is not below it
    expect(insideMountpoint('/opt/pot/jails/web/mnt', ROOT)).toBe('/opt/pot/jails/web/mnt');
  });

  it('finds the lines of a mount point whatever their form, with trailing blanks too, and nothing else', () => {
    const conf = FscompConf.parse(`zroot/pot/bases/13.1 / ro\n/data ${ROOT}/mnt/data \n/other /mnt/data2\n/x /mnt/data/\n`);
    const at = entriesAt(conf.entries, '/mnt/data', ROOT);
    expect(at.map((e) => e.source)).toEqual(['/data', '/x']);
    expect(entriesAt(conf.entries, '/mnt', ROOT)).toEqual([]);
    expect(entriesAt(conf.entries, '/', ROOT).map((e) => e.source)).toEqual(['zroot/pot/bases/13.1']);
    conf.remove((e) => at.includes(e));
    expect(conf.toString()).toBe('zroot/pot/bases/13.1 / ro\n/other /mnt/data2\n');
  });

  it("finds a line whose source is the mount point's own directory in the pot", () => {
    const entries: FscompEntry[] = [{ source: `${ROOT}/srv/`, mountpoint: '/elsewhere', option: '' }];
    expect(entryFromMountpoint(entries, '/srv', ROOT)).toBe(entries[0]);
    expect(entryFromMountpoint(entries, '/srv2', ROOT)).toBeUndefined();
  });

  it('checks -m as shell pot did: blanks (mount-in), absolute, not /', () => {
    expect(thrown(() => checkMountpointArgument('/mnt/my data', { blanks: true }))).toEqual({ code: 'usage', message: 'The mountpoint cannot contain spaces' });
    expect(thrown(() => checkMountpointArgument('/mnt/my\tdata', { blanks: true }))?.message).toBe('The mountpoint cannot contain spaces');
    expect(thrown(() => checkMountpointArgument('/mnt/my data', { blanks: false }))).toBeUndefined();
    expect(thrown(() => checkMountpointArgument('mnt', { blanks: true }))?.message).toBe('The mount point has to be an absolute pathname');
    expect(thrown(() => checkMountpointArgument('/', { blanks: true }))?.message).toBe('/ is not a valid mount point');
    expect(thrown(() => checkMountpointArgument('//', { blanks: true }))?.message).toBe('/ is not a valid mount point');
    expect(thrown(() => checkMountpointArgument('/mnt', { blanks: true }))).toBeUndefined();
  });

  it('picks the option word: -r ro, -w zfs-remount (not for a directory), both: ro with a note', () => {
    expect(mountInOption({ directory: true })).toEqual({ option: '' });
    expect(mountInOption({ directory: true, readOnly: true })).toEqual({ option: 'ro' });
    expect(mountInOption({ directory: false, remount: true })).toEqual({ option: 'zfs-remount' });
    expect(mountInOption({ directory: false, remount: true, readOnly: true })).toEqual({
      option: 'ro',
      note: 'Readonly and remount are mutually exclusive: readonly considered, remount ignored',
    });
    expect(thrown(() => mountInOption({ directory: true, remount: true }))?.message).toBe('Remount cannot be used with directories, but with fscomp only');
  });

  it('takes -d relative to the working directory and tells a directory of the pot', () => {
    expect(mountInDirectory('data/', '/home/me')).toBe('/home/me/data');
    expect(mountInDirectory('/srv/www/', '/home/me')).toBe('/srv/www');
    const pot = '/opt/pot/jails/web';
    expect(isInsidePot('/opt/pot/jails/web/m/tmp', pot)).toBe(true);
    expect(isInsidePot('/opt/pot/jails/web', pot)).toBe(true);
    expect(isInsidePot('/opt/pot/jails/web2', pot)).toBe(false);
    expect(isInsidePot('/opt/pot/jails', pot)).toBe(false);
    expect(isInsidePot(pot, '/opt/pot/jails')).toBe(true);
  });

  it('names temporary directories as mktemp does: eight letters and digits', () => {
    expect(tempSuffix(new Uint8Array([0, 1, 25, 26, 51, 52, 61, 62]))).toBe('ABZaz09A');
    expect(tempSuffix()).toMatch(/^[A-Za-z0-9]{8}$/);
  });
});
