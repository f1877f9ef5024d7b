import { defineConfig } from 'vitest/config';

// Most tests call the emulator in process; a few run the stand-ins as processes (node each): on a
// busy machine one call can take a second, so the bound is for hangs, not for speed. The files
// share their workers (isolate: false): no test mocks a module or changes a global another reads.
export default defineConfig({ test: { name: 'fake-freebsd', testTimeout: 120_000, hookTimeout: 120_000, isolate: false } });
