import { actions, isPotError } from '@pot/core';
import { z } from 'zod';
import { UsageError } from '../errors.js';
import { createProgressBar } from '../progress-bar.js';
import type { PotCommand } from './common.js';
import { actionContext, parseArgs, potCommandRunner, potParser, requireFsRoot, withInterruptSignal } from './common.js';

const helpText = (releases: readonly string[] | undefined): string => {
  const list =
    releases === undefined
      ? `the releases with a MANIFEST in ${actions.releases.MANIFESTS_DIR}\n               (package freebsd-release-manifests; 'pot create-base -h' lists them)`
      : `${releases.join(' ')}${releases.map((r) => `\n     + ${r}`).join('')}`;
  return `pot create-base [-h] [-r RELEASE] [-b basename]
  -h print this help
  -v verbose
  -r RELEASE : supported release are: ${list}
  -b basename : optional, (default: the release)
`;
};

const help = helpText(undefined);

const Options = z.object({
  h: z.boolean().optional(),
  v: z.number(),
  r: z.string().optional(),
  b: z.string().optional(),
});

export const createBase: PotCommand = {
  name: 'create-base',
  help,
  async run(args, ctx) {
    const cmd = potParser('create-base').option('-r <release>', 'release').option('-b <basename>', 'base name');
    const o = Options.parse(parseArgs(cmd, args, help));
    const bar = process.stderr.isTTY === true ? createProgressBar('base.txz', ctx.io.stderr) : undefined;
    const plain = actionContext(ctx, { verbose: o.v });
    // every line of output first ends the progress bar's line
    const actx: actions.ActionContext = {
      ...plain,
      report: {
        print: (line) => {
          bar?.done();
          plain.report.print(line);
        },
        diag: (line) => {
          bar?.done();
          plain.report.diag(line);
        },
      },
    };
    const releasesHelp = async (): Promise<string> => {
      try {
        return helpText((await actions.supportedReleases(actx)).map((r) => r.release));
      } catch {
        return help;
      }
    };
    if (o.h) {
      ctx.io.stdout(await releasesHelp());
      return 0;
    }
    requireFsRoot(actx.settings);
    await actions.syslog(actx, 'create-base', args);
    if (o.r === undefined || o.r === '') throw new UsageError('option -r is mandatory', await releasesHelp());
    const release = o.r;
    try {
      await withInterruptSignal((signal) =>
        actions.createBase(actx, {
          release,
          signal,
          runCommand: potCommandRunner(ctx),
          ...(o.b === undefined ? {} : { base: o.b }),
          ...(bar === undefined ? {} : { progress: (received: number, total: number | undefined) => bar.update(received, total) }),
        }),
      );
    } catch (err) {
      bar?.done();
      // shell pot printed the help (with the supported releases) after these
      if (isPotError(err) && err.code === 'usage') throw new UsageError(err.message, await releasesHelp(), err.suggestion);
      throw err;
    }
    bar?.done();
    return 0;
  },
};
