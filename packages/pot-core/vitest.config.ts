import { defineConfig } from 'vitest/config';

// The integration test drives the fake host's stand-ins as processes: on a busy machine one call
// can take a second, so the bound is for hangs, not for speed. The files share their workers
// (isolate: false): no test mocks a module or changes a global another reads.
export default defineConfig({ test: { name: 'pot-core', testTimeout: 120_000, isolate: false } });
