/**
 * Digests as release manifests give them (a file's own is host/local-files.ts's sha256OfFile:
 * shell pot ran `sha256 -q`).
 */

/** Compares two hex digests (case does not matter). */
export const sameDigest = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
