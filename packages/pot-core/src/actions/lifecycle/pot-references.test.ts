import { describe, expect, it } from 'vitest';
import { FscompConf, PotConf } from '../../store/index.js';
import { renamedPath, renameInFscompConf, renameInPotConf, renameOwnPotConf } from './pot-references.js';

const p = { zfsRoot: 'zroot/pot', fsRoot: '/opt/pot', from: 'web', to: 'www' };

describe('rename references', () => {
  it("paths of the pot's datasets and directory, nothing else", () => {
    expect(renamedPath('zroot/pot/jails/web/usr.local', p)).toBe('zroot/pot/jails/www/usr.local');
    expect(renamedPath('zroot/pot/jails/web', p)).toBe('zroot/pot/jails/www');
    expect(renamedPath('/opt/pot/jails/web/m/usr/local', p)).toBe('/opt/pot/jails/www/m/usr/local');
    expect(renamedPath('zroot/pot/jails/webby/custom', p)).toBe('zroot/pot/jails/webby/custom');
    expect(renamedPath('/srv/jails/web/data', p)).toBe('/srv/jails/web/data');
    expect(renamedPath('/usr/local', p)).toBe('/usr/local');
  });

  it('fscomp.conf: changed lines rewritten, the others kept byte for byte', () => {
    const conf = FscompConf.parse(
      'zroot/pot/bases/13.1 / ro\nzroot/pot/jails/web/usr.local /usr/local ro\nzroot/pot/jails/lvl2/custom /opt/custom zfs-remount \n',
    );
    expect(renameInFscompConf(conf, p)).toBe(true);
    expect(conf.toString()).toBe(
      'zroot/pot/bases/13.1 / ro\nzroot/pot/jails/www/usr.local /usr/local ro\nzroot/pot/jails/lvl2/custom /opt/custom zfs-remount \n',
    );
    expect(renameInFscompConf(FscompConf.parse('zroot/pot/bases/13.1 / ro\n'), p)).toBe(false);
  });

  it('pot.potbase and pot.depend naming the pot, in place', () => {
    const conf = PotConf.parse('pot.potbase=web\npot.depend=web\npot.depend=webby\npot.base=web\n');
    expect(renameInPotConf(conf, p)).toBe(true);
    expect(conf.toString()).toBe('pot.potbase=www\npot.depend=www\npot.depend=webby\npot.base=web\n');
    expect(renameInPotConf(PotConf.parse('pot.potbase=\n'), p)).toBe(false);
  });

  it("the renamed pot's hostname goes last", () => {
    const conf = PotConf.parse('host.hostname="web.host.example.org"\npot.dns=inherit\n');
    expect(renameOwnPotConf(conf, 'www.host.example.org').toString()).toBe('pot.dns=inherit\nhost.hostname="www.host.example.org"\n');
  });
});
