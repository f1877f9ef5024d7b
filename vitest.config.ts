import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*', 'testing/*'],
    // The end-to-end files mostly wait on child processes (the built pot, the fake host's
    // stubs): three at a time on two cores took the suite from ~11 to ~7 minutes.
    maxWorkers: 3,
  },
});
