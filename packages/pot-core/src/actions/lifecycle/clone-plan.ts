/**
 * What `pot clone` writes and clones, decided from the template's
 * files without touching the host: the new pot.conf (the template's minus the
 * keys a clone gets anew, then those keys) and, for multi pots, which of the
 * template's datasets are cloned and the new fscomp.conf.
 */
import type { NetworkDecision, Stack } from '../../network/index.js';
import { FscompConf, type FscompEntry, PotConf } from '../../store/index.js';

/** The keys a clone writes anew; the template's lines for them are left out (shell pot: `grep -vE '^(host.hostname|bridge|ip|vnet|network_type|pot.stack|pot.dns)'`). */
const CLONE_REPLACED_KEYS = ['host.hostname', 'bridge', 'ip', 'vnet', 'network_type', 'pot.stack', 'pot.dns'] as const;

export interface CloneConf {
  /** The full hostname (usableHostname). */
  hostname: string;
  stack: Stack;
  network: NetworkDecision;
  /** inherit | pot | off | custom | custom:FILE (written as `custom`). */
  dns: string;
  /** POT_DNS_NAME: the dependency of a pot whose dns is `pot`. */
  dnsName: string;
}

/**
 * The clone's pot.conf. Unlike shell pot, a clone whose dns is `pot` depends
 * on the dns pot (`pot.depend=POT_DNS_NAME`, as create writes it), and a clone
 * of a `pot`-dns template given another dns mode loses that dependency.
 */
export function clonePotConfText(templateText: string, c: CloneConf): string {
  const conf = PotConf.parse(templateText);
  const templateDns = conf.getShell('pot.dns');
  for (const key of CLONE_REPLACED_KEYS) conf.delete(key);
  const dns = c.dns.startsWith('custom') ? 'custom' : c.dns;
  if (templateDns === 'pot' && dns !== 'pot') conf.deleteValue('pot.depend', c.dnsName);
  conf.add('host.hostname', `"${c.hostname}"`);
  conf.add('pot.stack', c.stack);
  conf.add('network_type', c.network.type);
  switch (c.network.type) {
    case 'inherit':
      conf.add('vnet', 'false');
      break;
    case 'alias':
      conf.add('vnet', 'false').add('ip', c.network.ip);
      break;
    case 'public-bridge':
      conf.add('vnet', 'true').add('ip', c.network.ip);
      break;
    case 'private-bridge':
      conf
        .add('vnet', 'true')
        .add('ip', c.network.ip)
        .add('bridge', c.network.bridge ?? '');
      break;
  }
  conf.add('pot.dns', dns);
  if (dns === 'pot' && !conf.depends.includes(c.dnsName)) conf.add('pot.depend', c.dnsName);
  conf.finalNewline = true;
  return conf.toString();
}

export interface ClonePaths {
  zfsRoot: string;
  fsRoot: string;
  template: string;
  pot: string;
}

/** A mount point of the template's fscomp.conf inside the pot (legacy absolute `FS/jails/T/m/…` lines made relative, as `_update_fscomp` does). */
export function relativeMountpoint(mountpoint: string, p: ClonePaths): string {
  const root = `${p.fsRoot}/jails/${p.template}/m`;
  if (mountpoint === root) return '/';
  return mountpoint.startsWith(`${root}/`) ? mountpoint.slice(root.length) : mountpoint;
}

export interface DatasetClone {
  /** The template's dataset. */
  source: string;
  /** The clone's dataset. */
  target: string;
  /** Where the clone's dataset is mounted on the host. */
  mountpoint: string;
}

export interface MultiClonePlan {
  clones: DatasetClone[];
  fscomp: FscompConf;
}

/**
 * A multi pot's clone, line by line of the template's fscomp.conf: read-only
 * lines are kept as they are; the template's own datasets (`ZR/jails/T/X`)
 * are cloned into `ZR/jails/NEW/X` (mounted at `FS/jails/NEW/X`) with the
 * line's mount point and option; everything else — fs components, other
 * datasets, host directories — is referenced as it is, read-write (shell pot
 * did so for fs components only and left the others out with "not able to
 * manage").
 */
export function planMultiClone(template: FscompConf, p: ClonePaths): MultiClonePlan {
  const own = `${p.zfsRoot}/jails/${p.template}/`;
  const clones: DatasetClone[] = [];
  const fscomp = new FscompConf();
  for (const e of template.entries) {
    const mountpoint = relativeMountpoint(e.mountpoint, p);
    if (e.option === 'ro') {
      fscomp.add({ source: e.source, mountpoint, option: 'ro' });
    } else if (e.source.startsWith(own)) {
      const name = e.source.slice(own.length);
      const target = `${p.zfsRoot}/jails/${p.pot}/${name}`;
      clones.push({ source: e.source, target, mountpoint: `${p.fsRoot}/jails/${p.pot}/${name}` });
      fscomp.add({ source: target, mountpoint, option: e.option });
    } else {
      fscomp.add({ source: e.source, mountpoint, option: '' });
    }
  }
  return { clones, fscomp };
}

/** A single pot's clone: its `m` dataset, and the template's fscomp.conf (mount-in lines) with relative mount points. */
export function planSingleClone(template: FscompConf, p: ClonePaths): MultiClonePlan {
  const fscomp = new FscompConf();
  for (const e of template.entries) fscomp.add({ ...entryWithout(e), mountpoint: relativeMountpoint(e.mountpoint, p) });
  return {
    clones: [{ source: `${p.zfsRoot}/jails/${p.template}/m`, target: `${p.zfsRoot}/jails/${p.pot}/m`, mountpoint: `${p.fsRoot}/jails/${p.pot}/m` }],
    fscomp,
  };
}

function entryWithout(e: FscompEntry): Omit<FscompEntry, 'raw'> {
  return { source: e.source, mountpoint: e.mountpoint, option: e.option };
}
