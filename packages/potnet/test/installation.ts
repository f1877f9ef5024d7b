/** A small pot installation for tests that run the potnet binary or library: PREFIX/etc/pot and POT_FS_ROOT. */
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface Installation {
  dir: string;
  prefix: string;
  fsRoot: string;
  /** PATH on which `pot` is this installation's (potnet finds PREFIX through it). */
  path: string;
}

const DEFAULTS = [
  'POT_ZFS_ROOT=zroot/pot',
  'POT_FS_ROOT=/opt/pot',
  'POT_NETWORK=10.192.0.0/10',
  'POT_NETMASK=255.192.0.0',
  'POT_GATEWAY=10.192.0.1',
  'POT_EXTIF=em0',
  'POT_DNS_NAME=dns',
  'POT_DNS_IP=10.192.0.2',
];

export function installation(options: { potConf?: string[]; pots?: Record<string, string>; bridges?: Record<string, string> } = {}): Installation {
  const dir = mkdtempSync(path.join(tmpdir(), 'potnet-inst-'));
  const prefix = path.join(dir, 'prefix');
  const fsRoot = path.join(dir, 'fs');
  mkdirSync(path.join(prefix, 'etc', 'pot'), { recursive: true });
  mkdirSync(path.join(prefix, 'bin'), { recursive: true });
  writeFileSync(path.join(prefix, 'bin', 'pot'), '#!/bin/sh\n');
  chmodSync(path.join(prefix, 'bin', 'pot'), 0o755);
  writeFileSync(path.join(prefix, 'etc', 'pot', 'pot.default.conf'), `${DEFAULTS.join('\n')}\n`);
  writeFileSync(path.join(prefix, 'etc', 'pot', 'pot.conf'), `${[`POT_FS_ROOT="${fsRoot}"`, ...(options.potConf ?? [])].join('\n')}\n`);
  for (const [name, text] of Object.entries(options.pots ?? {})) {
    mkdirSync(path.join(fsRoot, 'jails', name, 'conf'), { recursive: true });
    writeFileSync(path.join(fsRoot, 'jails', name, 'conf', 'pot.conf'), text);
  }
  mkdirSync(path.join(fsRoot, 'bridges'), { recursive: true });
  for (const [name, text] of Object.entries(options.bridges ?? {})) writeFileSync(path.join(fsRoot, 'bridges', name), text);
  return { dir, prefix, fsRoot, path: `${path.join(prefix, 'bin')}:${path.dirname(process.execPath)}:/usr/bin:/bin` };
}
