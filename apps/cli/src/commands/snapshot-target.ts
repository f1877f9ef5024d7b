/**
 * The `-p potname|-f fscomp` choice of snapshot, revert and purge-snapshots,
 * with shell pot's messages: exactly one of them, with a value.
 */
import type { actions } from '@pot/core';
import { repeated } from '../flags.js';

/** -p and -f, repeatable so that giving both twice is told as shell pot told it. */
export function targetFlags(what: string) {
  return {
    p: repeated('p', 'potname', [`potname : the pot target of the ${what}`], { complete: 'pot' }),
    f: repeated('f', 'fscomp', [`fscomp : the fs component target of the ${what}`], { complete: 'fscomp' }),
  };
}

export interface TargetFlags {
  p: string[];
  f: string[];
}

export function checkTarget(o: TargetFlags, usage: (message: string) => never): void {
  const given = [...o.p, ...o.f];
  if (given.length > 1) usage('-p|-f are exclusive');
  if (given.length === 0) usage('one of -p|-f has to be used');
  if (given[0] === '') usage('-p|-f options need an argument');
}

export function snapshotTarget(o: TargetFlags): actions.SnapshotTarget {
  return o.p[0] !== undefined ? { pot: o.p[0] } : { fscomp: o.f[0] ?? '' };
}
