/**
 * What `pot list -b|-f|-F` shows: bases (directories under FS/bases), file
 * system components (children of ZR/fscomp) and flavours (the flavour
 * directory's scripts and command files, by name).
 */
import path from 'node:path';
import type { ActionContext } from '../context/context.js';
import { realFiles } from '../context/context.js';

export async function listBases(ctx: ActionContext): Promise<string[]> {
  const dir = path.join(ctx.settings.fsRoot, 'bases');
  const out: string[] = [];
  for (const name of await realFiles(ctx).list(dir)) if (await realFiles(ctx).isDirectory(path.join(dir, name))) out.push(name);
  return out;
}

export async function listFscomps(ctx: ActionContext): Promise<string[]> {
  return (await ctx.host.zfs.children(`${ctx.settings.zfsRoot}/fscomp`)).map((ds) => ds.slice(ds.lastIndexOf('/') + 1));
}

/** Flavours: `NAME` command files and `NAME.sh` scripts of POT's flavour directory, each name once, sorted. */
export async function listFlavours(ctx: ActionContext): Promise<string[]> {
  const dir = path.join(ctx.settings.etcDir, 'flavours');
  const names = (await realFiles(ctx).list(dir)).map((f) => f.replace(/\.sh$/, ''));
  return [...new Set(names)].sort();
}
