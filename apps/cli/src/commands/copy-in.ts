import { actions } from '@pot/core';
import { z } from 'zod';
import type { PotCommand } from './common.js';
import { copyCommand, CopyFlags } from './copy-command.js';

const help = `pot copy-in [-hvFc] [--dry-run] -p pot -s source -d dest
  -h print this help
  -v verbose
  -F force copy operation for running jails
     (WARNING: can expose parts of the host file system)
  -p pot : the working pot
  -s source : the file or directory to be copied in
  -d dest : the final location inside the pot
  -c create any missing path components to \`dirname destination\`
     inside the pot
  --dry-run print the host commands instead of running them
`;

export const copyIn: PotCommand = copyCommand({
  name: 'copy-in',
  help,
  schema: CopyFlags.extend({ c: z.boolean().optional() }),
  options: (cmd) => cmd.option('-c', 'create directories'),
  copy: (actx, request, o) => actions.copyIn(actx, { ...request, createDirs: o.c === true }),
});
