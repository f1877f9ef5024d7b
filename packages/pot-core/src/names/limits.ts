/**
 * How long a pot name may be, and why: every place the name goes on the host,
 * with that place's own limit. This is the one place these numbers live.
 *
 * A pot name becomes (FreeBSD limits, the same or larger on Linux):
 * - the jail name: `pr_name[MAXHOSTNAMELEN]`, 255 characters;
 * - file names: `POT_TMP/pot_status_NAME`, `pot_main_pid_NAME`, `ncat-NAME-PORT`,
 *   `/var/log/pot/NAME.log`, and the longest of all, the temporary file a lock
 *   is made from, `pot-lock-NAME.lock.PID.RANDOM.new`: NAME_MAX = 255 per file name;
 * - datasets and snapshots: `POT_ZFS_ROOT/jails/NAME/usr.local@EPOCH`, at most
 *   ZFS_MAX_DATASET_NAME_LEN - 1 = 255 characters in all (so the limit
 *   depends on POT_ZFS_ROOT);
 * - the jail's hostname: `NAME.HOSTNAME` when it fits POT_HOSTNAME_MAX_LENGTH,
 *   else NAME cut to it (store/pot-conf.ts), so it never limits the name;
 * - the epair's description: net.link.ifdescr_maxlen, 1024 by default;
 * - the pf anchor `pot-rdr/NAME`: each anchor path component fits
 *   PF_ANCHOR_NAME_SIZE - 1 = 63 characters, so names longer than 55 get a
 *   derived anchor name (rdr-anchor.ts) instead of being refused.
 */

/** MAXHOSTNAMELEN - 1: the longest jail name. */
export const MAX_JAIL_NAME_LENGTH = 255;
/** NAME_MAX: the longest file name (one path component). */
export const NAME_MAX = 255;
/** ZFS_MAX_DATASET_NAME_LEN - 1: the longest dataset or snapshot name, pool included. */
export const ZFS_MAX_NAME_LENGTH = 255;
/** PF_ANCHOR_NAME_SIZE - 1: the longest component of a pf anchor path. */
export const PF_ANCHOR_COMPONENT_LENGTH = 63;

/** The temporary file a pot's lock is made from: the longest file name that holds a pot name. */
export const LONGEST_FILE_NAME_AROUND_POT = 'pot-lock-<name>.lock.<pid>.<random>.new';
/** What that file name adds to the pot name: `pot-lock-` 9, `.lock` 5, `.` + pid (7 digits at most) 8, `.` + 12 hex 13, `.new` 4. */
export const FILE_NAME_OVERHEAD = 9 + 5 + 8 + 13 + 4;

/** The longest child dataset and snapshot of a pot: `…/jails/<name>/usr.local@<epoch seconds>`. */
export const LONGEST_DATASET_SUFFIX = '/usr.local@0000000000';

/** The longest pot name any host takes, whatever its POT_ZFS_ROOT: jail name and file names. */
export const MAX_POT_NAME_LENGTH = Math.min(MAX_JAIL_NAME_LENGTH, NAME_MAX - FILE_NAME_OVERHEAD); // 216

/** The longest pot name whose datasets and snapshots fit ZFS below `zfsRoot`. */
export function maxPotNameForZfsRoot(zfsRoot: string): number {
  return ZFS_MAX_NAME_LENGTH - `${zfsRoot}/jails/`.length - LONGEST_DATASET_SUFFIX.length;
}

export interface PotNameLimit {
  /** The longest name this place takes. */
  max: number;
  /** Why, as the end of "more than N (…)". */
  why: string;
}

/** The binding limit on a pot name: the host's, or POT_ZFS_ROOT's when it is known and tighter. */
export function potNameLimit(zfsRoot?: string): PotNameLimit {
  const host: PotNameLimit = {
    max: MAX_POT_NAME_LENGTH,
    why: `the file name "${LONGEST_FILE_NAME_AROUND_POT}" must fit NAME_MAX, ${NAME_MAX} characters`,
  };
  if (zfsRoot === undefined) return host;
  const zfs = maxPotNameForZfsRoot(zfsRoot);
  if (zfs >= host.max) return host;
  return {
    max: Math.max(zfs, 0),
    why: `its snapshot "${zfsRoot}/jails/<name>${LONGEST_DATASET_SUFFIX.replace(/0+$/, '<epoch>')}" must fit ZFS's ${ZFS_MAX_NAME_LENGTH} characters`,
  };
}
