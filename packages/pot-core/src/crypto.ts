/**
 * node:crypto, loaded when first used: loading it at start-up cost every pot command about
 * 9 ms (bench/README.md), and most commands never make a random name or a digest.
 */
import type * as NodeCrypto from 'node:crypto';

let loaded: typeof NodeCrypto | undefined;

function nodeCrypto(): typeof NodeCrypto {
  loaded ??= process.getBuiltinModule('node:crypto');
  return loaded;
}

/** `count` random bytes. */
export function randomBytes(count: number): Buffer {
  return nodeCrypto().randomBytes(count);
}

/** A SHA-256 hash object to feed. */
export function sha256(): NodeCrypto.Hash {
  return nodeCrypto().createHash('sha256');
}
