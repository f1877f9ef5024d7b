/**
 * The status file `POT_TMP/pot_status_NAME`: one line
 * `pot.status=<state>,<ifaces>` (ifaces: colon list of host-side epair
 * names, possibly ending with `:`). A file older than the boot time is
 * ignored. The transitions are shell pot's `set-status`.
 */
import path from 'node:path';

export const POT_STATES = ['starting', 'doa', 'started', 'stopping', 'stopped'] as const;
export type PotState = (typeof POT_STATES)[number];

export interface PotStatus {
  /** '' when the status was wiped (shell pot writes `pot.status=,IFACES` for an invalid -s). */
  state: PotState | '';
  /** The raw interface list after the comma. */
  interfaces: string;
}

export function statusFilePath(potTmp: string, potName: string): string {
  return path.join(potTmp || '/tmp', `pot_status_${potName}`);
}

/** Reads the status from the file's text as shell pot does (last `pot.status=` line, blanks and quotes removed). */
export function parseStatusText(text: string): PotStatus | undefined {
  const lines = text.split('\n').filter((l) => l.startsWith('pot.status='));
  const last = lines[lines.length - 1];
  if (last === undefined) return undefined;
  const value = last.replace(/[ \t"]/g, '').split('=')[1] ?? '';
  const comma = value.indexOf(',');
  const state = comma < 0 ? value : value.slice(0, comma);
  const interfaces = comma < 0 ? value : value.slice(comma + 1);
  return { state: (POT_STATES as readonly string[]).includes(state) ? (state as PotState) : '', interfaces };
}

export function formatStatus(status: PotStatus): string {
  return `pot.status=${status.state},${status.interfaces}\n`;
}

/** The interface names of a status, without the empty tail. */
export function statusInterfaces(status: PotStatus): string[] {
  return status.interfaces.split(':').filter((s) => s !== '');
}

export type TransitionResult =
  | { outcome: 'ok'; next: PotStatus /** what set-status printed (stopping: the stored ifaces) */; printed?: string }
  | { outcome: 'same' }
  | { outcome: 'refused'; from: PotState | '' };

/**
 * set-status: exit 2 ('same') when already in `to`, 1 ('refused') when `to`
 * is not allowed from the current state, else the status to write.
 */
export function transition(current: PotStatus | undefined, to: PotState, interfaces = ''): TransitionResult {
  const from = current?.state ?? '';
  if (from === to) return { outcome: 'same' };
  switch (to) {
    case 'starting':
      if (from !== '' && from !== 'stopped') return { outcome: 'refused', from };
      return { outcome: 'ok', next: { state: to, interfaces: '' } };
    case 'started':
    case 'doa':
      if (from !== 'starting') return { outcome: 'refused', from };
      return { outcome: 'ok', next: { state: to, interfaces } };
    case 'stopping': {
      if (from !== 'started' && from !== 'doa' && from !== 'stopped') return { outcome: 'refused', from };
      const kept = current?.interfaces ?? '';
      return { outcome: 'ok', next: { state: to, interfaces: kept }, printed: kept };
    }
    case 'stopped':
      if (from !== 'stopping') return { outcome: 'refused', from };
      return { outcome: 'ok', next: { state: to, interfaces: '' } };
  }
}
