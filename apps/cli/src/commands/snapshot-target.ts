/**
 * The `-p potname|-f fscomp` choice of snapshot, revert and purge-snapshots,
 * with shell pot's messages: exactly one of them, with a value.
 */
import type { actions } from '@pot/core';
import { UsageError } from '../errors.js';

export interface TargetFlags {
  p?: string[] | undefined;
  f?: string[] | undefined;
}

export function snapshotTarget(o: TargetFlags, help: string): actions.SnapshotTarget {
  const given = [...(o.p ?? []).map((pot) => ({ pot })), ...(o.f ?? []).map((fscomp) => ({ fscomp }))];
  if (given.length > 1) throw new UsageError('-p|-f are exclusive', help);
  const target = given[0];
  if (target === undefined) throw new UsageError('one of -p|-f has to be used', help);
  if (('pot' in target ? target.pot : target.fscomp) === '') throw new UsageError('-p|-f options need an argument', help);
  return target;
}
