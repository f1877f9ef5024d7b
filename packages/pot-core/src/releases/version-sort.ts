/**
 * `sort -V` (GNU filevercmp's verrevcmp): runs of digits compare as numbers,
 * everything else character by character with letters before other
 * characters, `~` before everything and the end of a string before anything
 * but `~` — so `13.2 < 13.10 < 14.0-RC1 < 14.0-RELEASE`, as shell pot listed releases.
 */

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isAlpha = (c: string): boolean => /^[A-Za-z]$/.test(c);

function order(s: string, pos: number): number {
  if (pos >= s.length) return -1;
  const c = s[pos] as string;
  if (isDigit(c)) return 0;
  if (isAlpha(c)) return c.charCodeAt(0);
  if (c === '~') return -2;
  return c.charCodeAt(0) + 256;
}

/** Negative when `a` sorts before `b` in `sort -V` order, positive after, 0 when equal. */
export function compareVersions(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    let firstDiff = 0;
    while ((i < a.length && !isDigit(a[i])) || (j < b.length && !isDigit(b[j]))) {
      const ac = order(a, i);
      const bc = order(b, j);
      if (ac !== bc) return ac - bc;
      i += 1;
      j += 1;
    }
    while (a[i] === '0') i += 1;
    while (b[j] === '0') j += 1;
    while (isDigit(a[i]) && isDigit(b[j])) {
      if (firstDiff === 0) firstDiff = a.charCodeAt(i) - b.charCodeAt(j);
      i += 1;
      j += 1;
    }
    if (isDigit(a[i])) return 1;
    if (isDigit(b[j])) return -1;
    if (firstDiff !== 0) return firstDiff;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A copy of `values` in `sort -V` order. */
export function sortVersions(values: readonly string[]): string[] {
  return [...values].sort(compareVersions);
}
