/**
 * The signals `pot signal` accepts: FreeBSD's signal names (its `sys_signame`
 * 1–31, what `kill -l` and `killall -l` list) and the other names FreeBSD's
 * <signal.h> gives them (SIGIOT is SIGABRT), with or without `SIG`, in any
 * case, as kill(1) takes them (`strncasecmp(sig, "SIG", 3)`, `strcasecmp`).
 * nomad-pot-driver sends SIGABRT as SIGIOT or SIGABRT (it reverses a map in
 * which both name one signal), so both must work. The host is always given
 * the canonical name.
 */
export const SIGNAL_NAMES = [
  'HUP',
  'INT',
  'QUIT',
  'ILL',
  'TRAP',
  'ABRT',
  'EMT',
  'FPE',
  'KILL',
  'BUS',
  'SEGV',
  'SYS',
  'PIPE',
  'ALRM',
  'TERM',
  'URG',
  'STOP',
  'TSTP',
  'CONT',
  'CHLD',
  'TTIN',
  'TTOU',
  'IO',
  'XCPU',
  'XFSZ',
  'VTALRM',
  'PROF',
  'WINCH',
  'INFO',
  'USR1',
  'USR2',
] as const;

export type SignalName = (typeof SIGNAL_NAMES)[number];

/** FreeBSD's other names for signals of the table (<sys/signal.h>: `#define SIGIOT SIGABRT`). */
export const SIGNAL_ALIASES: Readonly<Record<string, SignalName>> = { IOT: 'ABRT' };

/** Names of other systems that FreeBSD has no signal for, and FreeBSD's nearest one. */
const ELSEWHERE: Readonly<Record<string, string>> = { POLL: 'IO', CLD: 'CHLD', PWR: 'INFO', STKFLT: 'SEGV', UNUSED: 'SYS' };

/** `text` without a leading `SIG` (any case), upper-cased, as kill(1) compares names. */
function bare(text: string): string {
  return (text.slice(0, 3).toUpperCase() === 'SIG' ? text.slice(3) : text).toUpperCase();
}

/** The canonical name of a signal given as `HUP`, `SIGHUP`, `sighup` or an alias (`SIGIOT`); undefined when it is none. */
export function signalName(text: string): SignalName | undefined {
  const name = bare(text);
  if ((SIGNAL_NAMES as readonly string[]).includes(name)) return name as SignalName;
  return Object.hasOwn(SIGNAL_ALIASES, name) ? SIGNAL_ALIASES[name] : undefined;
}

/** For a name FreeBSD lacks but other systems have (SIGPOLL): FreeBSD's nearest signal. */
export function freebsdCounterpart(text: string): string | undefined {
  const name = bare(text);
  return Object.hasOwn(ELSEWHERE, name) ? ELSEWHERE[name] : undefined;
}

/** `-l`'s list: shell pot's line (`killall -l | xargs`: the 31 names in number order), then the aliases. */
export const signalList = (): string => [...SIGNAL_NAMES, ...Object.keys(SIGNAL_ALIASES)].join(' ');
