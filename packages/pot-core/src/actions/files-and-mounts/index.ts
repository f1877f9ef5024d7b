// A pot's files as its jail sees them: copy-in, copy-out, mount-in, mount-out and the
// mounts start makes from fscomp.conf.
// Only what callers outside actions/ use; the folders import each other's files directly.
export { copyIn } from './copy-in.js';
export { copyOut } from './copy-out.js';
export { mountIn } from './mount-in.js';
export { mountOut } from './mount-out.js';
