import { afterEach, describe, it } from 'vitest';
import { createFakeHost, type FakeHost } from './fake-host.js';
import { compareScenario, expectFiles } from './golden-compare.js';

let host: FakeHost;
afterEach(() => host?.cleanup());

describe('pot create against the golden scenarios', () => {
  it.each(['create-public-bridge-auto', 'create-public-bridge-ipv6', 'create-default-network', 'create-network-errors'])('%s', async (name) => {
    host = createFakeHost();
    await compareScenario(host, name);
    expectFiles(host, name, '@FS@/jails/');
  });
});
