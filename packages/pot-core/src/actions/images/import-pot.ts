/**
 * `pot import -p NAME -t TAG -U URL` (shell pot 0.16.0 import.sh): the image
 * `URL/NAME_TAG.xz` with its `.meta` and `.skein` fetched into POT_CACHE,
 * verified (skein1024 of image + meta; with a public key — -C or
 * POT_DEFAULT_SIGNATURE_PUBKEY — the `.skein` must also carry a good signify
 * signature, `.skein.sig`), received as the pot `NAME_TAG` (`.`
 * becomes `_`). Its hostname is made for its new name (shell pot wrote it
 * twice over: `NAME.HOST.HOST`) and its network decided again as clone does:
 * public-bridge and private-bridge pots get a free address, alias pots move
 * to the public bridge. A layered image (a clone's: `.meta` = `POT:TAG@SNAP`)
 * brings its origin `POT_TAG` in first and is received as a clone of it. A
 * failure removes the pot again; the cache never keeps files that did not verify.
 *
 * One import of an image runs at a time (its lock, POT_TMP/pot-import-NAME_TAG.lock):
 * a Nomad node prepares every allocation of a new image at once. A run that finds
 * the image imported meanwhile uses it (prepare) or says so (import); each run
 * downloads into files of its own, renamed into the cache once complete, and its
 * clean-up removes only what it made.
 */
import { randomBytes } from '../../crypto.js';
import path from 'node:path';
import { PotError } from '../../errors/pot-error.js';
import { withGlobalLock, withImportLock } from '../../locks/index.js';
import { validatePotName } from '../../names/index.js';
import { decideNetwork, type NetworkDecision } from '../../network/index.js';
import { PotConf, usableHostname } from '../../store/index.js';
import type { ReceiveOptions } from '../../host/types.js';
import type { ActionContext } from '../context/context.js';
import { debug, download, info, realFiles, requireRoot, userPath, withProgress } from '../context/context.js';
import { addressBook } from '../network/address-book.js';
import { clonePotConfText } from '../lifecycle/clone-plan.js';
import { undoCreate } from '../lifecycle/create-pot.js';
import { potDataset, potPath, potPresence } from '../context/pot-lookup.js';
import { networkStackOf } from '../../config/settings.js';
import { assertNetworkConfig } from '../network/network-check.js';

