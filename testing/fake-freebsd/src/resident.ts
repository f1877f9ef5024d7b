/**
 * The resident stand-in of this process (src/server.ts), started on first use: the port the
 * launchers of ../bin reach it on, for a fake host's FAKEBSD_PORT. One per process (a test
 * worker), ended with it: the server leaves when its standard input closes. Undefined when it
 * could not be started: the launchers then run a Node process per call, as before.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SERVER_MODULE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'server.mjs');

const pauseCell = new Int32Array(new SharedArrayBuffer(4));
/** How long a server may take to listen (a busy machine starts Node slowly). */
const START_LIMIT_MS = 20_000;

let port: string | undefined | null = null;

function start(): string | undefined {
  if (!existsSync(SERVER_MODULE) || process.platform !== 'linux') return undefined;
  const dir = mkdtempSync(path.join(tmpdir(), 'fake-freebsd-resident-'));
  const portFile = path.join(dir, 'port');
  const child = spawn(process.execPath, [SERVER_MODULE, portFile], { stdio: ['pipe', 'ignore', 'inherit'] });
  child.unref();
  (child.stdin as unknown as { unref?: () => void }).unref?.();
  child.on('error', () => {});
  for (let waited = 0; waited < START_LIMIT_MS && child.exitCode === null; waited += 5) {
    if (existsSync(portFile)) break;
    Atomics.wait(pauseCell, 0, 0, 5);
  }
  const text = existsSync(portFile) ? readFileSync(portFile, 'utf8').trim() : '';
  rmSync(dir, { recursive: true, force: true });
  if (text === '') child.kill();
  return text === '' ? undefined : text;
}

/** FAKEBSD_PORT for a fake host's environment: this process's resident stand-in (none: empty). */
export function residentEnv(): { FAKEBSD_PORT?: string } {
  if (port === null) port = start();
  return port === undefined ? {} : { FAKEBSD_PORT: port };
}
