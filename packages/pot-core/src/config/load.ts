/**
 * Loading pot's configuration: PREFIX/etc/pot/pot.default.conf, then
 * PREFIX/etc/pot/pot.conf (later assignments win), each read by potnet's
 * shell-assignment reader (quotes, comments, `export`; nothing executed).
 *
 * Where:
 * - `options.etcDir`, else env POT_ETC_DIR: the etc/pot directory itself;
 * - else `options.prefix`, else env POT_PREFIX, else /usr/local: PREFIX/etc/pot.
 * POT_HOST_ROOT (the host seam's root for host files such as /etc/pf.conf) is
 * not used here: the configuration belongs to pot's install prefix.
 *
 * A missing pot.default.conf (shell pot: fatal) falls back to the copy shipped
 * with this package (share/pot.default.conf), noted as a warning diagnostic.
 * A line sh would not read as an assignment (an unquoted value with blanks,
 * expansions, commands) is an error: one PotError('config') naming file and
 * line, with the reader's fix (e.g. the quoted form of the value).
 */
import path from 'node:path';
import { type ConfDiagnostic, parseShellAssignments, readerFinding } from 'potnet';
import { PotError } from '../errors/pot-error.js';
import { firstExisting, readTextIfPresent } from '../host/local-files.js';
import { type ConfigFinding, checkConfig } from './check.js';
import { configFromValues, type PotConfig } from './schema.js';

export interface LoadPotConfigOptions {
  env?: NodeJS.ProcessEnv;
  /** The install prefix (PREFIX/etc/pot). */
  prefix?: string;
  /** The etc/pot directory (wins over prefix). */
  etcDir?: string;
  /** Values that win over both files (tests, command-line overrides). */
  overrides?: Readonly<Record<string, string>>;
  /** false: return error diagnostics instead of throwing (e.g. for `pot doctor`). Default true. */
  throwOnError?: boolean;
}

export interface ConfigSource {
  file: string;
  role: 'defaults' | 'bundled-defaults' | 'user';
  /** Whether the file was read. */
  found: boolean;
  /** Variables this file set. */
  variables: string[];
}

export interface LoadedPotConfig {
  config: PotConfig;
  /** Merged string values (defaults, files, overrides). */
  values: Map<string, string>;
  /** checkConfig's findings. */
  findings: ConfigFinding[];
  /** What the reader reported (file, line). */
  diagnostics: ConfDiagnostic[];
  sources: ConfigSource[];
  etcDir: string;
  /** The variables pot.conf set (not the defaults). */
  userSet: ReadonlySet<string>;
}

/**
 * The pot.default.conf shipped with pot, for a checkout: @pot/core's own
 * (share/, two levels above dist/config/load.js) or the copy the CLI's build
 * puts beside its bundle (dist/pot.default.conf). An installation has neither:
 * there PREFIX/etc/pot/pot.default.conf is the only one, as for potnet.
 */
export function bundledDefaultsPath(): string | undefined {
  return firstExisting([new URL('../../share/pot.default.conf', import.meta.url), new URL('./pot.default.conf', import.meta.url)]);
}

export function resolveEtcDir(options: Pick<LoadPotConfigOptions, 'env' | 'prefix' | 'etcDir'> = {}): string {
  const env = options.env ?? process.env;
  if (options.etcDir) return options.etcDir;
  if (env.POT_ETC_DIR) return env.POT_ETC_DIR;
  return path.join(options.prefix || env.POT_PREFIX || '/usr/local', 'etc', 'pot');
}

export function formatDiagnostic(d: ConfDiagnostic): string {
  return `${d.file}:${d.line}: ${d.message}`;
}

/** The variables the user's pot.conf set (the rest come from the defaults). */
function userVariables(sources: readonly ConfigSource[]): Set<string> {
  return new Set(sources.filter((s) => s.role === 'user').flatMap((s) => s.variables));
}

export function loadPotConfig(options: LoadPotConfigOptions = {}): LoadedPotConfig {
  const etcDir = resolveEtcDir(options);
  const values = new Map<string, string>();
  const diagnostics: ConfDiagnostic[] = [];
  const sources: ConfigSource[] = [];

  const read = (file: string, role: ConfigSource['role']): boolean => {
    const text = readTextIfPresent(file);
    if (text === undefined) {
      sources.push({ file, role, found: false, variables: [] });
      return false;
    }
    const parsed = parseShellAssignments(text, file);
    diagnostics.push(...parsed.diagnostics);
    for (const [k, v] of parsed.values) values.set(k, v);
    sources.push({ file, role, found: true, variables: [...parsed.values.keys()] });
    return true;
  };

  const defaultsFile = path.join(etcDir, 'pot.default.conf');
  if (!read(defaultsFile, 'defaults')) {
    const bundled = bundledDefaultsPath();
    if (bundled !== undefined && read(bundled, 'bundled-defaults')) {
      diagnostics.push({ file: defaultsFile, line: 0, severity: 'warning', message: `not found; using the defaults shipped with pot (${bundled})` });
    } else {
      const missing = 'not found (it comes with pot: reinstall pot, e.g. pkg install -f pot-ts)';
      if (options.throwOnError !== false) throw new PotError('config', `${defaultsFile} ${missing}`);
      diagnostics.push({ file: defaultsFile, line: 0, severity: 'error', message: missing });
    }
  }
  read(path.join(etcDir, 'pot.conf'), 'user');
  for (const [k, v] of Object.entries(options.overrides ?? {})) values.set(k, v);

  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0 && options.throwOnError !== false) {
    // One line refused is one message with its own fix (the same finding
    // potnet config-check and pot doctor give); details only list several.
    const first = readerFinding(errors[0]!);
    throw new PotError('config', `${first.message}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}`, {
      suggestion: first.suggestion,
      ...(errors.length > 1 ? { details: errors.map((d) => ({ path: `${d.file}:${d.line}`, message: d.message })) } : {}),
    });
  }

  const config = configFromValues(values);
  const userSet = userVariables(sources);
  return { config, values, findings: checkConfig(config, { diagnostics: errors, userSet }), diagnostics, sources, etcDir, userSet };
}
