/** The FreeBSD driver's clone, rollback, tree and syslog reload: the argv shell pot's clone, revert and rename issue. */
import { describe, expect, it } from 'vitest';
import { createFreeBsdHost, createRecordingRunner, formatLogLines } from '../../src/host/index.js';

describe('FreeBSD driver: datasets for clone, revert and rename', () => {
  it('zfs clone -o mountpoint=, zfs rollback, zfs list -r, service syslogd reload', async () => {
    const rec = createRecordingRunner({
      responses: {
        'zfs list -o name -H -r zroot/pot/jails/web': { stdout: 'zroot/pot/jails/web\nzroot/pot/jails/web/custom\nzroot/pot/jails/web/usr.local\n' },
      },
    });
    const host = createFreeBsdHost({ runner: rec, hostRoot: '/nonexistent' });
    await host.zfs.clone('zroot/pot/jails/web/custom@1700000000', 'zroot/pot/jails/app/custom', { mountpoint: '/opt/pot/jails/app/custom' });
    await host.zfs.clone('zroot/pot/fscomp/data@1', 'zroot/pot/fscomp/copy');
    await host.zfs.rollback('zroot/pot/jails/web/custom@1700000000');
    expect(await host.zfs.tree('zroot/pot/jails/web')).toEqual(['zroot/pot/jails/web', 'zroot/pot/jails/web/custom', 'zroot/pot/jails/web/usr.local']);
    await host.log.reload();
    expect(rec.commands.flatMap((c) => formatLogLines(c.command, c.result))).toEqual([
      'E zfs clone -o mountpoint=/opt/pot/jails/app/custom zroot/pot/jails/web/custom@1700000000 zroot/pot/jails/app/custom',
      'E zfs clone zroot/pot/fscomp/data@1 zroot/pot/fscomp/copy',
      'E zfs rollback zroot/pot/jails/web/custom@1700000000',
      'Q zfs list -o name -H -r zroot/pot/jails/web',
      'E service syslogd reload',
    ]);
  });

  it('a missing dataset has an empty tree; names a tool would take for options are refused', async () => {
    const rec = createRecordingRunner({ responses: { 'zfs list': { exitCode: 1, stderr: "cannot open 'x': dataset does not exist\n" } } });
    const host = createFreeBsdHost({ runner: rec, hostRoot: '/nonexistent' });
    expect(await host.zfs.tree('zroot/pot/jails/nope')).toEqual([]);
    await expect(host.zfs.clone('-r', 'zroot/pot/x')).rejects.toThrow(/not a valid snapshot name/);
    await expect(host.zfs.rollback('-r')).rejects.toThrow(/not a valid snapshot name/);
  });
});
