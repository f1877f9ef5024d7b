import { actions } from '@pot/core';
import { defineCommand } from '../definition.js';
import { bool, dryRun, HELP, option, VERBOSE } from '../flags.js';

export const deInit = defineCommand({
  name: 'de-init',
  summary: 'Remove pot from your system',
  synopsis: 'pot de-init [-hmvf] [--dry-run] [-p pf_file]',
  root: true,
  fsRoot: false,
  flags: {
    f: bool('f', 'force : stop all running pots'),
    p: option('p', 'pf_file', ['pf_file : remove anchors to this file (empty to skip),', '             defaults to result of `sysrc -n pf_rules`'], {
      complete: 'file',
    }),
    h: HELP,
    m: bool('m', "minimal modifications (alias for `-p ''`, syslogd config untouched)", '   WARNING: Still destroys POT_ZFS_ROOT'),
    v: VERBOSE,
    dryRun: dryRun(),
  },
  run: async (o, c) => {
    await actions.deInitPot(c.actx, { force: o.f, pfFile: o.m ? '' : o.p, skipSyslog: o.m, argv: c.args });
  },
});
