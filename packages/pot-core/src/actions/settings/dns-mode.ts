/**
 * The DNS mode of a new pot (`-d inherit|off|pot|custom:FILE` of create and
 * clone): checked before anything is made, with shell pot's messages.
 */
import { PotError } from '../../errors/pot-error.js';
import type { ActionContext } from '../context/context.js';
import { realFiles, userPath } from '../context/context.js';
import { potPresence } from '../context/pot-lookup.js';

/** `-d custom:FILE`: the file's text (read now, as shell pot checked it while parsing); undefined for the other modes. */
export async function customResolvText(ctx: ActionContext, dns: string | undefined): Promise<string | undefined> {
  if (dns === undefined || ['inherit', 'pot', 'off'].includes(dns)) return undefined;
  if (!dns.startsWith('custom:')) throw new PotError('usage', `'${dns}' is not a valid dns option`, { suggestion: 'use inherit, pot, off or custom:FILE' });
  const file = dns.slice('custom:'.length);
  const text =
    file === ''
      ? undefined
      : await realFiles(ctx)
          .read(userPath(ctx, file))
          .catch(() => undefined);
  if (text === undefined) throw new PotError('usage', `The file ${file} is not valid or readable`, { suggestion: 'give the path of a resolv.conf file' });
  return text;
}

/** Whether the kernel has VIMAGE (vnet jails). */
export async function vnetAvailable(ctx: ActionContext): Promise<boolean> {
  return (await ctx.host.sysctl.get('kern.features.vimage')) === '1';
}

/** `-d pot` needs the dns pot (POT_DNS_NAME) and a kernel with VIMAGE. */
export async function checkDnsPot(ctx: ActionContext, dns: string | undefined): Promise<void> {
  if (dns !== 'pot') return;
  if (!(await vnetAvailable(ctx))) throw new PotError('unsupported', "This kernel doesn't support VIMAGE! No vnet possible (needed by the dns)");
  const name = ctx.settings.vars.POT_DNS_NAME ?? 'dns';
  if ((await potPresence(ctx, name)) !== 'present') {
    throw new PotError('not-found', `dns pot not found (${name}) - please fix it`, {
      suggestion: 'create the pot named by POT_DNS_NAME first, or use another -d mode',
    });
  }
}
