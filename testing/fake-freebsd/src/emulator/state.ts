/**
 * The fake host's state directory ($FAKEBSD_STATE) as the stand-ins see it: paths, knobs,
 * counters and the small file reads every command needs. Layout: ../../README.md.
 */
import { existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export type Env = Readonly<Record<string, string | undefined>>;

/** A path resolved as `realpath -m` does (missing components allowed, symlinks of existing ones followed). */
export function realpathLoose(p: string): string {
  const abs = path.resolve(p);
  let head = abs;
  const rest: string[] = [];
  while (true) {
    try {
      return path.join(realpathSync(head), ...rest.reverse());
    } catch {
      const parent = path.dirname(head);
      if (parent === head) return abs;
      rest.push(path.basename(head));
      head = parent;
    }
  }
}

/** A file's content as bash's `$(<FILE)` gives it (trailing newlines dropped); undefined when unreadable. */
export function readTrimmed(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8').replace(/\n+$/, '');
  } catch {
    return undefined;
  }
}

/** A file's lines (no empty last line); [] when unreadable. */
export function readLines(file: string): string[] {
  const text = readTrimmed(file);
  return text === undefined || text === '' ? [] : text.split('\n');
}

export class State {
  /** $FAKEBSD_STATE */
  readonly dir: string;
  readonly env: Env;
  private emuAreaCache: string | null | undefined;

  constructor(env: Env) {
    const dir = env.FAKEBSD_STATE;
    if (dir === undefined || dir === '') throw new Error('FAKEBSD_STATE is not set (fake FreeBSD host state directory)');
    this.dir = dir;
    this.env = env;
  }

  /** A path below the state directory. */
  path(...parts: string[]): string {
    return path.join(this.dir, ...parts);
  }

  /** $FAKEBSD_HOSTROOT (the host's `/` for host files), '/' by default. */
  get hostRoot(): string {
    const r = this.env.FAKEBSD_HOSTROOT;
    return r === undefined || r === '' ? '/' : r;
  }

  /** A host file's path (`/etc/rc.conf` below FAKEBSD_HOSTROOT). */
  hostPath(file: string): string {
    return path.join(this.hostRoot, file);
  }

  /** fb_conf: a knob ($FAKEBSD_<KEY> wins, then conf/<key>, then the default). */
  conf(key: string, fallback: string): string {
    const name = `FAKEBSD_${key.toUpperCase()}`.replace(/[.-]/g, '_');
    const fromEnv = this.env[name];
    if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
    const fromFile = readTrimmed(this.path('conf', key));
    return fromFile ?? fallback;
  }

  /** fb_next_seq: a counter kept in seq.<name>, incremented and returned. */
  nextSeq(name: string): number {
    const file = this.path(`seq.${name}`);
    const n = Number.parseInt(readTrimmed(file) ?? '0', 10) || 0;
    writeFileSync(file, `${n + 1}\n`);
    return n + 1;
  }

  /** $FAKEBSD_STATE/tmp, created. */
  tmpDir(): string {
    const d = this.path('tmp');
    if (!existsSync(d)) mkdirSync(d, { recursive: true });
    return d;
  }

  /**
   * fb_emu_area: below which directory emulated mounts may move files (FAKEBSD_ROOT, else the
   * directory holding the state); undefined when that would be '/'.
   */
  emuArea(): string | undefined {
    if (this.emuAreaCache === undefined) {
      const root = this.env.FAKEBSD_ROOT;
      const area = root !== undefined && root !== '' ? realpathLoose(root) : path.dirname(realpathLoose(this.dir));
      this.emuAreaCache = area === '' || area === '/' ? null : area;
    }
    return this.emuAreaCache ?? undefined;
  }
}
