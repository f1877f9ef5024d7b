/**
 * potnet's --json contract: the shipped JSON Schemas (packages/potnet/schemas)
 * are the ones generated from src/json-schemas.ts, and every --json output of
 * the built binary validates against its shipped schema.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, describe, expect, it } from 'vitest';
import { JSON_SCHEMA_VERSION } from '../src/json-commands.js';
import { JSON_OUTPUTS, jsonSchemaOf, SCHEMA_VERSION, type JsonOutputName } from '../src/json-schemas.js';
import { installation } from './installation.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shipped = (name: string): Record<string, unknown> => JSON.parse(readFileSync(path.join(root, 'schemas', `${name}.schema.json`), 'utf8'));

describe('shipped JSON Schemas', () => {
  it('are exactly the ones generated from the zod schemas (pnpm run schemas after a build)', () => {
    expect(readdirSync(path.join(root, 'schemas')).sort()).toEqual(
      Object.keys(JSON_OUTPUTS)
        .map((n) => `${n}.schema.json`)
        .sort(),
    );
    for (const name of Object.keys(JSON_OUTPUTS) as JsonOutputName[]) expect(shipped(name), name).toEqual(jsonSchemaOf(name));
    expect(JSON_SCHEMA_VERSION).toBe(SCHEMA_VERSION);
  });
});

const inst = installation({
  pots: { web: 'network_type=public-bridge\nip=10.192.0.3\n', p1: 'network_type=private-bridge\nip=10.192.1.2\nbridge=stove\n' },
  bridges: { stove: 'name=stove\nnet=10.192.1.0/29\ngateway=10.192.1.1\n' },
});
afterAll(() => rmSync(inst.dir, { recursive: true, force: true }));

const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
function potnet(schema: JsonOutputName, ...args: string[]): { code: number | null; value: Record<string, unknown> } {
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'potnet'), ...args], { env: { PATH: inst.path, LC_ALL: 'C' }, encoding: 'utf8' });
  const lines = r.stdout.trimEnd().split('\n');
  expect(lines, `${args.join(' ')}: ${r.stderr}`).toHaveLength(1);
  const value = JSON.parse(lines[0] as string) as Record<string, unknown>;
  const check = ajv.compile(shipped(schema));
  expect(check(value), `${schema}: ${ajv.errorsText(check.errors)}\n${r.stdout}`).toBe(true);
  return { code: r.status, value };
}

describe('potnet --json', () => {
  it('show, show -b', () => {
    const shown = potnet('show', 'show', '--json');
    expect(shown.code).toBe(0);
    expect(shown.value).toMatchObject({ schemaVersion: 1, bridge: null, network: '10.192.0.0/10', minAddr: '10.192.0.0', maxAddr: '10.255.255.255' });
    expect(shown.value.addresses).toEqual(
      expect.arrayContaining([
        { ip: '10.192.0.1', label: 'default gateway' },
        { ip: '10.192.0.3', label: 'web' },
        { ip: '10.192.1.0', label: 'stove bridge - network' },
      ]),
    );
    expect(potnet('show', 'show', '-b', 'stove', '--json').value).toEqual({
      schemaVersion: 1,
      bridge: 'stove',
      network: '10.192.1.0/29',
      minAddr: '10.192.1.0',
      maxAddr: '10.192.1.7',
      addresses: [
        { ip: '10.192.1.0', label: 'stove bridge - network' },
        { ip: '10.192.1.1', label: 'stove bridge - gateway' },
        { ip: '10.192.1.2', label: 'p1' },
        { ip: '10.192.1.7', label: 'stove bridge - broadcast' },
      ],
    });
  });

  it('next, next -b, etc-hosts', () => {
    expect(potnet('next', 'next', '--json')).toEqual({ code: 0, value: { schemaVersion: 1, bridge: null, ip: '10.192.0.4' } });
    expect(potnet('next', 'next', '-b', 'stove', '--json')).toEqual({ code: 0, value: { schemaVersion: 1, bridge: 'stove', ip: '10.192.1.3' } });
    expect(potnet('etc-hosts', 'etc-hosts', '--json').value).toEqual({ schemaVersion: 1, bridge: null, hosts: [{ ip: '10.192.0.3', name: 'web' }] });
    expect(potnet('etc-hosts', 'etc-hosts', '-b', 'stove', '--json').value).toEqual({
      schemaVersion: 1,
      bridge: 'stove',
      hosts: [{ ip: '10.192.1.2', name: 'p1' }],
    });
  });

  it('validate: free, in use (with what holds it), outside', () => {
    expect(potnet('validate', 'validate', '-H', '10.192.0.9', '--json')).toEqual({
      code: 0,
      value: { schemaVersion: 1, bridge: null, ip: '10.192.0.9', valid: true, reason: null, message: null, holders: [] },
    });
    expect(potnet('validate', 'validate', '-H', '10.192.1.2', '--json')).toEqual({
      code: 1,
      value: {
        schemaVersion: 1,
        bridge: null,
        ip: '10.192.1.2',
        valid: false,
        reason: 'in-use',
        message: 'Address already in use',
        holders: [
          { kind: 'pot', name: 'p1', part: null, text: 'pot p1' },
          { kind: 'bridge', name: 'stove', part: 'range', text: "bridge stove's range (10.192.1.0/29)" },
        ],
      },
    });
    expect(potnet('validate', 'validate', '-H', '192.168.0.1', '--json').value).toMatchObject({
      valid: false,
      reason: 'outside',
      message: 'Address outside the network',
      holders: [],
    });
    expect(potnet('validate', 'validate', '-b', 'stove', '-H', '10.192.1.1', '--json').value).toMatchObject({
      bridge: 'stove',
      reason: 'in-use',
      holders: [{ kind: 'bridge', part: 'gateway' }],
    });
  });

  it('config-check, and an error as an object', () => {
    expect(potnet('config-check', 'config-check', '--json')).toEqual({ code: 0, value: { schemaVersion: 1, ok: true, findings: [] } });
    expect(potnet('error', 'next', '-b', 'nope', '--json')).toEqual({
      code: 1,
      value: { schemaVersion: 1, error: 'not-found', message: 'bridge nope not found', detail: 'no valid file in the bridges directory has name=nope' },
    });
  });
});

describe('potnet config-check --json on a broken configuration', () => {
  const broken = installation({ potConf: ['POT_GATEWAY=10.100.0.1', 'POT_EXTRA_EXTIF=vlan20 vlan30'] });
  afterAll(() => rmSync(broken.dir, { recursive: true, force: true }));
  it('lists the findings, exit 1', () => {
    const r = spawnSync(process.execPath, [path.join(root, 'bin', 'potnet'), 'config-check', '--json'], { env: { PATH: broken.path }, encoding: 'utf8' });
    expect(r.status).toBe(1);
    const value = JSON.parse(r.stdout) as { ok: boolean; findings: Array<{ field: string; severity: string; suggestion: string }> };
    expect(ajv.compile(shipped('config-check'))(value)).toBe(true);
    expect(value.ok).toBe(false);
    expect(value.findings.map((f) => [f.field, f.severity])).toEqual([
      ['POT_EXTRA_EXTIF', 'error'],
      ['POT_GATEWAY', 'error'],
    ]);
    expect(value.findings[0]?.suggestion).toBe('quote the value: POT_EXTRA_EXTIF="vlan20 vlan30"');
  });
});
