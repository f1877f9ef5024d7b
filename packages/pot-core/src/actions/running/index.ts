// A pot's jail while it runs: start, stop, signal, console, exec.
// Only what callers outside actions/ use; the folders import each other's files directly.
export { monitorPot, openConsole } from './pot-console.js';
export { execInPot } from './pot-exec.js';
export { signalPot } from './pot-signal.js';
export { signalList } from './signal-names.js';
export { startPot } from './start-pot.js';
export { stopPot } from './stop-pot.js';
