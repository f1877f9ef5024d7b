import { defineConfig } from 'vitest/config';

// The files share their workers (isolate: false): no test mocks a module or changes a global another reads.
export default defineConfig({ test: { name: 'potnet', testTimeout: 120_000, hookTimeout: 180_000, isolate: false } });
