// A pot from birth to end: create (with flavours), create-base, clone, rename, destroy,
// destroy-base, prune.
// Only what callers outside actions/ use; the folders import each other's files directly.
export { clonePot } from './clone-pot.js';
export type { ClonePotOptions } from './clone-pot.js';
export { createBase } from './create-base.js';
export { createPot } from './create-pot.js';
export { destroyBase } from './destroy-base.js';
export { destroyPot } from './destroy-pot.js';
export { resolveFlavour } from './flavours.js';
export type { Flavour, PotCommandRunner } from './flavours.js';
export { prunePots } from './prune.js';
export { renamePot } from './rename-pot.js';
