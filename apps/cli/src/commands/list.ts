import { actions } from '@pot/core';
import { defineCommand, type Invocation } from '../definition.js';
import { bool, HELP, json, QUIET, VERBOSE } from '../flags.js';
import { bridgeOf, potListEntry, printJson } from '../json-output/json-output.js';
import { ListOutput } from '../json-output/schemas.js';

async function listPots(c: Invocation, o: { v: number; q: boolean; json: boolean }): Promise<void> {
  const pots = await actions.listPots(c.actx, { verbose: o.v > 0 && !o.q });
  if (o.json) printJson(c.io, ListOutput, { pots: pots.map(potListEntry) });
  else if (o.q) for (const p of pots) c.io.stdout(`${p.name}\n`);
  else if (pots.length === 0) c.io.stdout('No pot created yet...\n');
  else for (const p of pots) c.io.stdout(actions.formatPotSummary(p));
}

/** The --json member each listing fills. */
const JSON_MEMBER = { b: 'bases', f: 'fscomps', F: 'flavours' } as const;

type Listing = (actx: actions.ActionContext) => Promise<[label: string, names: string[]]>;

const LISTINGS: Record<'b' | 'f' | 'F' | 'B', Listing> = {
  b: async (a) => ['bases', await actions.listBases(a)],
  f: async (a) => ['fscomp', await actions.listFscomps(a)],
  F: async (a) => ['flavour', await actions.listFlavours(a)],
  B: async (a) => ['bridge', (await actions.listBridges(a)).map((b) => b.name)],
};

/** -a: bases, pots, fscomps, flavours, bridges, in shell pot's order. */
async function listAll(c: Invocation, json: boolean): Promise<void> {
  const { actx } = c;
  const pots = await actions.listPots(actx);
  const lists = Object.fromEntries(await Promise.all((['b', 'f', 'F', 'B'] as const).map(async (k) => [k, (await LISTINGS[k](actx))[1]] as const)));
  if (json) {
    const bridges = (await actions.listBridges(actx)).map(bridgeOf);
    printJson(c.io, ListOutput, { bases: lists.b ?? [], pots: pots.map(potListEntry), fscomps: lists.f ?? [], flavours: lists.F ?? [], bridges });
    return;
  }
  for (const b of lists.b ?? []) c.io.stdout(`bases: ${b}\n`);
  if (pots.length === 0) c.io.stdout('No pot created yet...\n');
  for (const p of pots) c.io.stdout(actions.formatPotSummary(p));
  for (const [k, label] of [
    ['f', 'fscomp'],
    ['F', 'flavour'],
    ['B', 'bridge'],
  ] as const)
    for (const n of lists[k] ?? []) c.io.stdout(`${label}: ${n}\n`);
}

const KINDS = ['p', 'b', 'f', 'F', 'B', 'a'] as const;

export const list = defineCommand({
  name: 'list',
  aliases: ['ls'],
  summary: 'List of the installed pots',
  usageAs: 'ls/list',
  synopsis: 'pot list [-hpbfFa] [-qv] [--json]',
  flags: {
    h: HELP,
    v: VERBOSE,
    q: QUIET,
    p: bool('p', 'list pots (default)'),
    b: bool('b', 'list bases instead of pots'),
    f: bool('f', 'list fs components instead of pots'),
    F: bool('F', 'list available flavours'),
    B: bool('B', 'list available bridges (network type)'),
    a: bool('a', 'list everything (incompatible with -q)'),
    json: json('print the list as JSON (pots or -B)'),
  },
  check(o, usage) {
    if (KINDS.filter((k) => o[k]).length > 1) usage('Options -b -p -f -F -B -a are mutually exclusive');
    if (o.a && o.q) usage('Options -a and -q are incompatible');
  },
  run: async (o, c) => {
    const kind = KINDS.find((k) => o[k]) ?? 'p';
    if (kind === 'p') return listPots(c, o);
    if (kind === 'a') return listAll(c, o.json);
    const [label, names] = await LISTINGS[kind](c.actx);
    if (o.json) printJson(c.io, ListOutput, kind === 'B' ? { bridges: (await actions.listBridges(c.actx)).map(bridgeOf) } : { [JSON_MEMBER[kind]]: names });
    else for (const n of names) c.io.stdout(o.q ? `${n}\n` : `${label}: ${n}\n`);
  },
});