export interface ImportPotOptions {
  /** -p: the pot's name in the image. */
  remote: string;
  /** -t */
  tag: string;
  /** -U (default `file://`). */
  url?: string;
  /** -C: a signify public key (default POT_DEFAULT_SIGNATURE_PUBKEY; '' for none). */
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

/** A signify key given on the command line or in pot.conf must be there before anything is fetched or written. */
export async function checkKeyFile(ctx: ActionContext, key: string, what: string): Promise<void> {
  if (!(await realFiles(ctx).exists(userPath(ctx, key)))) {
    throw new PotError('not-found', `${what} ${key} not found`, { suggestion: `give the path of a readable ${what.toLowerCase()} file` });
  }
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
  /** `.skein.sig`, checked with `pubkey` when there is one. */
  signature: string;
  pubkey: string | undefined;
}

async function verified(ctx: ActionContext, c: CachedImage): Promise<boolean> {
  const files = realFiles(ctx);
  const expected = await files.read(c.skein);
  if (expected === undefined) return false;
  const got = await ctx.host.images.skein1024([c.image, c.meta]);
  debug(ctx, `skein1024 of ${c.image}: ${got}`);
  return got !== '' && got === expected.trim();
}

/**
 * Downloads into a file of this run's own beside `file`, renamed over it once complete:
 * the cache never holds a partial file, and no other run's download is ever overwritten
 * or removed by this one.
 */
async function downloadInto(ctx: ActionContext, url: string, file: string): Promise<void> {
  const files = realFiles(ctx);
  // a plan downloads into the cache file itself: a name of this run's own would differ run to run
  const part = await ctx.host.plan.afterChanges(
    async () => path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}-${randomBytes(4).toString('hex')}.part`),
    () => file,
  );
  if (part === file) return download(ctx, url, file);
  try {
    await download(ctx, url, part, path.basename(file));
    await files.rename(part, file);
  } finally {
    await files.remove(part);
  }
}

/** The digest first, and its signature: an image that is not signed as it should be is not downloaded at all. */
async function fetchDigest(ctx: ActionContext, base: string, c: CachedImage): Promise<void> {
  const files = realFiles(ctx);
  if (!(await files.exists(c.skein))) await downloadInto(ctx, `${base}.skein`, c.skein);
  if (c.pubkey !== undefined && !(await files.exists(c.signature))) await downloadInto(ctx, `${base}.skein.sig`, c.signature);
}

async function fetchImage(ctx: ActionContext, base: string, c: CachedImage): Promise<void> {
  const files = realFiles(ctx);
  if (!(await files.exists(c.image))) await downloadInto(ctx, base, c.image);
  if (!(await files.exists(c.meta))) {
    try {
      await downloadInto(ctx, `${base}.meta`, c.meta);
    } catch {
      info(ctx, `No ${c.meta}, ignoring`);
      await files.write(c.meta, '');
    }
  }
}

async function removeCached(ctx: ActionContext, c: CachedImage): Promise<void> {
  const files = realFiles(ctx);
  for (const f of [c.image, c.meta, c.skein, c.signature]) await files.remove(f);
}

interface Problem {
  error: PotError;
  /** Said when the files are fetched once more. */
  again: string;
}

/** What is wrong with the cached files, or undefined when they verify. */
async function problemOf(ctx: ActionContext, c: CachedImage, stage: 'signature' | 'digest'): Promise<Problem | undefined> {
  if (stage === 'signature') {
    if (c.pubkey === undefined || (await ctx.host.images.verifySignature(c.pubkey, c.signature, c.skein))) return undefined;
    const error = new PotError('host-state', 'Signature verification failed', {
      suggestion: `${path.basename(c.signature)} does not verify ${path.basename(c.skein)} with ${c.pubkey}; nothing was kept in ${ctx.settings.cache}`,
    });
    return { error, again: `${path.basename(c.signature)} does not verify: fetching it again` };
  }
  if (await verified(ctx, c)) {
    debug(ctx, c.pubkey === undefined ? 'Hash confirmed' : 'Signature and hash confirmed');
    return undefined;
  }
  const error = new PotError('host-state', 'The image and its hash do not overlap', {
    suggestion: `the skein1024 digest of ${path.basename(c.image)} and its .meta differs from its .skein; the files were removed from ${ctx.settings.cache}`,
  });
  return { error, again: `${path.basename(c.image)} does not match its hash: fetching it again` };
}

/** The verified image in POT_CACHE: cached files that do not verify are fetched again, once. */
async function ensureImage(ctx: ActionContext, url: string, c: CachedImage): Promise<void> {
  const base = `${url.replace(/\/+$/, '')}/${path.basename(c.image)}`;
  for (let attempt = 0; attempt < 2; attempt++) {
    let problem: Problem | undefined;
    try {
      await fetchDigest(ctx, base, c);
      // the files are checked once they are fetched (a dry run's are only planned: as planned)
      problem = await ctx.host.plan.afterChanges(
        () => problemOf(ctx, c, 'signature'),
        () => undefined,
      );
      if (problem === undefined) {
        await fetchImage(ctx, base, c);
        problem = await ctx.host.plan.afterChanges(
          () => problemOf(ctx, c, 'digest'),
          () => undefined,
        );
      }
    } catch (err) {
      if (err instanceof PotError && err.code !== 'host-command') throw err;
      await removeCached(ctx, c);
      if (attempt === 1) {
        throw new PotError('host-command', `fetch of ${path.basename(c.image)} failed: ${err instanceof Error ? err.message : String(err)}`, {
          suggestion: `check that ${url} holds ${path.basename(c.image)} and its .skein; nothing was kept in ${ctx.settings.cache}`,
          cause: err,
        });
      }
      continue;
    }
    if (problem === undefined) return;
    await removeCached(ctx, c);
    if (attempt === 1) throw problem.error;
    info(ctx, problem.again);
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
  const network = decideNetwork(
    { type, ips: [], stack, ...(bridge === undefined ? {} : { bridge }) },
    { book: addressBook(ctx), interfaceExists: () => false },
  );
  if (network.ip !== '') info(ctx, `Assigning new IP: ${network.ip}`);
  const hostname = usableHostname(pot, await ctx.host.system.hostname(), Number(ctx.settings.vars.POT_HOSTNAME_MAX_LENGTH) || 64);
  const dns = conf.getShell('pot.dns') || 'inherit';
  await files.write(confFile, clonePotConfText(text, { hostname, stack, network, dns, dnsName: ctx.settings.vars.POT_DNS_NAME ?? 'dns' }));
  return network;
}

export interface ImportedPot {
  name: string;
  image: string;
  /** False when the image was there already (imported by another run meanwhile: prepare uses it). */
  importedNow: boolean;
  /** Undefined under --dry-run (the image is not there to decide from). */
  network?: NetworkDecision;
}

/**
 * The snapshot a layered image was cloned from (its `.meta`: `POT:TAG@SNAP`),
 * the pot `POT_TAG` imported first when it is not here; undefined for an image
 * that stands alone (`-` or an empty .meta).
 */
async function baseLayer(ctx: ActionContext, pot: string, c: CachedImage, o: ImportPotOptions, chain: readonly string[]): Promise<string | undefined> {
  const meta = ((await realFiles(ctx).read(c.meta)) ?? '').split('\n')[0]?.trim() ?? '';
  if (meta === '' || meta === '-') {
    info(ctx, `Pot ${pot} has no dependencies`);
    return undefined;
  }
  const m = /^([A-Za-z0-9._-]+):([A-Za-z0-9._-]+)@([A-Za-z0-9._:-]+)$/.exec(meta);
  if (!m)
    throw new PotError('host-state', `${path.basename(c.meta)} names no origin pot: ${JSON.stringify(meta)}`, {
      suggestion: 'a layered image has a .meta of the form POT:TAG@SNAPSHOT; export its origin and the pot again',
    });
  const [, remote = '', tag = '', snap = ''] = m;
  const origin = importedPotName(remote, tag);
  if (chain.includes(origin))
    throw new PotError('host-state', `the images of ${chain.join(', ')} depend on each other in a circle`, {
      suggestion: 'export the origin pot again as a standalone image',
    });
  info(ctx, `Pot ${pot} depends on ${origin} (@${snap})`);
  if ((await potPresence(ctx, origin)) === 'absent') {
    info(ctx, `Installing dependency ${origin}`);
    const dependency = await importImage(ctx, { ...o, remote, tag }, chain, true);
    if (!dependency.importedNow) info(ctx, `${origin} was installed meanwhile`);
  } else info(ctx, `${origin} already installed`);
  return `${potDataset(ctx, origin)}@${snap}`;
}

export async function importPot(ctx: ActionContext, o: ImportPotOptions): Promise<ImportedPot> {
  assertNetworkConfig(ctx);
  return importImage(ctx, o, [], false);
}

/** The image as a pot, imported unless it is there already or another run imports it meanwhile (prepare). */
export async function ensureImported(ctx: ActionContext, o: ImportPotOptions): Promise<ImportedPot> {
  return importImage(ctx, o, [], true);
}

function alreadyPresent(pot: string): PotError {
  return new PotError('already-exists', `pot ${pot} is already present`, { suggestion: `destroy it first (pot destroy -p ${pot}) or use it` });
}

/**
 * `chain`: the pots whose import waits for this one (they are layers on it), to refuse a circle.
 * `reuse`: an image present (or imported by another run while this one waited) is the answer.
 */
async function importImage(ctx: ActionContext, o: ImportPotOptions, chain: readonly string[], reuse: boolean): Promise<ImportedPot> {
  if (o.remote === '') throw new PotError('usage', 'A remote pot name is mandatory', { suggestion: 'give it with -p NAME' });
  if (o.tag === '') throw new PotError('usage', 'A tag name is mandatory', { suggestion: 'give it with -t TAG' });
  if (o.url === '') throw new PotError('usage', 'Argument of -U cannot be empty', { suggestion: 'give the base URL of the image with -U URL' });
  checkNamePart('remote pot name', o.remote);
  checkNamePart('tag', o.tag);
  const pot = importedPotName(o.remote, o.tag);
  validatePotName(pot, { zfsRoot: ctx.settings.zfsRoot });
  const cache = ctx.settings.cache;
  const image = path.join(cache, imageFileName(o.remote, o.tag));
  const before = await potPresence(ctx, pot);
  if (before === 'present' && reuse) return { name: pot, image, importedNow: false };
  if (before !== 'absent') throw alreadyPresent(pot);
  const pubkey = (o.pubkey ?? ctx.settings.vars.POT_DEFAULT_SIGNATURE_PUBKEY ?? '') || undefined;
  if (pubkey !== undefined) await checkKeyFile(ctx, pubkey, 'Public key');
  await requireRoot(ctx);
  if (cache === '' || !(await realFiles(ctx).isDirectory(cache))) {
    throw new PotError('host-state', `The cache directory ${cache || '(POT_CACHE)'} does not exist`, {
      suggestion: "run 'pot init' (it creates the cache dataset), or fix POT_CACHE in pot.conf",
    });
  }
  return withImportLock(
    pot,
    async () => {
      const presence = await potPresence(ctx, pot);
      if (presence === 'present' && reuse) return { name: pot, image, importedNow: false };
      if (presence !== 'absent') throw alreadyPresent(pot);
      info(ctx, `importing ${o.remote} @ ${o.tag} as ${pot}`);
      const c: CachedImage = {
        image,
        meta: `${image}.meta`,
        skein: `${image}.skein`,
        signature: `${image}.skein.sig`,
        pubkey: pubkey && userPath(ctx, pubkey),
      };
      await ensureImage(ctx, o.url ?? 'file://', c);
      const layer = await baseLayer(ctx, pot, c, { ...o, pubkey: pubkey ?? '' }, [...chain, pot]);
      return receive(ctx, pot, image, layer);
    },
    { potTmp: ctx.settings.tmp },
  );
}

/** The verified image received as the pot (under the global lock: its network is decided here); a failure removes it. */
async function receive(ctx: ActionContext, pot: string, image: string, layer: string | undefined): Promise<ImportedPot> {
  return withGlobalLock(
    async () => {
      try {
        // as shell pot: the encryption property of the image is left out where the pool knows it
        const rootProps = await ctx.host.zfs.propertyNames(ctx.settings.zfsRoot);
        const excludeProperties = rootProps.includes('encryption') ? ['encryption'] : [];
        const dataset = potDataset(ctx, pot);
        const receive = (options: ReceiveOptions) =>
          withProgress(ctx, `receiving ${path.basename(image)}`, (progress) => ctx.host.images.receiveCompressed(image, dataset, { ...options, ...progress }));
        if (layer === undefined) await receive({ excludeProperties });
        else {
          await receive({ excludeProperties, origin: layer, mount: false });
          await ctx.host.zfs.inheritProperty(`${dataset}/m`, 'mountpoint');
          // the new mount point may have mounted it already
          for (const ds of [dataset, `${dataset}/m`]) if (!(await ctx.host.zfs.isMounted(ds))) await ctx.host.zfs.mount(ds);
        }
        // pot.conf is the received one's: a dry run received nothing, it only says so
        const network = await ctx.host.plan.afterChanges(
          () => reworkConf(ctx, pot),
          () => {
            info(ctx, `the hostname and network of ${pot} are decided once it is received`);
            return undefined;
          },
        );
        return { name: pot, image, importedNow: true, ...(network === undefined ? {} : { network }) };
      } catch (err) {
        await undoCreate(ctx, pot);
        throw err;
      }
    },
    { globalDir: ctx.settings.tmp },
  );
}
