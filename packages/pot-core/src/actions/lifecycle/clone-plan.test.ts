import { describe, expect, it } from 'vitest';
import { FscompConf } from '../../store/index.js';
import { clonePotConfText, planMultiClone, planSingleClone, relativeMountpoint } from './clone-plan.js';

const paths = { zfsRoot: 'zroot/pot', fsRoot: '/opt/pot', template: 'web', pot: 'app' };

const TEMPLATE = [
  'pot.level=1',
  'pot.type=multi',
  'pot.base=13.1',
  'pot.potbase=',
  'pot.dns=inherit',
  'pot.cmd=sh /etc/rc',
  'host.hostname="web.host.example.org"',
  'osrelease="13.1-RELEASE"',
  'pot.attr.persistent=YES',
  'pot.stack=ipv4',
  'network_type=public-bridge',
  'vnet=true',
  'ip=10.192.0.3',
  'pot.export.ports=80',
  '',
].join('\n');

describe('clonePotConfText', () => {
  it("the template's lines minus the replaced keys, then the new ones in shell pot's order", () => {
    const text = clonePotConfText(TEMPLATE, {
      hostname: 'app.host.example.org',
      stack: 'ipv4',
      network: { type: 'private-bridge', ip: '10.192.0.10', bridge: 'stove' },
      dns: 'inherit',
      dnsName: 'dns',
    });
    expect(text).toBe(
      [
        'pot.level=1',
        'pot.type=multi',
        'pot.base=13.1',
        'pot.potbase=',
        'pot.cmd=sh /etc/rc',
        'osrelease="13.1-RELEASE"',
        'pot.attr.persistent=YES',
        'pot.export.ports=80',
        'host.hostname="app.host.example.org"',
        'pot.stack=ipv4',
        'network_type=private-bridge',
        'vnet=true',
        'ip=10.192.0.10',
        'bridge=stove',
        'pot.dns=inherit',
        '',
      ].join('\n'),
    );
  });

  it('inherit and alias networks; custom:FILE is written as custom', () => {
    const base = { hostname: 'app.h', stack: 'dual' as const, dnsName: 'dns' };
    expect(clonePotConfText(TEMPLATE, { ...base, network: { type: 'inherit', ip: '' }, dns: 'custom:/etc/r.conf' })).toMatch(
      /\npot\.stack=dual\nnetwork_type=inherit\nvnet=false\npot\.dns=custom\n$/,
    );
    expect(clonePotConfText(TEMPLATE, { ...base, network: { type: 'alias', ip: '192.168.1.5 em0|fd00::5' }, dns: 'off' })).toMatch(
      /\nnetwork_type=alias\nvnet=false\nip=192\.168\.1\.5 em0\|fd00::5\npot\.dns=off\n$/,
    );
  });

  it("dns pot: one pot.depend on the dns pot; another mode drops the template's", () => {
    const c = { hostname: 'app.h', stack: 'ipv4' as const, network: { type: 'inherit' as const, ip: '' }, dnsName: 'dns' };
    const withDns = clonePotConfText(TEMPLATE, { ...c, dns: 'pot' });
    expect(withDns).toMatch(/\npot\.dns=pot\npot\.depend=dns\n$/);
    const again = clonePotConfText(withDns, { ...c, dns: 'pot' });
    expect(again.match(/^pot\.depend=dns$/gm)).toHaveLength(1);
    const away = clonePotConfText(`${withDns}pot.depend=db\n`, { ...c, dns: 'inherit' });
    expect(away).not.toContain('pot.depend=dns');
    expect(away).toContain('pot.depend=db\n');
  });

  it('ends with a newline even when the template does not', () => {
    const text = clonePotConfText('pot.type=single', { hostname: 'h', stack: 'ipv4', network: { type: 'inherit', ip: '' }, dns: 'inherit', dnsName: 'dns' });
    expect(text.endsWith('pot.dns=inherit\n')).toBe(true);
  });
});

describe('clone plans', () => {
  it('legacy absolute mount points become relative', () => {
    expect(relativeMountpoint('/opt/pot/jails/web/m/usr/local', paths)).toBe('/usr/local');
    expect(relativeMountpoint('/opt/pot/jails/web/m', paths)).toBe('/');
    expect(relativeMountpoint('/opt/custom', paths)).toBe('/opt/custom');
    expect(relativeMountpoint('/opt/pot/jails/web/mx', paths)).toBe('/opt/pot/jails/web/mx');
  });

  it('multi: ro kept, own datasets cloned with their option, the rest referenced read-write', () => {
    const template = FscompConf.parse(
      [
        'zroot/pot/bases/13.1 / ro',
        'zroot/pot/jails/web/usr.local /opt/pot/jails/web/m/usr/local zfs-remount',
        'zroot/pot/jails/web/custom /opt/custom zfs-remount ',
        'zroot/pot/fscomp/data /data zfs-remount',
        '/srv/www /var/www',
        'zroot/other /other',
        '',
      ].join('\n'),
    );
    const plan = planMultiClone(template, paths);
    expect(plan.clones).toEqual([
      { source: 'zroot/pot/jails/web/usr.local', target: 'zroot/pot/jails/app/usr.local', mountpoint: '/opt/pot/jails/app/usr.local' },
      { source: 'zroot/pot/jails/web/custom', target: 'zroot/pot/jails/app/custom', mountpoint: '/opt/pot/jails/app/custom' },
    ]);
    expect(plan.fscomp.toString()).toBe(
      [
        'zroot/pot/bases/13.1 / ro',
        'zroot/pot/jails/app/usr.local /usr/local zfs-remount',
        'zroot/pot/jails/app/custom /opt/custom zfs-remount',
        'zroot/pot/fscomp/data /data',
        '/srv/www /var/www',
        'zroot/other /other',
        '',
      ].join('\n'),
    );
  });

  it('single: the m dataset, and the mount-in lines', () => {
    const plan = planSingleClone(FscompConf.parse('zroot/pot/fscomp/data /opt/pot/jails/web/m/data\n'), paths);
    expect(plan.clones).toEqual([{ source: 'zroot/pot/jails/web/m', target: 'zroot/pot/jails/app/m', mountpoint: '/opt/pot/jails/app/m' }]);
    expect(plan.fscomp.toString()).toBe('zroot/pot/fscomp/data /data\n');
    expect(planSingleClone(FscompConf.parse(''), paths).fscomp.toString()).toBe('');
  });
});
