import { defineConfig } from 'vitest/config';

// End-to-end tests run pot in process against the fake host in process, and a few files start the
// built pot as processes; on a busy machine a process-bound test takes a minute, so a test's bound
// is generous: a time-out here means a hang, never a slow machine. The files share their workers
// (isolate: false): no test changes a global that another reads, and a fresh worker per file cost
// most of a second each.
export default defineConfig({ test: { name: 'cli', testTimeout: 300_000, hookTimeout: 300_000, isolate: false } });
