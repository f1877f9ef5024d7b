import { defineConfig } from 'vitest/config';

// The integration tests drive the fake host's stand-ins (bash processes): on a busy machine one
// call can take a second, so the bound is for hangs, not for speed.
export default defineConfig({ test: { name: 'pot-core', testTimeout: 120_000 } });
