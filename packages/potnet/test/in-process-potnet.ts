/**
 * The potnet command served from this process (runPotnetCli, what the binary runs) to
 * potnet-client.bash over a local TCP port: a client sends `ARGC\n`, then PATH and its ARGC
 * arguments, each ended by a NUL; it gets `STATUS OUTLEN ERRLEN\n`, stdout and stderr back.
 */
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runPotnetCli } from '../src/cli-main.js';

export const POTNET_CLIENT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'potnet-client.bash');

function answer(fields: readonly string[]): Buffer {
  const [pathVariable, ...argv] = fields;
  let out = '';
  let err = '';
  const status = runPotnetCli(argv, { out: (t) => void (out += t), err: (t) => void (err += t), path: pathVariable });
  const [o, e] = [Buffer.from(out), Buffer.from(err)];
  return Buffer.concat([Buffer.from(`${status} ${o.length} ${e.length}\n`), o, e]);
}

/** The fields of a complete request, or undefined while more is to come. */
function request(received: Buffer): string[] | undefined {
  const nl = received.indexOf(10);
  if (nl < 0) return undefined;
  const argc = Number(received.subarray(0, nl).toString());
  const fields = received
    .subarray(nl + 1)
    .toString('utf8')
    .split('\0');
  return fields.length > argc + 1 ? fields.slice(0, argc + 1) : undefined;
}

/** Starts serving; resolves with the port and a way to stop. */
export function servePotnet(): Promise<{ port: number; close: () => void }> {
  const server = createServer((socket) => {
    let received = Buffer.alloc(0);
    socket.on('error', () => {});
    socket.on('data', (chunk) => {
      received = Buffer.concat([received, chunk]);
      const fields = request(received);
      if (fields === undefined) return;
      socket.removeAllListeners('data');
      socket.end(answer(fields));
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ port: typeof address === 'object' && address !== null ? address.port : 0, close: () => server.close() });
    });
  });
}
