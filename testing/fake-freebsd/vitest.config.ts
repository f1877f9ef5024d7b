import { defineConfig } from 'vitest/config';

// Every test runs the stand-ins (bash processes): on a busy machine one call can take a second,
// so the bound is for hangs, not for speed.
export default defineConfig({ test: { name: 'fake-freebsd', testTimeout: 120_000, hookTimeout: 120_000 } });
