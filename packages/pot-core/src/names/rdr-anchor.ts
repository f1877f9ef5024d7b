/**
 * The pf anchor of a pot's exported ports, `pot-rdr/<anchor name>`. pf keeps
 * each component of an anchor path in PF_ANCHOR_NAME_SIZE (63 characters), so
 * `pot-rdr/NAME` is whole only for names of at most 55 characters — shell
 * pot's reading, kept so both find the same anchors.
 *
 * A longer name gets `<first 34 characters>.<20 hex of its SHA-256>`: the same
 * for the same name on every run, readable in `pfctl -s Anchors`, never equal
 * to a short name's anchor (a pot name has no "."), and two long names share
 * it only if they share their first 34 characters and 80 bits of digest.
 *
 * Shell pot cut long names to their last 55 characters instead (and stripped
 * leading "_"), so two pots could share an anchor; `legacyRdrAnchorName` is
 * that name, to find and flush the anchors it left behind.
 */
import { sha256 } from '../crypto.js';
import { PF_ANCHOR_COMPONENT_LENGTH } from './limits.js';

export const RDR_ANCHOR_ROOT = 'pot-rdr';
export const RDR_ANCHOR_PREFIX = `${RDR_ANCHOR_ROOT}/`;
/** The longest pot name whose anchor is its own name (shell pot's 55). */
export const MAX_VERBATIM_ANCHOR_NAME = PF_ANCHOR_COMPONENT_LENGTH - RDR_ANCHOR_PREFIX.length;
const DIGEST_HEX = 20;
const KEPT = MAX_VERBATIM_ANCHOR_NAME - 1 - DIGEST_HEX;

/** The anchor name (below `pot-rdr/`) of a pot's redirections. */
export function rdrAnchorName(potName: string): string {
  if (potName.length <= MAX_VERBATIM_ANCHOR_NAME) return potName;
  const digest = sha256().update(potName).digest('hex').slice(0, DIGEST_HEX);
  return `${potName.slice(0, KEPT)}.${digest}`;
}

/** The pf anchor of a pot's redirections: `pot-rdr/<rdrAnchorName>`. */
export function rdrAnchorOf(potName: string): string {
  return RDR_ANCHOR_PREFIX + rdrAnchorName(potName);
}

/** The anchor shell pot used for a name longer than 55 characters (its last 55, leading "_" stripped); undefined for shorter names. */
export function legacyRdrAnchorOf(potName: string): string | undefined {
  if (potName.length <= MAX_VERBATIM_ANCHOR_NAME) return undefined;
  const legacy = potName.slice(-MAX_VERBATIM_ANCHOR_NAME).replace(/^_+/, '');
  return legacy === '' ? undefined : RDR_ANCHOR_PREFIX + legacy;
}
