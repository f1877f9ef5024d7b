/**
 * `zfs list` and `zfs get` of bin/zfs: which objects, which cells, and the table as zfs prints
 * it (-H: tab-separated; else a header and columns aligned as bin/zfs's awk aligns them).
 */
import type { Call } from './call.js';
import { Getopts } from './getopts.js';
import type { ZfsStore } from './zfs-store.js';

/** Every property `zfs get all` lists (ALL_PROPS of bin/zfs). */
const ALL_PROPS =
  'type creation used available referenced compressratio mounted origin quota reservation recordsize mountpoint sharenfs checksum compression atime devices exec setuid readonly jailed snapdir aclmode aclinherit createtxg canmount xattr copies version utf8only normalization casesensitivity vscan nbmand sharesmb refquota refreservation guid primarycache secondarycache usedbysnapshots usedbydataset usedbychildren usedbyrefreservation logbias objsetid dedup mlslabel sync dnodesize refcompressratio written logicalused logicalreferenced volmode filesystem_limit snapshot_limit filesystem_count snapshot_count snapdev acltype context fscontext defcontext rootcontext redundant_metadata encryption keylocation keyformat pbkdf2iters special_small_blocks';

/** `${list//,/ }` expanded unquoted: words split on blanks and newlines (no glob matches assumed). */
export function commaWords(list: string): string[] {
  return list
    .replaceAll(',', ' ')
    .split(/[ \t\n]+/)
    .filter((w) => w !== '');
}

/** zfs_header: the column titles, upper case (ASCII only, as LC_ALL=C), tab-separated. */
function header(fields: string): string {
  return fields.replaceAll(',', '\t').replace(/[a-z]+/g, (s) => s.toUpperCase());
}

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

/** zfs_table: -H prints the rows; else the awk of bin/zfs pads every cell but a line's last. */
function table(scripted: boolean, head: string, rows: string): string {
  if (scripted) return rows;
  const records = `${head}\n${rows}`.split('\n');
  records.pop(); // the text ends with a newline: no record after it
  const cells = records.map((r) => (r === '' ? [] : r.split('\t')));
  const width: number[] = [];
  for (const row of cells) row.forEach((c, i) => (width[i] = Math.max(width[i] ?? 0, bytes(c))));
  let out = '';
  for (const row of cells) {
    const last = row.length - 1;
    out += `${row.map((c, i) => (i < last ? `${c}${' '.repeat((width[i] ?? 0) - bytes(c))}  ` : c)).join('')}\n`;
  }
  return out;
}

/** A cell of `zfs list` (cell of bin/zfs): a snapshot has no mount properties. */
function cell(store: ZfsStore, obj: string, field: string): string {
  if (obj.includes('@')) {
    if (['mountpoint', 'mounted', 'canmount', 'avail', 'available', 'origin'].includes(field)) return '-';
    const v = store.snapProp(obj, field).v;
    const tab = v.indexOf('\t');
    return tab < 0 ? v : v.slice(0, tab);
  }
  return store.value(obj, field).replaceAll('\n', '');
}

/** bash arithmetic of a plain `-d` depth (a decimal or octal number; anything else counts as 0). */
function depthOf(text: string): number {
  const t = text.trim();
  if (/^[1-9][0-9]*$/.test(t)) return Number.parseInt(t, 10);
  if (/^0[0-7]*$/.test(t)) return Number.parseInt(t, 8);
  return 0;
}

/** What `zfs list` lists: objects of the operands (or of the pool), in order. */
interface ListWhat {
  fs: boolean;
  snap: boolean;
  rec: boolean;
  depth: number | undefined;
}

