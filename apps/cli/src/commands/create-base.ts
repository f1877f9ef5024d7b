import { actions, isPotError } from '@pot/core';
import { helpText } from '../command-line.js';
import { defineCommand } from '../definition.js';
import { UsageError } from '../errors.js';
import { withInterruptSignal } from '../action-context.js';
import { dryRun, HELP, option, required, VERBOSE } from '../flags.js';

const STATIC_RELEASES = `the releases with a MANIFEST in ${actions.releases.MANIFESTS_DIR}\n               (package freebsd-release-manifests; 'pot create-base -h' lists them)`;

/** -r's help: the releases this host can fetch when known, else where they come from. */
function releaseHelp(releases: readonly string[] | undefined): string[] {
  const list = releases === undefined ? STATIC_RELEASES : `${releases.join(' ')}${releases.map((r) => `\n     + ${r}`).join('')}`;
  const [first = '', ...rest] = list.split('\n');
  return [`RELEASE : supported release are: ${first}`, ...rest.map((l) => l.slice(2))];
}

const flags = {
  h: HELP,
  v: VERBOSE,
  r: option('r', 'RELEASE', releaseHelp(undefined), { type: required('option -r is mandatory'), complete: 'release' }),
  b: option('b', 'basename', ['basename : optional, (default: the release)']),
  dryRun: dryRun('print the download, datasets and extraction instead of doing them'),
};

const synopsis = 'pot create-base [-hv] [--dry-run] [-r RELEASE] [-b basename]';

/** The help with the releases of this host (the definition's when they cannot be read). */
async function releasesHelp(actx: actions.ActionContext): Promise<string> {
  const releases = (await actions.supportedReleases(actx)).map((r) => r.release);
  return helpText({ ...createBase, flags: { ...flags, r: { ...flags.r, help: releaseHelp(releases) } } });
}

export const createBase = defineCommand({
  name: 'create-base',
  summary: 'Create a new base image',
  synopsis,
  root: true,
  log: 'always',
  flags,
  runtimeHelp: releasesHelp,
  run: async (o, c) => {
    const actx = c.actx;
    try {
      await withInterruptSignal((signal) =>
        actions.createBase(actx, {
          release: o.r,
          signal,
          runCommand: c.runPot,
          ...(o.b === undefined ? {} : { base: o.b }),
        }),
      );
    } catch (err) {
      // shell pot printed the help (with the supported releases) after these
      if (isPotError(err) && err.code === 'usage') throw new UsageError(err.message, await releasesHelp(actx).catch(() => c.help), err.suggestion);
      throw err;
    }
  },
});
