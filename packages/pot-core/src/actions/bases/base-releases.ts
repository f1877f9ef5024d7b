/**
 * The releases this host can make bases of: the MANIFEST files of
 * freebsd-release-manifests for this machine (`hw.machine`, `hw.machine_arch`),
 * read through the host's files (below POT_HOST_ROOT).
 */
import path from 'node:path';
import { MANIFESTS_DIR, releasesFromManifests, type HostArch, type Release } from '../../releases/index.js';
import type { ActionContext } from '../context/context.js';

/** The machine and its architecture; undefined when the kernel does not say. */
export async function hostArch(ctx: ActionContext): Promise<HostArch | undefined> {
  const machine = (await ctx.host.sysctl.get('hw.machine'))?.trim();
  const arch = (await ctx.host.sysctl.get('hw.machine_arch'))?.trim();
  if (machine === undefined || machine === '' || arch === undefined || arch === '') return undefined;
  return { machine, arch };
}

/** The supported releases in `sort -V` order (`_get_valid_releases`). */
export async function supportedReleases(ctx: ActionContext, arch?: HostArch): Promise<Release[]> {
  const a = arch ?? (await hostArch(ctx));
  if (a === undefined) return [];
  const files = ctx.host.files;
  const names: string[] = [];
  for (const name of await files.list(MANIFESTS_DIR)) {
    if (!(await files.isDirectory(path.posix.join(MANIFESTS_DIR, name)))) names.push(name);
  }
  return releasesFromManifests(a, names);
}
