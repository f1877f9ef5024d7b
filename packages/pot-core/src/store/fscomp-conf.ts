/**
 * A pot's `conf/fscomp.conf`: lines `SOURCE MOUNTPOINT [OPT]`.
 * Parsed losslessly: unchanged lines keep their bytes (trailing spaces that
 * shell pot's `_update_fscomp` leaves included); new lines are written as
 * create writes them (`SOURCE MOUNTPOINT` or `SOURCE MOUNTPOINT OPT`).
 */
import type { PotLevel } from './pot-conf.js';

export type FscompOption = 'ro' | 'zfs-remount' | '';

export interface FscompEntry {
  source: string;
  mountpoint: string;
  option: string;
  /** The line as read; absent for entries made in code. */
  raw?: string;
}

export function parseFscompLine(raw: string): FscompEntry | undefined {
  const words = raw.split(/[ \t]+/).filter((w) => w !== '');
  if (words.length < 2) return undefined;
  return { source: words[0]!, mountpoint: words[1]!, option: words[2] ?? '', raw };
}

export function formatFscompLine(e: FscompEntry): string {
  return e.option === '' ? `${e.source} ${e.mountpoint}` : `${e.source} ${e.mountpoint} ${e.option}`;
}

export class FscompConf {
  /** Entries, and lines that are not entries (blank, garbage) kept as `{ raw }`. */
  readonly items: Array<FscompEntry | { raw: string }>;
  finalNewline: boolean;

  constructor(items: Array<FscompEntry | { raw: string }> = [], finalNewline = true) {
    this.items = items;
    this.finalNewline = finalNewline;
  }

  static parse(text: string): FscompConf {
    if (text === '') return new FscompConf([], true);
    const finalNewline = text.endsWith('\n');
    const body = finalNewline ? text.slice(0, -1) : text;
    return new FscompConf(
      body.split('\n').map((raw) => parseFscompLine(raw) ?? { raw }),
      finalNewline,
    );
  }

  get entries(): FscompEntry[] {
    return this.items.filter((i): i is FscompEntry => 'source' in i);
  }

  add(entry: Omit<FscompEntry, 'raw'>): this {
    this.items.push({ ...entry });
    return this;
  }

  /** Removes the entries for which `match` is true; returns how many. */
  remove(match: (e: FscompEntry) => boolean): number {
    const before = this.items.length;
    for (let i = this.items.length - 1; i >= 0; i--) {
      const item = this.items[i]!;
      if ('source' in item && match(item)) this.items.splice(i, 1);
    }
    return before - this.items.length;
  }

  toString(): string {
    if (this.items.length === 0) return '';
    return this.items.map((i) => ('source' in i ? (i.raw ?? formatFscompLine(i)) : i.raw)).join('\n') + (this.finalNewline ? '\n' : '');
  }
}

export interface NewFscompConf {
  type: 'multi' | 'single';
  level: PotLevel;
  zfsRoot: string;
  potName: string;
  base: string;
  potbase?: string;
  /** Level of the pot base (level 2 only). */
  potbaseLevel?: number;
  /** pot.potbase of the pot base, when that one is level 2. */
  potbasePotbase?: string;
}

/** fscomp.conf as create writes it; single pots get an empty file. */
export function newFscompConfText(c: NewFscompConf): string {
  if (c.type !== 'multi') return '';
  const b = `${c.zfsRoot}/bases/${c.base}`;
  const j = `${c.zfsRoot}/jails/${c.potName}`;
  switch (c.level) {
    case 0:
      return `${b} /\n${b}/usr.local /usr/local\n${b}/custom /opt/custom\n`;
    case 1:
      return `${b} / ro\n${j}/usr.local /usr/local zfs-remount\n${j}/custom /opt/custom zfs-remount\n`;
    case 2: {
      const source = c.potbaseLevel === 1 ? `${c.zfsRoot}/jails/${c.potbase ?? ''}` : `${c.zfsRoot}/jails/${c.potbasePotbase ?? ''}`;
      return `${b} / ro\n${source}/usr.local /usr/local ro\n${j}/custom /opt/custom zfs-remount\n`;
    }
  }
}
