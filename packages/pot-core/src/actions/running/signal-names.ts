/**
 * The signals `pot signal` accepts: FreeBSD's signal names (its `sys_signame`
 * 1–31, what `kill -l` and `killall -l` list), given with or without `SIG`.
 * Shell pot asked `killall -l` on the host; the table is the same on every
 * supported FreeBSD release.
 */
export const SIGNAL_NAMES = [
  'HUP', 'INT', 'QUIT', 'ILL', 'TRAP', 'ABRT', 'EMT', 'FPE', 'KILL', 'BUS', 'SEGV',
  'SYS', 'PIPE', 'ALRM', 'TERM', 'URG', 'STOP', 'TSTP', 'CONT', 'CHLD', 'TTIN', 'TTOU',
  'IO', 'XCPU', 'XFSZ', 'VTALRM', 'PROF', 'WINCH', 'INFO', 'USR1', 'USR2',
] as const;

export type SignalName = (typeof SIGNAL_NAMES)[number];

/** The name of a signal given as `HUP` or `SIGHUP` (exactly, as shell pot matched it); undefined when it is none. */
export function signalName(text: string): SignalName | undefined {
  const name = text.startsWith('SIG') ? text.slice(3) : text;
  return (SIGNAL_NAMES as readonly string[]).includes(name) ? (name as SignalName) : undefined;
}

/** `-l`'s list, as shell pot printed it (`killall -l | xargs`): one line, blank-separated. */
export const signalList = (): string => SIGNAL_NAMES.join(' ');
