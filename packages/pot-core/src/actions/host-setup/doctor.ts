/**
 * `pot doctor`: is this host ready for pot? Each finding carries the fix the
 * installation guide gives. Read-only: it never loads modules or changes sysctls.
 */
import type { ActionContext } from '../context/context.js';
import { interfaceExists } from '../network/host-interfaces.js';
import { configFindings, isNetworkFinding } from '../network/network-check.js';
import type { Finding } from './finding.js';
import { installationFindings } from './installation-check.js';

async function sysctlValue(ctx: ActionContext, oid: string): Promise<string | undefined> {
  return (await ctx.host.sysctl.get(oid, { quiet: true }))?.trim();
}

/** `env`: the caller's environment, whose PATH decides which potnet and pot are found. */
export async function doctor(ctx: ActionContext, env: NodeJS.ProcessEnv = process.env): Promise<Finding[]> {
  const s = ctx.settings;
  const out: Finding[] = [];

  const pool = s.zfsRoot.split('/')[0] ?? '';
  const poolFound = pool !== '' && !pool.startsWith('-') && (await ctx.host.zfs.exists(pool));
  out.push(
    poolFound
      ? { check: 'zfs-pool', severity: 'ok', message: `ZFS pool ${pool} present` }
      : {
          check: 'zfs-pool',
          severity: 'error',
          message: `ZFS pool ${pool || '(none)'} of POT_ZFS_ROOT (${s.zfsRoot}) not found`,
          fix: 'ZFS is mandatory: create a pool (zpool create) or set POT_ZFS_ROOT to a dataset of an existing pool',
        },
  );

  const vimage = await sysctlValue(ctx, 'kern.features.vimage');
  out.push(
    vimage === '1'
      ? { check: 'vimage', severity: 'ok', message: 'kernel has VIMAGE (VNET)' }
      : {
          check: 'vimage',
          severity: 'error',
          message: 'kern.features.vimage is not 1: the kernel has no VIMAGE, bridged network types (public-bridge, private-bridge) cannot work',
          fix: 'use FreeBSD 12 or later (GENERIC has VIMAGE), or rebuild the kernel with "options VIMAGE" as the handbook explains',
        },
  );

  const pfDevice = await ctx.host.files.exists('/dev/pf');
  const pfModule = pfDevice || (await ctx.host.files.exists('/boot/kernel/pf.ko'));
  out.push(
    pfModule
      ? { check: 'pf', severity: 'ok', message: pfDevice ? 'pf is loaded' : 'pf is loadable (/boot/kernel/pf.ko)' }
      : {
          check: 'pf',
          severity: 'error',
          message: 'pf is neither loaded (/dev/pf) nor loadable (/boot/kernel/pf.ko): NAT for the internal network needs it',
          fix: 'install the kernel module pf.ko (part of the base system kernel) or build pf into the kernel',
        },
  );

  const racct = await sysctlValue(ctx, 'kern.racct.enable');
  out.push(
    racct === '1'
      ? { check: 'racct', severity: 'ok', message: 'resource limits database enabled (kern.racct.enable=1)' }
      : {
          check: 'racct',
          severity: 'warning',
          message: 'kern.racct.enable is not 1: resource limits (set-rss, get-rss) do not work',
          fix: 'echo kern.racct.enable=1 >> /boot/loader.conf && reboot',
        },
  );

  const ifaces = await ctx.host.net.list().catch(() => [] as string[]);
  if (ifaces.some((i) => i.startsWith('vtnet')) || s.extif.startsWith('vtnet')) {
    const lro = await sysctlValue(ctx, 'hw.vtnet.lro_disable');
    out.push(
      lro === '1'
        ? { check: 'vtnet-lro', severity: 'ok', message: 'hw.vtnet.lro_disable=1' }
        : {
            check: 'vtnet-lro',
            severity: 'warning',
            message: 'vtnet interface with LRO enabled: poor network performance for pots',
            fix: 'echo hw.vtnet.lro_disable=1 >> /boot/loader.conf && reboot',
          },
    );
  }

  out.push(
    (await interfaceExists(ctx, s.extif))
      ? { check: 'extif', severity: 'ok', message: `POT_EXTIF ${s.extif} present` }
      : {
          check: 'extif',
          severity: 'error',
          message: `The network interface ${s.extif || '(empty)'} [POT_EXTIF] does not exist`,
          fix: "set POT_EXTIF in pot.conf to the host's external interface ('ifconfig -l' lists them)",
        },
  );
  for (const iface of s.extraExtif) {
    if (!(await interfaceExists(ctx, iface))) {
      out.push({
        check: 'extra-extif',
        severity: 'error',
        message: `The network interface ${iface} [POT_EXTRA_EXTIF] does not exist`,
        fix: 'remove it from POT_EXTRA_EXTIF or create the interface',
      });
    } else if (s.networkOf(iface) === '') {
      out.push({
        check: 'extra-extif',
        severity: 'warning',
        message: `POT_NETWORK_${iface} is not set: no NAT rule for ${iface}`,
        fix: `set POT_NETWORK_${iface}=CIDR in pot.conf`,
      });
    }
  }

  // The one rule set, as potnet config-check and the guard of the network commands apply it.
  const config = configFindings(ctx);
  if (!config.some((f) => f.severity === 'error' && isNetworkFinding(f))) {
    out.push({ check: 'network-config', severity: 'ok', message: 'network configuration valid (potnet config-check)' });
  }
  for (const f of config) {
    out.push({ check: isNetworkFinding(f) ? 'network-config' : 'config', severity: f.severity, message: f.message, fix: f.suggestion });
  }
  out.push(...(await installationFindings(ctx, env)));
  return out;
}
