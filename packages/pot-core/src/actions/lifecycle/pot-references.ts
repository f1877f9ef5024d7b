/**
 * The places a pot's name is written in pot files: its datasets
 * and legacy mount points in fscomp.conf files (its own, and those of the
 * level 2 pots built on it), `pot.potbase=` and `pot.depend=` of other pots.
 * `pot rename` rewrites them; these functions change the parsed files in
 * place and say whether anything changed.
 */
import type { FscompConf, KvLine, PotConf } from '../../store/index.js';
import { shellReaderValue } from '../../store/index.js';

export interface RenamePaths {
  zfsRoot: string;
  fsRoot: string;
  from: string;
  to: string;
}

/** `ZR/jails/OLD[/…]` or `FS/jails/OLD[/…]` with OLD replaced; other paths unchanged. */
export function renamedPath(value: string, p: RenamePaths): string {
  for (const root of [p.zfsRoot, p.fsRoot]) {
    const old = `${root}/jails/${p.from}`;
    if (value === old || value.startsWith(`${old}/`)) return `${root}/jails/${p.to}${value.slice(old.length)}`;
  }
  return value;
}

/** fscomp.conf lines naming the pot's datasets or its directory now name the new ones. */
export function renameInFscompConf(conf: FscompConf, p: RenamePaths): boolean {
  let changed = false;
  conf.items.forEach((item, i) => {
    if (!('source' in item)) return;
    const source = renamedPath(item.source, p);
    const mountpoint = renamedPath(item.mountpoint, p);
    if (source === item.source && mountpoint === item.mountpoint) return;
    conf.items[i] = { source, mountpoint, option: item.option };
    changed = true;
  });
  return changed;
}

/** `pot.potbase=OLD` and `pot.depend=OLD` lines (whole values) name the new pot, in place. */
export function renameInPotConf(conf: PotConf, p: Pick<RenamePaths, 'from' | 'to'>): boolean {
  let changed = false;
  conf.lines.forEach((line: KvLine, i) => {
    if ((line.key === 'pot.potbase' || line.key === 'pot.depend') && shellReaderValue(line.value ?? '') === p.from) {
      conf.lines[i] = { raw: `${line.key}=${p.to}`, key: line.key, value: p.to };
      changed = true;
    }
  });
  return changed;
}

/** The renamed pot's own pot.conf: its hostname line goes last with the new name (as shell pot's `sed …d; echo >>`). */
export function renameOwnPotConf(conf: PotConf, hostname: string): PotConf {
  conf.set('host.hostname', `"${hostname}"`, { position: 'end' });
  return conf;
}
