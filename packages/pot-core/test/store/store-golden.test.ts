import { describe, expect, it } from 'vitest';
import { goldenFiles } from '../fixtures/golden.js';
import { FscompConf } from '../../src/store/fscomp-conf.js';
import { KeyValueFile } from '../../src/store/key-value-file.js';
import { newPotConfText, PotConf, type NetworkType, type PotStack } from '../../src/store/pot-conf.js';
import { newFscompConfText } from '../../src/store/fscomp-conf.js';
import { formatStatus, parseStatusText } from '../../src/store/status.js';
import { bridgeFileText, parseBridgeFile } from '../../src/store/bridge-file.js';

const files = goldenFiles();
const potConfs = files.filter((f) => /\/jails\/[^/]+\/conf\/pot\.conf$/.test(f.path));
const fscomps = files.filter((f) => /\/jails\/[^/]+\/conf\/fscomp\.conf$/.test(f.path));
const statuses = files.filter((f) => f.path.startsWith('@TMP@/pot_status_'));
const bridges = files.filter((f) => f.path.startsWith('@FS@/bridges/'));
const id = (f: { scenario: string; checkpoint: string; path: string }): string => `${f.scenario} ${f.checkpoint} ${f.path}`;

describe('golden files written by shell pot 0.16.0', () => {
  it('has fixtures of every kind', () => {
    expect(potConfs.length).toBeGreaterThan(50);
    expect(fscomps.length).toBeGreaterThan(50);
    expect(statuses.length).toBeGreaterThan(20);
    expect(bridges.length).toBeGreaterThan(5);
  });

  it.each(potConfs.map((f) => [id(f), f] as const))('pot.conf round-trips byte for byte: %s', (_, f) => {
    const conf = PotConf.parse(f.content);
    expect(conf.toString()).toBe(f.content);
    // a no-op rewrite through the setters keeps the bytes too
    const again = conf.clone();
    for (const k of again.keys()) again.set(k, again.get(k)!);
    expect(again.toString()).toBe(f.content);
  });

  it.each(potConfs.map((f) => [id(f), f] as const))('create writes the same pot.conf: %s', (_, f) => {
    const conf = PotConf.parse(f.content);
    const pot = /jails\/([^/]+)\/conf/.exec(f.path)![1]!;
    // keys create writes; later commands (export-ports) append after them
    const text = newPotConfText({
      level: Number(conf.getShell('pot.level')) as 0 | 1 | 2,
      type: conf.type,
      base: conf.getShell('pot.base')!,
      potbase: conf.getShell('pot.potbase'),
      dns: conf.getShell('pot.dns')!,
      hostname: conf.hostname!,
      baseOsRelease: conf.getShell('osrelease')!,
      stack: conf.getShell('pot.stack') as PotStack,
      networkType: conf.networkType as NetworkType,
      ip: conf.ip,
      bridge: conf.getShell('bridge'),
      dnsName: conf.depends[0],
    });
    // lines after the last one create wrote were appended by later commands
    // (export-ports, set-attr, set-cmd: delete + append); replay them as they did
    const created = PotConf.parse(text);
    const lastCreated = created.lines[created.lines.length - 1]!.key!;
    const golden = conf.lines;
    const tailStart = golden.findLastIndex((l) => l.key === lastCreated) + 1;
    for (const l of golden.slice(tailStart)) created.set(l.key!, l.value!, { position: 'end' });
    expect(created.toString()).toBe(f.content);
    expect(conf.hostname).toBe(`${pot}.host.example.org`);
  });

  it.each(fscomps.map((f) => [id(f), f] as const))('fscomp.conf round-trips and matches create: %s', (_, f) => {
    const conf = FscompConf.parse(f.content);
    expect(conf.toString()).toBe(f.content);
    const pot = /jails\/([^/]+)\/conf/.exec(f.path)![1]!;
    const base = /bases\/([^ /]+)/.exec(f.content)?.[1] ?? '13.1';
    expect(newFscompConfText({ type: 'multi', level: 1, zfsRoot: 'zroot/pot', potName: pot, base })).toBe(f.content);
  });

  it.each(statuses.map((f) => [id(f), f] as const))('status file reads and writes back: %s', (_, f) => {
    const status = parseStatusText(f.content)!;
    expect(status).toBeDefined();
    expect(['started', 'stopped']).toContain(status.state);
    expect(formatStatus(status)).toBe(f.content);
  });

  it.each(bridges.map((f) => [id(f), f] as const))('bridge file reads and writes back: %s', (_, f) => {
    const name = f.path.slice('@FS@/bridges/'.length);
    const def = parseBridgeFile(f.content, name)!;
    expect(def.name).toBe(name);
    expect(bridgeFileText(def)).toBe(f.content);
    expect(KeyValueFile.parse(f.content).toString()).toBe(f.content);
  });
});
