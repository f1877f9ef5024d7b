import { defineConfig } from 'vitest/config';

// End-to-end tests: each runs the built pot several times against the fake host, and four files
// share two cores (scripts/test.sh); on a busy machine one fake-host command can take a second, so
// a test's bound is generous: a time-out here means a hang, never a slow machine.
export default defineConfig({ test: { name: 'cli', testTimeout: 300_000, hookTimeout: 300_000 } });
