import { actions } from '@pot/core';
import { z } from 'zod';
import { UsageError } from '../errors.js';
import type { PotCommand } from './common.js';
import { openCommand, potParser } from './common.js';

const help = `pot set-hook [-hv] -p pot [-s hook] [-S hook] [-t hook] [-T hook]
  -h print this help
  -v verbose
  -p pot : the working pot
  -s hook : the pre-start hook
  -S hook : the post-start hook
  -t hook : the pre-stop hook
  -T hook : the post-stop hook
`;

const Options = z.object({
  h: z.boolean().optional(),
  v: z.number(),
  p: z.string().optional(),
  s: z.string().optional(),
  S: z.string().optional(),
  t: z.string().optional(),
  T: z.string().optional(),
});

export const setHook: PotCommand = {
  name: 'set-hook',
  help,
  async run(args, ctx) {
    const cmd = potParser('set-hook')
      .option('-p <pname>', 'pot name')
      .option('-s <hook>', 'pre-start hook')
      .option('-S <hook>', 'post-start hook')
      .option('-t <hook>', 'pre-stop hook')
      .option('-T <hook>', 'post-stop hook');
    const opened = await openCommand({ name: 'set-hook', cmd, schema: Options, help }, args, ctx);
    if (!opened) return 0;
    const { o, actx } = opened;
    if (o.p === undefined || o.p === '') throw new UsageError('A pot name is mandatory', help);
    const given: Array<[actions.HookName, string | undefined]> = [['prestart', o.s], ['poststart', o.S], ['prestop', o.t], ['poststop', o.T]];
    await actions.setHooks(actx, o.p, Object.fromEntries(given.filter(([, script]) => script !== undefined)));
    return 0;
  },
};
