import { defineConfig } from 'vitest/config';

// End-to-end tests: each runs the built pot several times against the fake host, and three files
// share two cores in CI (scripts/test.sh), so a test may take well over vitest's default 5 s.
export default defineConfig({ test: { name: 'cli', testTimeout: 60_000 } });
