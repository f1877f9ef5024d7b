/**
 * The IPv4 helpers of lib/fakebsd.sh (fb_ip2int, fb_int2ip, fb_prefix2mask, fb_mask2prefix,
 * fb_is_ipv4). Bash computes in 64-bit integers, so BigInt here: an octet above 255 shifts
 * past bit 31 as it does there.
 */

/** A number as bash arithmetic reads it: '' is 0, a leading 0 is octal, 0x hexadecimal. */
function bashNumber(word: string): bigint {
  const w = word.trim();
  if (w === '') return 0n;
  if (/^0[xX][0-9a-fA-F]+$/.test(w)) return BigInt(w);
  if (/^0[0-7]*$/.test(w)) return BigInt(`0o${w.slice(1) || '0'}`);
  if (/^[1-9][0-9]*$/.test(w)) return BigInt(w);
  throw new Error(`${w}: not a number in bash arithmetic`);
}

/** A 64-bit result as bash prints it (signed). */
function signed64(n: bigint): number {
  return Number(BigInt.asIntN(64, n));
}

/** fb_ip2int: A.B.C.D as an integer (`read a b c d` with IFS=.: D takes what is left). */
export function ip2int(ip: string): number {
  const parts = ip.split('.');
  const [a = '', b = '', c = ''] = parts;
  const d = parts.slice(3).join('.');
  const [na, nb, nc, nd] = [a, b, c, d].map(bashNumber) as [bigint, bigint, bigint, bigint];
  return signed64((na << 24n) | (nb << 16n) | (nc << 8n) | nd);
}

/** fb_int2ip */
export function int2ip(n: number): string {
  const v = BigInt(Math.trunc(n));
  return [24n, 16n, 8n, 0n].map((s) => ((v >> s) & 255n).toString()).join('.');
}

/** fb_prefix2mask: the netmask of a prefix length, as an integer. */
export function prefix2mask(p: number): number {
  if (p === 0) return 0;
  return signed64((0xffffffffn << BigInt(32 - p)) & 0xffffffffn);
}

/** fb_mask2prefix: the prefix length of MASK, dotted (255.192.0.0) or hex (0xffc00000). */
export function mask2prefix(mask: string): number {
  let n = BigInt(mask.startsWith('0x') ? signed64(bashNumber(mask)) : ip2int(mask));
  let p = 0;
  while (n & 0x80000000n) {
    p++;
    n = (n << 1n) & 0xffffffffn;
  }
  return p;
}

/** fb_is_ipv4: four dot-separated groups of one to three digits. */
export function isIpv4(s: string): boolean {
  return /^[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}$/.test(s);
}
