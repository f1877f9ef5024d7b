/**
 * `pot set-hosts -p POT -H hostname:IP…` (shell pot 0.16.0): names the pot's
 * /etc/hosts resolves, as `pot.hosts=IP hostname` lines of pot.conf; start
 * appends them to the /etc/hosts it writes.
 */
import { parseIp } from 'potnet';
import { PotError } from '../../errors/pot-error.js';
import { validatePotName } from '../../names/index.js';
import type { PotConf } from '../../store/index.js';
import type { ActionContext } from '../context/context.js';
import { requireRoot } from '../context/context.js';
import { editPotConf, singleLineValue } from './pot-conf-edit.js';
import { existingPot } from '../context/pot-lookup.js';

export interface HostEntry {
  hostname: string;
  /** As given (IPv4 or IPv6). */
  ip: string;
}

const HOSTNAME = /^[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?$/;

/** A `-H` argument, split at its first `:` (an IPv6 address keeps its own); PotError `usage` when it is not hostname:IP. */
export function hostEntry(text: string): HostEntry {
  const at = text.indexOf(':');
  if (at < 0) throw new PotError('usage', `${text} not in a valid form`, { suggestion: 'hostname:IP is accepted' });
  const hostname = text.slice(0, at);
  const ip = text.slice(at + 1);
  if (hostname === '' || ip === '')
    throw new PotError('usage', 'Submitted ip or hostname are empty', { suggestion: 'give -H hostname:IP, e.g. -H db:10.192.0.5' });
  if (parseIp(ip) === undefined)
    throw new PotError('usage', `Submitted ip ${ip} is not a valid one`, { suggestion: 'give an IPv4 or IPv6 address after the first colon' });
  singleLineValue('a host name', hostname);
  // one name per entry: a blank would add names, anything else is no host name /etc/hosts resolves
  if (hostname.length > 253 || !HOSTNAME.test(hostname)) {
    throw new PotError('usage', `${JSON.stringify(hostname)} is not a host name`, {
      suggestion: 'use letters, digits, "-", "_" and "." (e.g. db or db.example.org)',
    });
  }
  return { hostname, ip };
}

/** The `pot.hosts` value of an entry: an /etc/hosts line. */
export const potHostsValue = (entry: HostEntry): string => `${entry.ip} ${entry.hostname}`;

export interface SetPotHostsOptions {
  pot: string;
  /** hostname:IP arguments, in order (none: the pot's entries are removed). */
  hosts: readonly string[];
}

/** Replaces every `pot.hosts=` line with one line per entry, in order, at the end of pot.conf. */
export async function setPotHosts(ctx: ActionContext, options: SetPotHostsOptions): Promise<PotConf> {
  const { pot } = options;
  const values = options.hosts.map((h) => potHostsValue(hostEntry(h)));
  validatePotName(pot, { purpose: 'existing' });
  await existingPot(ctx, pot);
  await requireRoot(ctx);
  return editPotConf(ctx, pot, (c) => {
    c.delete('pot.hosts');
    for (const v of values) c.add('pot.hosts', v);
  });
}
