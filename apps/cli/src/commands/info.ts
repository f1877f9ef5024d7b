import { actions, notFound } from '@pot/core';
import { defineCommand, type Invocation } from '../definition.js';
import { bool, HELP, json, option, optionalPot, QUIET, VERBOSE } from '../flags.js';
import { bridgeOf, environmentOf, potInfoOf, printJson } from '../json-output/json-output.js';
import { InfoOutput } from '../json-output/schemas.js';

interface PotInfoFlags {
  v: number;
  q: boolean;
  r: boolean;
  E: boolean;
  s: boolean;
  json: boolean;
}

async function potInfo(pot: string, o: PotInfoFlags, c: Invocation): Promise<number> {
  const { actx } = c;
  await actions.existingPot(actx, pot);
  if (o.r) return (await actx.host.jails.isRunning(pot)) ? 0 : 1;
  if (o.q) return 0;
  if (o.s) {
    const names = await actions.potSnapshotNames(actx, pot);
    if (o.json) printJson(c.io, InfoOutput, { snapshots: names });
    else c.io.stdout(names.map((n) => `${n}\n`).join(''));
  } else if (o.E) {
    if (o.json) printJson(c.io, InfoOutput, { environment: environmentOf(await actions.potVariables(actx, pot)) });
    else c.io.stdout((await actions.potEnvironment(actx, pot)).map((l) => `${l}\n`).join(''));
  } else {
    const report = await actions.potInfo(actx, pot, { verbose: o.v > 0 || o.json });
    if (o.json) printJson(c.io, InfoOutput, { pot: potInfoOf(report) });
    else c.io.stdout(actions.formatPotInfo(report, o.v > 0));
  }
  return 0;
}

export const info = defineCommand({
  name: 'info',
  summary: 'Print minimal information on a pot',
  usageAs: 'info   ',
  synopsis: 'pot info [-hvqr] [--json] [-p pname|-B bname]',
  flags: {
    h: HELP,
    v: VERBOSE,
    q: QUIET,
    p: optionalPot('pname', ['pname : pot name']),
    B: option('B', 'bname', ['bname : bridge name'], { complete: 'bridge' }),
    r: bool('r', 'check only if the pot is running'),
    E: bool('E', 'output some pot information as environment variables'),
    s: bool('s', 'list the available snapshots for the pot'),
    json: json('print the information as JSON'),
  },
  check(o, usage) {
    if (o.p === undefined && o.B === undefined) usage('Option -p or -B are mandatory');
    if (o.p !== undefined && o.B !== undefined) usage('Option -p and -B are mutually exclusive');
    if (o.q && o.v > 0) usage('Option -q and -v are mutually exclusive');
    if (o.E && o.p === undefined) usage('Environment variable output available for pot only');
  },
  run: async (o, c) => {
    c.mode.quiet = o.q;
    if (o.p !== undefined) return potInfo(o.p, o, c);
    const bname = o.B ?? '';
    if (!(await actions.listBridges(c.actx)).some((b) => b.name === bname)) throw notFound('bridge', bname);
    const { bridge, addresses } = await actions.bridgeInfo(c.actx, bname);
    if (o.q) return 0;
    if (o.json) printJson(c.io, InfoOutput, { bridge: { ...bridgeOf(bridge), addresses } });
    else for (const a of addresses) c.io.stdout(`\t${a.ip}\t${a.description}\n`);
    return 0;
  },
});
