/**
 * `pot import -p NAME -t TAG -U URL` (shell pot 0.16.0 import.sh): the image
 * `URL/NAME_TAG.xz` with its `.meta` and `.skein` fetched into POT_CACHE,
 * verified (skein1024 of image + meta), received as the pot `NAME_TAG` (`.`
 * becomes `_`). Its hostname is made for its new name (shell pot wrote it
 * twice over: `NAME.HOST.HOST`) and its network decided again as clone does:
 * public-bridge and private-bridge pots get a free address, alias pots move
 * to the public bridge. A failure removes the pot again; the cache never keeps
 * files that did not verify.
 */
import path from 'node:path';
import { PotError } from '../errors/pot-error.js';
import { withGlobalLock } from '../locks/index.js';
import { validatePotName } from '../names/index.js';
import { decideNetwork, type NetworkDecision } from '../network/index.js';
import { PotConf, usableHostname } from '../store/index.js';
import type { ActionContext } from './context.js';
import { debug, info, realFiles, requireRoot } from './context.js';
import { addressBook } from './address-book.js';
import { clonePotConfText } from './clone-plan.js';
import { undoCreate } from './create-pot.js';
import { potDataset, potPath, potPresence } from './pot-lookup.js';
import { networkStackOf } from './settings.js';

export interface ImportPotOptions {
  /** -p: the pot's name in the image. */
  remote: string;
  /** -t */
  tag: string;
  /** -U (default `file://`). */
  url?: string;
  /** -C: a signify public key (not supported yet). */
  pubkey?: string;
}

/** `NAME_TAG` with every `.` as `_` (the local name of an image, as shell pot makes it). */
export function importedPotName(remote: string, tag: string): string {
  return `${remote}_${tag}`.replace(/\./g, '_');
}

/** The image file name `NAME_TAG.xz` (tag kept as given). */
export function imageFileName(remote: string, tag: string): string {
  return `${remote}_${tag}.xz`;
}

export function signingUnsupported(option: string): PotError {
  return new PotError('unsupported', `signify signatures (${option}) are not supported yet`, { suggestion: `leave out ${option}` });
}

function checkNamePart(what: string, value: string): void {
  if (value === '' || !/^[A-Za-z0-9._-]+$/.test(value) || value.startsWith('-')) {
    throw new PotError('usage', `${JSON.stringify(value)} is not a valid ${what}`, { suggestion: `a ${what} is made of letters, digits, '.', '_' and '-'` });
  }
}

interface CachedImage {
  image: string;
  meta: string;
  skein: string;
}

async function verified(ctx: ActionContext, c: CachedImage): Promise<boolean> {
  const files = realFiles(ctx);
  const expected = await files.read(c.skein);
  if (expected === undefined) return false;
  const got = await ctx.host.images.skein1024([c.image, c.meta]);
  debug(ctx, `skein1024 of ${c.image}: ${got}`);
  return got !== '' && got === expected.trim();
}

async function fetchImage(ctx: ActionContext, url: string, c: CachedImage): Promise<void> {
  const files = realFiles(ctx);
  const base = `${url.replace(/\/+$/, '')}/${path.basename(c.image)}`;
  const get = async (suffix: string, file: string): Promise<void> => {
    if (await files.exists(file)) return;
    await ctx.host.downloads.fetch(`${base}${suffix}`, file);
  };
  await get('.skein', c.skein);
  await get('', c.image);
  if (!(await files.exists(c.meta))) {
    try {
      await ctx.host.downloads.fetch(`${base}.meta`, c.meta);
    } catch {
      info(ctx, `No ${c.meta}, ignoring`);
      await files.write(c.meta, '');
    }
  }
}

async function removeCached(ctx: ActionContext, c: CachedImage): Promise<void> {
  const files = realFiles(ctx);
  for (const f of [c.image, c.meta, c.skein]) await files.remove(f);
}

/** The verified image in POT_CACHE: cached files that do not verify are fetched again, once. */
async function ensureImage(ctx: ActionContext, url: string, c: CachedImage): Promise<void> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await fetchImage(ctx, url, c);
      if (ctx.host.dryRun) return;
    } catch (err) {
      await removeCached(ctx, c);
      if (attempt === 1) {
        throw new PotError('host-command', `fetch of ${path.basename(c.image)} failed: ${err instanceof Error ? err.message : String(err)}`, {
          suggestion: `check that ${url} holds ${path.basename(c.image)} and its .skein; nothing was kept in ${ctx.settings.cache}`,
          cause: err,
        });
      }
      continue;
    }
    if (await verified(ctx, c)) {
      debug(ctx, 'Hash confirmed');
      return;
    }
    await removeCached(ctx, c);
    if (attempt === 1) {
      throw new PotError('host-state', 'The image and its hash do not overlap', {
        suggestion: `the skein1024 digest of ${path.basename(c.image)} and its .meta differs from its .skein; the files were removed from ${ctx.settings.cache}`,
      });
    }
    info(ctx, `${path.basename(c.image)} does not match its hash: fetching it again`);
  }
}

