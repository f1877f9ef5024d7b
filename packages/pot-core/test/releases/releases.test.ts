import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  baseTarballFileName,
  baseTarballUrl,
  basePotName,
  compareVersions,
  fullReleaseName,
  manifestSha256,
  parseManifest,
  releasesFromManifests,
  sameDigest,
  sortVersions,
} from '../../src/releases/index.js';
import { sha256OfFile } from '../../src/host/local-files.js';

const AMD64 = { machine: 'amd64', arch: 'amd64' };

describe('sort -V', () => {
  it('orders numbers as numbers and suffixes as GNU sort -V does', () => {
    expect(sortVersions(['13.10-RELEASE', '14.0-RELEASE', '13.2-RELEASE', '14.0-RC1', '9.3-RELEASE', '14.0-BETA2'])).toEqual([
      '9.3-RELEASE',
      '13.2-RELEASE',
      '13.10-RELEASE',
      '14.0-BETA2',
      '14.0-RC1',
      '14.0-RELEASE',
    ]);
    expect(compareVersions('13.2', '13.2-RC1')).toBeLessThan(0);
    expect(compareVersions('1.01', '1.1')).not.toBe(0);
    expect(compareVersions('a', 'a')).toBe(0);
    expect(compareVersions('1~rc', '1')).toBeLessThan(0);
  });
});

describe('releases from the MANIFEST file names', () => {
  it("keeps this machine's files, sorts them with sort -V and strips -RELEASE", () => {
    const names = [
      'amd64-amd64-14.0-RELEASE',
      'amd64-amd64-13.2-RELEASE',
      'arm64-aarch64-13.2-RELEASE',
      'amd64-amd64-14.1-RC1',
      'amd64-amd64-13.10-RELEASE',
      'README',
      'amd64-amd64-',
    ];
    const r = releasesFromManifests(AMD64, names);
    expect(r.map((x) => x.release)).toEqual(['13.2', '13.10', '14.0', '14.1-RC1']);
    expect(r[0]).toEqual({ release: '13.2', name: '13.2-RELEASE', manifest: '/usr/local/share/freebsd/MANIFESTS/amd64-amd64-13.2-RELEASE' });
    expect(r[3]).toMatchObject({ release: '14.1-RC1', name: '14.1-RC1' });
    expect(releasesFromManifests({ machine: 'arm64', arch: 'aarch64' }, names).map((x) => x.release)).toEqual(['13.2']);
  });

  it("a bare release file gets -RELEASE; the package's -RELEASE file wins over it", () => {
    expect(fullReleaseName('13.2')).toBe('13.2-RELEASE');
    expect(fullReleaseName('14.0-BETA2')).toBe('14.0-BETA2');
    expect(releasesFromManifests(AMD64, ['amd64-amd64-13.2'])).toEqual([
      { release: '13.2', name: '13.2-RELEASE', manifest: '/usr/local/share/freebsd/MANIFESTS/amd64-amd64-13.2' },
    ]);
    expect(releasesFromManifests(AMD64, ['amd64-amd64-13.2', 'amd64-amd64-13.2-RELEASE'])).toEqual([
      { release: '13.2', name: '13.2-RELEASE', manifest: '/usr/local/share/freebsd/MANIFESTS/amd64-amd64-13.2-RELEASE' },
    ]);
  });

  it('URL, cache file and level-0 pot name as shell pot made them', () => {
    expect(baseTarballUrl({ machine: 'arm64', arch: 'aarch64' }, { name: '14.0-RC1' })).toBe(
      'https://ftp.freebsd.org/pub/FreeBSD/releases/arm64/aarch64/14.0-RC1/base.txz',
    );
    expect(baseTarballFileName({ name: '13.2-RELEASE' })).toBe('13.2-RELEASE_base.txz');
    expect(basePotName('13.2')).toBe('base-13_2');
    expect(basePotName('13.2.1')).toBe('base-13_2.1');
    expect(basePotName('mine')).toBe('base-mine');
  });
});

describe('MANIFEST', () => {
  const sha = 'ab'.repeat(32);
  const text = [
    `base-dbg.txz\t${'1'.repeat(64)}\t54\tbase-dbg\t"Base system (Debugging)"\toff`,
    `base.txz\t${sha.toUpperCase()}\t27325\tbase\t"Base system (MANDATORY)"\ton`,
    'garbage line',
    `kernel.txz\tnot-a-sha\t81\tkernel\t"Kernel (MANDATORY)"\ton`,
    '',
  ].join('\n');

  it('reads the sha256 of base.txz (not base-dbg.txz), lower case; malformed lines are skipped', () => {
    expect(manifestSha256(text)).toBe(sha);
    expect(parseManifest(text).map((e) => e.name)).toEqual(['base-dbg.txz', 'base.txz']);
    expect(manifestSha256(text, 'kernel.txz')).toBeUndefined();
    expect(manifestSha256('')).toBeUndefined();
    expect(manifestSha256(`base.txz ${sha} 1 base x on\n`)).toBe(sha);
  });

  it('hashes a file in-process', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pot-sha-'));
    const file = path.join(dir, 'f');
    writeFileSync(file, 'abc');
    expect(await sha256OfFile(file)).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sameDigest('ABC', 'abc')).toBe(true);
    await expect(sha256OfFile(path.join(dir, 'missing'))).rejects.toThrow();
  });
});
