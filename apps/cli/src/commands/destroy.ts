import { actions } from '@pot/core';
import { defineCommand } from '../definition.js';
import { bool, dryRun, HELP, option, QUIET, VERBOSE } from '../flags.js';

export const destroy = defineCommand({
  name: 'destroy',
  summary: 'Destroy a pot',
  synopsis: 'pot destroy [-hvFr] [--dry-run] [-p potname|-b basename|-f fscomp|-B bridge]',
  root: true,
  flags: {
    h: HELP,
    v: VERBOSE,
    q: QUIET,
    F: bool('F', 'force the stop and destroy (an fscomp: even when pots mount it)'),
    p: option('p', 'potname', ['potname : the pot name (mandatory)'], { complete: 'pot' }),
    b: option('b', 'basename', ['basename : the base name (mandatory)'], { complete: 'base' }),
    f: option('f', 'fscomp', ['fscomp : the fscomp name (mandatory)'], { complete: 'fscomp' }),
    B: option('B', 'bridge-name', ['bridge-name : the name of the bridge to be deleted (mandatory)'], { complete: 'bridge' }),
    r: bool('r', ': destroy recursively all pots based on this base/pot'),
    dryRun: dryRun(),
  },
  check(o, usage) {
    const targets = [o.p, o.b, o.f, o.B].filter((t) => t !== undefined);
    if (targets.length === 0) usage('-b or -p or -f or -B are missing');
    if (targets.length > 1) usage('-b, -p, -f and -B cannot be used at the same time');
  },
  run: async (o, c) => {
    const actx = o.q ? { ...c.actx, verbosity: 0 } : c.actx;
    if (o.B !== undefined) {
      if (o.F || o.r) actions.info(actx, '-F and -r are ignored for bridges');
      await actions.destroyBridge(actx, { name: o.B, argv: c.args });
      return;
    }
    await actions.syslog(actx, 'destroy', c.args);
    if (o.p !== undefined) await actions.destroyPot(actx, { pot: o.p, force: o.F, recursive: o.r });
    else if (o.b !== undefined) await actions.destroyBase(actx, { base: o.b, force: o.F, recursive: o.r });
    else if (o.f !== undefined) {
      if (o.r) actions.info(actx, '-r is ignored for fscomps');
      await actions.destroyFscomp(actx, { fscomp: o.f, force: o.F });
    }
  },
});
