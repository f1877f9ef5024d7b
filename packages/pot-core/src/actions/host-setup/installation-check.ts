/**
 * `pot doctor`'s installation checks: the configuration files, potnet on PATH
 * and reading the same network as pot, Node, the release manifests, `pot
 * init`, and the rc.d script for the pots marked to start at boot. Read-only.
 */
import path from 'node:path';
import { findPotExecutable, formatIp, formatIpNet, loadSystemConfig, PotnetError } from 'potnet';
import { formatDiagnostic, loadPotConfig } from '../../config/load.js';
import { isExecutableFile, realPath } from '../../host/local-files.js';
import { MANIFESTS_DIR } from '../../releases/index.js';
import type { ActionContext } from '../context/context.js';
import { potStore } from '../context/pot-lookup.js';
import type { Finding } from './finding.js';

/** The oldest Node pot runs on (the bundle refuses older ones before this code runs). */
export const NODE_MINIMUM = [22, 12] as const;

function executableOnPath(name: string, pathVariable: string): string | undefined {
  return pathVariable
    .split(':')
    .filter((dir) => dir !== '')
    .map((dir) => path.join(dir, name))
    .find(isExecutableFile);
}

function samePath(a: string, b: string): boolean {
  return realPath(a) === realPath(b);
}

export function configFileFindings(etcDir: string): Finding[] {
  const loaded = loadPotConfig({ etcDir, throwOnError: false });
  const out: Finding[] = [];
  const defaults = loaded.sources.find((s) => s.role === 'defaults');
  const bundled = loaded.sources.find((s) => s.role === 'bundled-defaults' && s.found);
  const user = loaded.sources.find((s) => s.role === 'user');
  if (defaults?.found) out.push({ check: 'config-files', severity: 'ok', message: `${defaults.file} read` });
  else if (bundled) {
    out.push({
      check: 'config-files',
      severity: 'warning',
      message: `${path.join(etcDir, 'pot.default.conf')} not found: pot uses ${bundled.file}, potnet finds no configuration`,
      fix: `install pot (make install, or the package) or copy ${bundled.file} to ${etcDir}/`,
    });
  } else {
    out.push({
      check: 'config-files',
      severity: 'error',
      message: `${path.join(etcDir, 'pot.default.conf')} not found`,
      fix: 'it comes with pot: reinstall it (pkg install -f pot-ts, or make install from a checkout)',
    });
  }
  if (user?.found) out.push({ check: 'config-files', severity: 'ok', message: `${user.file} read` });
  else {
    out.push({
      check: 'config-files',
      severity: 'warning',
      message: `${path.join(etcDir, 'pot.conf')} not found: pot runs on the defaults (POT_EXTIF=em0, POT_ZFS_ROOT=zroot/pot, ...)`,
      fix: `cp ${etcDir}/pot.conf.sample ${etcDir}/pot.conf, then set what your host needs (see pot.conf(5))`,
    });
  }
  for (const d of loaded.diagnostics) {
    if (d.line === 0) continue; // the missing file, reported above
    out.push({
      check: 'config-files',
      severity: d.severity === 'error' ? 'error' : 'warning',
      message: formatDiagnostic(d),
      fix: 'write plain VARIABLE=value lines: one word, no $VAR, $(...) or backquotes, nothing after the value',
    });
  }
  return out;
}

/** potnet on PATH, reading the configuration files pot reads (it finds them through `pot` on PATH). */
export function potnetFindings(ctx: ActionContext, pathVariable: string): Finding[] {
  const s = ctx.settings;
  const potnet = executableOnPath('potnet', pathVariable);
  if (potnet === undefined) {
    return [
      {
        check: 'potnet',
        severity: 'warning',
        message: `potnet is not on PATH (${pathVariable}): scripts and tools that call it fail`,
        fix: 'potnet comes with pot (PREFIX/bin/potnet): reinstall pot, or add PREFIX/bin to PATH',
      },
    ];
  }
  const out: Finding[] = [{ check: 'potnet', severity: 'ok', message: `potnet found: ${potnet}` }];
  const pot = findPotExecutable(pathVariable);
  const theirs = pot === undefined ? undefined : path.join(path.dirname(path.dirname(pot)), 'etc', 'pot');
  if (theirs === undefined) {
    out.push({
      check: 'potnet-config',
      severity: 'warning',
      message: 'potnet finds its configuration through pot on PATH, and there is no pot on PATH',
      fix: 'add PREFIX/bin (where pot is installed) to PATH',
    });
    return out;
  }
  let seen;
  try {
    seen = loadSystemConfig({ path: pathVariable });
  } catch (e) {
    if (!(e instanceof PotnetError)) throw e;
    out.push({
      check: 'potnet-config',
      severity: 'error',
      message: `potnet cannot read its configuration in ${theirs}: ${e.message}`,
      fix: `potnet reads ${theirs}/pot.default.conf and pot.conf: install pot there, or put the pot that uses ${s.etcDir} first on PATH`,
    });
    return out;
  }
  const differences = [
    ['POT_NETWORK', formatIpNet(seen.network), s.network],
    ['POT_GATEWAY', formatIp(seen.gateway), s.gateway],
    ['POT_DNS_IP', seen.dns === undefined ? '' : formatIp(seen.dns.ip), s.dnsIp],
  ].filter(([, theirValue, ours]) => theirValue !== ours);
  if (differences.length === 0) {
    const where = samePath(theirs, s.etcDir) ? theirs : `${theirs} (pot reads ${s.etcDir})`;
    out.push({ check: 'potnet-config', severity: 'ok', message: `potnet sees the same network as pot (${where})` });
  } else {
    out.push({
      check: 'potnet-config',
      severity: 'error',
      message: `potnet reads ${theirs}, pot reads ${s.etcDir}, and they disagree: ${differences.map(([k, t, o]) => `${k} ${t || '(none)'} for potnet, ${o || '(none)'} for pot`).join('; ')}`,
      fix: `put the pot installed with ${s.etcDir} first on PATH, or make both configurations the same`,
    });
  }
  return out;
}

