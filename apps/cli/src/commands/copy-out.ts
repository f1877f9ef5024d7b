import { actions } from '@pot/core';
import type { PotCommand } from './common.js';
import { copyCommand, CopyFlags } from './copy-command.js';

const help = `pot copy-out [-hvF] [--dry-run] -p pot -s source -d dest
  -h print this help
  -v verbose
  -F force copy operation for running jails
     (warning: can expose parts of the host file system)
  -p pot : the working pot
  -s source : the file or directory inside the pot
  -d dest : the location (directory) on the host to copy-out to
  --dry-run print the host commands instead of running them
`;

export const copyOut: PotCommand = copyCommand({
  name: 'copy-out',
  help,
  schema: CopyFlags,
  copy: (actx, request) => actions.copyOut(actx, request),
});
