/**
 * The library example of README.md, run as written (only the prefix points at
 * a small installation made here): what it prints must be its `// →` lines,
 * which also shows that every answer goes through JSON.stringify.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
const example = /## Library\n\n```js\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
const work = mkdtempSync(path.join(tmpdir(), 'potnet-readme-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function installation(): string {
  const prefix = path.join(work, 'prefix');
  const fsRoot = path.join(work, 'fs');
  mkdirSync(path.join(prefix, 'etc', 'pot'), { recursive: true });
  writeFileSync(
    path.join(prefix, 'etc', 'pot', 'pot.default.conf'),
    ['POT_ZFS_ROOT=zroot/pot', 'POT_FS_ROOT=/opt/pot', 'POT_NETWORK=10.192.0.0/10', 'POT_NETMASK=255.192.0.0', 'POT_GATEWAY=10.192.0.1', 'POT_EXTIF=em0', 'POT_DNS_NAME=dns', 'POT_DNS_IP=10.192.0.2', ''].join('\n'),
  );
  writeFileSync(path.join(prefix, 'etc', 'pot', 'pot.conf'), `POT_FS_ROOT="${fsRoot}"\n`);
  mkdirSync(path.join(fsRoot, 'jails', 'web', 'conf'), { recursive: true });
  writeFileSync(path.join(fsRoot, 'jails', 'web', 'conf', 'pot.conf'), 'network_type=public-bridge\nip=10.192.0.3\n');
  return prefix;
}

describe('README library example', () => {
  it('is in the README, imports potnet and states what it prints', () => {
    expect(example).toContain("from 'potnet'");
    expect(example).toContain('// →');
  });

  it('prints what its // → lines say', () => {
    const prefix = installation();
    const script = example
      .replace("from 'potnet'", `from ${JSON.stringify(pathToFileURL(path.join(root, 'dist', 'index.js')).href)}`)
      .replace("{ prefix: '/usr/local' }", `{ prefix: ${JSON.stringify(prefix)} }`);
    const file = path.join(work, 'example.mjs');
    writeFileSync(file, script);
    const printed = execFileSync(process.execPath, [file], { encoding: 'utf8' }).trimEnd().split('\n');
    const promised = [...example.matchAll(/^\/\/ → (.*)$/gm)].map((m) => m[1]);
    expect(printed).toEqual(promised);
  });
});