export function nodeFinding(version = process.versions.node, execPath = process.execPath): Finding {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  const [minMajor, minMinor] = NODE_MINIMUM;
  const ok = major > minMajor || (major === minMajor && minor >= minMinor);
  return ok
    ? { check: 'node', severity: 'ok', message: `Node.js ${version} (${execPath})` }
    : {
        check: 'node',
        severity: 'error',
        message: `Node.js ${version} (${execPath}) is older than ${minMajor}.${minMinor}`,
        fix: 'pkg install node24, then reinstall pot so that it runs on it',
      };
}

async function manifestsFinding(ctx: ActionContext): Promise<Finding> {
  const files = (await ctx.host.files.exists(MANIFESTS_DIR)) ? await ctx.host.files.list(MANIFESTS_DIR) : [];
  return files.length > 0
    ? { check: 'release-manifests', severity: 'ok', message: `${files.length} FreeBSD release manifests in ${MANIFESTS_DIR}` }
    : {
        check: 'release-manifests',
        severity: 'warning',
        message: `no release manifests in ${MANIFESTS_DIR}: create-base and single pots from a release cannot know the releases`,
        fix: 'pkg install freebsd-release-manifests',
      };
}

async function initFinding(ctx: ActionContext): Promise<Finding> {
  const s = ctx.settings;
  const done = (await ctx.host.zfs.exists(s.zfsRoot)) && (await ctx.host.zfs.exists(`${s.zfsRoot}/jails`));
  return done
    ? { check: 'init', severity: 'ok', message: `pot init done (${s.zfsRoot})` }
    : { check: 'init', severity: 'warning', message: `${s.zfsRoot}/jails does not exist: pot init was not run`, fix: 'pot init' };
}

/** rc.d: pot_enable=YES when a pot is marked to start at boot, and the scripts installed beside etc/pot. */
async function bootFindings(ctx: ActionContext): Promise<Finding[]> {
  const store = potStore(ctx);
  const marked: string[] = [];
  for (const pot of await store.listPots().catch(() => [] as string[])) {
    const conf = await store.readPotConf(pot).catch(() => undefined);
    if (conf?.attr('start-at-boot') === 'YES' || conf?.attr('early-start-at-boot') === 'YES') marked.push(pot);
  }
  if (marked.length === 0) return [];
  const out: Finding[] = [];
  const script = path.resolve(ctx.settings.etcDir, '..', 'rc.d', 'pot');
  if (!isExecutableFile(script)) {
    out.push({
      check: 'rc.d',
      severity: 'error',
      message: `${marked.join(', ')} should start at boot, but ${script} is not installed`,
      fix: 'reinstall pot (pkg install -f pot-ts, or make install)',
    });
  }
  const enabled = /^(yes|true|on|1)$/i.test(((await ctx.host.rc.get('pot_enable')) ?? '').trim());
  out.push(
    enabled
      ? { check: 'rc.d', severity: 'ok', message: `pot_enable=YES: ${marked.join(', ')} start at boot` }
      : {
          check: 'rc.d',
          severity: 'warning',
          message: `${marked.join(', ')} marked start-at-boot, but pot_enable is not YES: they will not start at boot`,
          fix: 'sysrc pot_enable=YES',
        },
  );
  return out;
}

export async function installationFindings(ctx: ActionContext, env: NodeJS.ProcessEnv = process.env): Promise<Finding[]> {
  return [
    ...configFileFindings(ctx.settings.etcDir),
    ...potnetFindings(ctx, env.PATH ?? ''),
    nodeFinding(),
    await manifestsFinding(ctx),
    await initFinding(ctx),
    ...(await bootFindings(ctx)),
  ];
}
