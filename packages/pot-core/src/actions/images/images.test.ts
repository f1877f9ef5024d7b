import { describe, expect, it } from 'vitest';
import { formatCommand } from '../../host/command.js';
import { createImageOps } from '../../host/freebsd/images.js';
import { createRecordingRunner } from '../../host/runners.js';
import { compareVersions } from './export-pot.js';
import { imageFileName, importedPotName } from './import-pot.js';
import { preparedPotName } from './prepare-pot.js';

describe('image names', () => {
  it('NAME_TAG with dots as underscores for pots; the file keeps the tag', () => {
    expect(importedPotName('web', '1.0.2')).toBe('web_1_0_2');
    expect(imageFileName('web', '1.0.2')).toBe('web_1.0.2.xz');
    expect(preparedPotName('task.a', 'hash_alloc.1')).toBe('task_a_hash_alloc_1');
  });

  it('tags compare as versions', () => {
    expect(compareVersions('1.10', '1.9')).toBeGreaterThan(0);
    expect(compareVersions('1.2', '1.2')).toBe(0);
    expect(compareVersions('0.9', '1.0')).toBeLessThan(0);
  });
});

describe('image host operations', () => {
  it('are two-process pipes: zfs send | xz > FILE, xzcat | zfs receive, cat | skein1024', async () => {
    const runner = createRecordingRunner({ responses: { skein1024: { stdout: 'abc123\n' } } });
    const images = createImageOps(runner);
    await images.sendCompressed('zroot/pot/jails/web@1700000000', '/tmp/web_1.0.xz', 6);
    await images.receiveCompressed('/cache/web_1.0.xz', 'zroot/pot/jails/web_1_0');
    expect(await images.skein1024(['/cache/web_1.0.xz', '/cache/web_1.0.xz.meta'])).toBe('abc123');
    await images.receiveCompressed('/cache/web_2.0.xz', 'zroot/pot/jails/web_2_0', {
      origin: 'zroot/pot/jails/base_1_0@17',
      mount: false,
      excludeProperties: ['encryption'],
    });
    expect(runner.commands.map((c) => formatCommand(c.command))).toEqual([
      'zfs send -R zroot/pot/jails/web@1700000000 | xz -6 -T 0 > /tmp/web_1.0.xz',
      'xzcat /cache/web_1.0.xz | zfs receive zroot/pot/jails/web_1_0',
      'cat /cache/web_1.0.xz /cache/web_1.0.xz.meta | skein1024 -q',
      'xzcat /cache/web_2.0.xz | zfs receive -u -o origin=zroot/pot/jails/base_1_0@17 -x encryption zroot/pot/jails/web_2_0',
    ]);
  });

  it('sign and verify with signify: a mismatch is false, a missing signify a clear error', async () => {
    const runner = createRecordingRunner({
      responses: {
        'signify -V -p /keys/good.pub': { stdout: 'Signature Verified\n' },
        'signify -V -p /keys/other.pub': { exitCode: 1, stderr: 'signify: signature verification failed\n' },
        'signify -V -p /keys/absent.pub': { exitCode: 127 },
      },
    });
    const images = createImageOps(runner);
    await images.sign('/keys/good.sec', '/img/web_1.0.xz.skein');
    expect(await images.verifySignature('/keys/good.pub', '/img/web_1.0.xz.skein.sig', '/img/web_1.0.xz.skein')).toBe(true);
    expect(await images.verifySignature('/keys/other.pub', '/img/web_1.0.xz.skein.sig', '/img/web_1.0.xz.skein')).toBe(false);
    await expect(images.verifySignature('/keys/absent.pub', '/img/s.sig', '/img/s')).rejects.toThrow("Could not find 'signify'");
    await expect(images.sign('keys/good.sec', '/img/s')).rejects.toThrow(/absolute path/);
    expect(runner.commands.map((c) => formatCommand(c.command)).slice(0, 2)).toEqual([
      'signify -S -s /keys/good.sec -m /img/web_1.0.xz.skein',
      'signify -V -p /keys/good.pub -x /img/web_1.0.xz.skein.sig -m /img/web_1.0.xz.skein',
    ]);
  });

  it('refuse relative paths, option-like names and bad levels', async () => {
    const images = createImageOps(createRecordingRunner());
    await expect(images.sendCompressed('zroot/pot/jails/web@1', 'web.xz', 6)).rejects.toThrow(/absolute path/);
    await expect(images.sendCompressed('zroot/pot/jails/web@1', '/tmp/web.xz', 10)).rejects.toThrow(/compression level/);
    await expect(images.receiveCompressed('/c/web.xz', '-F')).rejects.toThrow(/not a valid dataset name/);
  });
});
