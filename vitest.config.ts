import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/**
 * Files whose tests run processes (the built or installed pot with the fake host's stand-ins,
 * the potnet binary per case) take a minute of one worker each; everything else answers in
 * process in seconds. Started first, they run beside the rest instead of after it.
 */
const PROCESS_BOUND = [
  'nomad-contract.e2e',
  'rc-scripts.e2e',
  'install.e2e',
  'concurrency.e2e',
  'image-allocations.e2e',
  'potnet/test/golden.test',
  'random-layouts.test',
  'host/integration.test',
];

class ProcessBoundFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (spec: TestSpecification): number => {
      const i = PROCESS_BOUND.findIndex((name) => spec.moduleId.includes(name));
      return i === -1 ? PROCESS_BOUND.length : i;
    };
    return [...(await super.sort(files))].sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*', 'testing/*'],
    sequence: { sequencer: ProcessBoundFirst },
  },
});
