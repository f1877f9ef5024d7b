/**
 * The library example of README.md, run as written (only the prefix points at
 * a small installation made here): what it prints must be its `// →` lines,
 * which also shows that every answer goes through JSON.stringify.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { installation } from './installation.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
const example = /## Library\n\n```js\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
const inst = installation({ pots: { web: 'network_type=public-bridge\nip=10.192.0.3\n' } });
afterAll(() => rmSync(inst.dir, { recursive: true, force: true }));

describe('README library example', () => {
  it('is in the README, imports potnet and states what it prints', () => {
    expect(example).toContain("from 'potnet'");
    expect(example).toContain('// →');
  });

  it('prints what its // → lines say', () => {
    const prefix = inst.prefix;
    const script = example
      .replace("from 'potnet'", `from ${JSON.stringify(pathToFileURL(path.join(root, 'dist', 'index.js')).href)}`)
      .replace("{ prefix: '/usr/local' }", `{ prefix: ${JSON.stringify(prefix)} }`);
    const file = path.join(inst.dir, 'example.mjs');
    writeFileSync(file, script);
    const printed = execFileSync(process.execPath, [file], { encoding: 'utf8' }).trimEnd().split('\n');
    const promised = [...example.matchAll(/^\/\/ → (.*)$/gm)].map((m) => m[1]);
    expect(printed).toEqual(promised);
  });
});