/** The pot.conf of an imported pot: its own hostname and a network decided again. */
async function reworkConf(ctx: ActionContext, pot: string): Promise<NetworkDecision> {
  const files = realFiles(ctx);
  const confFile = path.join(potPath(ctx, pot), 'conf', 'pot.conf');
  const text = await files.read(confFile);
  if (text === undefined) throw new PotError('host-state', `the image of ${pot} has no conf/pot.conf`, { suggestion: 'export the pot again with pot export' });
  const conf = PotConf.parse(text);
  const stack = networkStackOf(conf.getShell('pot.stack') || ctx.settings.stack);
  let type = conf.networkType ?? 'inherit';
  if (type === 'alias') {
    info(ctx, 'Static IP not supported by import. Moving the pot to the internal network');
    type = 'public-bridge';
  }
  const bridge = type === 'private-bridge' ? conf.getShell('bridge') || undefined : undefined;
  const network = decideNetwork({ type, ips: [], stack, ...(bridge === undefined ? {} : { bridge }) }, { book: addressBook(ctx), interfaceExists: () => false });
  if (network.ip !== '') info(ctx, `Assigning new IP: ${network.ip}`);
  const hostname = usableHostname(pot, await ctx.host.system.hostname(), Number(ctx.settings.vars.POT_HOSTNAME_MAX_LENGTH) || 64);
  const dns = conf.getShell('pot.dns') || 'inherit';
  await files.write(confFile, clonePotConfText(text, { hostname, stack, network, dns, dnsName: ctx.settings.vars.POT_DNS_NAME ?? 'dns' }));
  return network;
}

export interface ImportedPot {
  name: string;
  image: string;
  /** Undefined under --dry-run (the image is not there to decide from). */
  network?: NetworkDecision;
}

export async function importPot(ctx: ActionContext, o: ImportPotOptions): Promise<ImportedPot> {
  if (o.remote === '') throw new PotError('usage', 'A remote pot name is mandatory', { suggestion: 'give it with -p NAME' });
  if (o.tag === '') throw new PotError('usage', 'A tag name is mandatory', { suggestion: 'give it with -t TAG' });
  if (o.url === '') throw new PotError('usage', 'Argument of -U cannot be empty', { suggestion: 'give the base URL of the image with -U URL' });
  checkNamePart('remote pot name', o.remote);
  checkNamePart('tag', o.tag);
  const pot = importedPotName(o.remote, o.tag);
  validatePotName(pot);
  if ((await potPresence(ctx, pot)) !== 'absent') throw new PotError('already-exists', `pot ${pot} is already present`, { suggestion: `destroy it first (pot destroy -p ${pot}) or use it` });
  if (o.pubkey !== undefined && o.pubkey !== '') throw signingUnsupported('-C');
  await requireRoot(ctx);
  const cache = ctx.settings.cache;
  if (cache === '' || !(await realFiles(ctx).isDirectory(cache))) {
    throw new PotError('host-state', `The cache directory ${cache || '(POT_CACHE)'} does not exist`, { suggestion: "run 'pot init' (it creates the cache dataset), or fix POT_CACHE in pot.conf" });
  }
  info(ctx, `importing ${o.remote} @ ${o.tag} as ${pot}`);
  const image = path.join(cache, imageFileName(o.remote, o.tag));
  const c: CachedImage = { image, meta: `${image}.meta`, skein: `${image}.skein` };
  await ensureImage(ctx, o.url ?? 'file://', c);
  const meta = ((await realFiles(ctx).read(c.meta)) ?? '').split('\n')[0]?.trim() ?? '';
  if (meta !== '' && meta !== '-') {
    throw new PotError('unsupported', `Pot ${pot} depends on ${meta}: images made from clones are not supported yet`, { suggestion: 'export the pot it was cloned from as a standalone single pot' });
  }
  info(ctx, `Pot ${pot} has no dependencies`);
  return withGlobalLock(async () => {
    try {
      // as shell pot: the encryption property of the image is left out where the pool knows it
      const rootProps = await ctx.host.zfs.propertyNames(ctx.settings.zfsRoot);
      await ctx.host.images.receiveCompressed(image, potDataset(ctx, pot), { excludeProperties: rootProps.includes('encryption') ? ['encryption'] : [] });
      if (ctx.host.dryRun) {
        info(ctx, `the hostname and network of ${pot} are decided once it is received`);
        return { name: pot, image };
      }
      const network = await reworkConf(ctx, pot);
      return { name: pot, image, network };
    } catch (err) {
      if (!ctx.host.dryRun) await undoCreate(ctx, pot);
      throw err;
    }
  }, { globalDir: ctx.settings.tmp });
}
