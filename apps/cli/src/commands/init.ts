import { actions } from '@pot/core';
import { defineCommand } from '../definition.js';
import { bool, dryRun, HELP, option, VERBOSE } from '../flags.js';
import { printFindings } from './doctor.js';

export const init = defineCommand({
  name: 'init',
  summary: 'Initialize the ZFS layout',
  usageAs: 'init   ',
  synopsis: 'pot init [-hmsv] [--dry-run] [-p pf_file]',
  root: true,
  configCheck: 'own',
  fsRoot: false,
  flags: {
    h: HELP,
    m: bool('m', "minimal modifications (alias for `-sp ''`)"),
    p: option('p', 'pf_file', ['pf_file : write pot anchors to this file (empty to skip),', '             defaults to result of `sysrc -n pf_rules`'], {
      complete: 'file',
    }),
    f: option('f', 'pf_file', ['pf_file : alias for -p pf_file (deprecated)'], { complete: 'file' }),
    s: bool('s', 'do not alter syslogd config'),
    v: { ...VERBOSE, help: ["verbose (also runs the checks of 'pot doctor')"] },
    dryRun: dryRun(),
  },
  run: async (o, c) => {
    await actions.initPot(c.actx, { pfFile: o.m ? '' : (o.p ?? o.f), skipSyslog: o.m || o.s, argv: c.args });
    if (o.v > 0) printFindings(c.io, await actions.doctor(c.actx, c.io.env));
  },
});