function objectsOf(err: (line: string) => void, store: ZfsStore, operands: string[], w: ListWhat): { objs: string[]; rc: number } {
  const objs: string[] = [];
  let rc = 0;
  if (operands.length === 0) {
    for (const ds of store.allDatasets()) {
      if (w.fs) objs.push(ds);
      if (w.snap) objs.push(...store.snapsOf(ds));
    }
    return { objs, rc };
  }
  for (const base of operands) {
    if (base.includes('@') ? !store.snapExists(base) : !store.exists(base)) {
      err(`cannot open '${base}': dataset does not exist`);
      rc = 1;
      continue;
    }
    if (base.includes('@')) {
      objs.push(base);
      continue;
    }
    const list = w.rec ? [base, ...store.descendants(base)] : [base];
    for (const ds of list) {
      const lvl = ds === base ? 0 : (ds.slice(base.length + 1).match(/\//g)?.length ?? 0) + 1;
      if (w.depth !== undefined && lvl > w.depth) continue;
      if (w.fs) objs.push(ds);
      if (w.snap && (w.depth === undefined || lvl + 1 <= w.depth)) objs.push(...store.snapsOf(ds));
    }
  }
  return { objs, rc };
}

/** cmd_list: zfs list [-Hpr] [-o FIELDS] [-t TYPES] [-d DEPTH] [-s|-S PROP] [DS|SNAP…] */
export function zfsList(call: Call, store: ZfsStore, args: readonly string[], err: (line: string) => void): number {
  let scripted = false;
  let fields = 'name,used,avail,refer,mountpoint';
  let types = 'filesystem';
  let depth: number | undefined;
  let rec = false;
  const g = new Getopts('zfs', args, 'Hpro:t:d:s:S:', err);
  for (const o of g) {
    if (o.opt === 'H') scripted = true;
    else if (o.opt === 'r') rec = true;
    else if (o.opt === 'o') fields = o.arg;
    else if (o.opt === 't') types = o.arg;
    else if (o.opt === 'd') {
      // `[[ -n $depth ]]`: an empty depth is no limit (but still recursive)
      depth = o.arg === '' ? undefined : depthOf(o.arg);
      rec = true;
    } else if (o.opt === '?') return 2;
  }
  const w: ListWhat = { fs: false, snap: false, rec, depth };
  for (const t of commaWords(types)) {
    if (t === 'filesystem' || t === 'fs' || t === 'all') w.fs = true;
    if (t === 'snapshot' || t === 'snap' || t === 'all') w.snap = true;
  }
  const { objs, rc } = objectsOf(err, store, g.rest(), w);
  const head = header(fields).replace('\tAVAILABLE', '\tAVAIL').replace('REFERENCED', 'REFER');
  const words = commaWords(fields);
  let rows = '';
  for (const obj of objs) rows += `${words.map((f) => cell(store, obj, f)).join('\t')}\n`;
  call.out(table(scripted, head, rows));
  return rc;
}

/**
 * `IFS=$'\t' read -r v src <<<"$ZP_V"$'\t'"$ZP_S"`: the first line only, tabs around the
 * fields dropped (a tab is IFS white space, so an empty value takes the source's place).
 */
function readValueSource(line: string): [string, string] {
  const first = line.split('\n')[0] as string;
  const s = first.replace(/^\t+/, '');
  const tab = s.indexOf('\t');
  if (tab < 0) return [s, ''];
  return [s.slice(0, tab), s.slice(tab).replace(/^\t+/, '').replace(/\t+$/, '')];
}

/** The properties that are sizes: -p prints them as exact numbers of bytes. */
const SIZE_PROPS = new Set([
  'used',
  'available',
  'avail',
  'referenced',
  'refer',
  'quota',
  'reservation',
  'refquota',
  'refreservation',
  'usedbysnapshots',
  'usedbydataset',
  'usedbychildren',
  'usedbyrefreservation',
  'written',
  'logicalused',
  'logicalreferenced',
]);

/** A size as zfs prints it (`96K`, `1.50M`, `0B`) in bytes, as `-p` prints it; other text as it is. */
export function exactSize(value: string): string {
  const m = /^([0-9]+(?:\.[0-9]+)?)([BKMGTPE]?)$/.exec(value);
  if (m === null) return value;
  const power = 'BKMGTPE'.indexOf(m[2] === '' ? 'B' : (m[2] as string));
  return String(Math.round(Number(m[1]) * 1024 ** power));
}

/** cmd_get: zfs get [-Hpr] [-o FIELDS] [-d N] [-t T] [-s S] PROPS|all DS|SNAP… (-p: sizes in bytes) */
export function zfsGet(call: Call, store: ZfsStore, args: readonly string[], err: (line: string) => void): number {
  let scripted = false;
  let fields = 'name,property,value,source';
  let rec = false;
  let exact = false;
  const g = new Getopts('zfs', args, 'Hpro:t:d:s:', err);
  for (const o of g) {
    if (o.opt === 'H') scripted = true;
    else if (o.opt === 'p') exact = true;
    else if (o.opt === 'o') fields = o.arg;
    else if (o.opt === 'r' || o.opt === 'd') rec = true;
  }
  const [first = '', ...names] = g.rest();
  const props = commaWords(first === 'all' ? ALL_PROPS : first);
  let rc = 0;
  const targets: string[] = [];
  for (const ds of names) {
    if (!store.exists(ds) && !store.snapExists(ds)) {
      err(`cannot open '${ds}': dataset does not exist`);
      rc = 1;
      continue;
    }
    targets.push(ds);
    if (rec) targets.push(...store.descendants(ds));
  }
  const words = commaWords(fields);
  let rows = '';
  for (const ds of targets) {
    for (const p of props) {
      const zp = ds.includes('@') ? store.snapProp(ds, p) : store.prop(ds, p);
      const [v, src] = readValueSource(`${zp.v}\t${zp.s}`);
      const cells = { name: ds, property: p, value: exact && SIZE_PROPS.has(p) ? exactSize(v) : v, source: src } as Record<string, string>;
      rows += `${words.map((f) => (Object.hasOwn(cells, f) ? cells[f] : '')).join('\t')}\n`;
    }
  }
  call.out(table(scripted, header(fields), rows));
  return rc;
}
