/**
 * The fake host's digests and signatures (../../bin/skein1024, signify): skein1024 -q prints a
 * sha512 digest standing in for Skein-1024; signify's keys share a random id and a signature
 * is sha256(id, message). Only what these stand-ins wrote verifies with them.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { errnoText, redirectError } from './bash-behaviour.js';
import type { Call } from './call.js';
import { Getopts } from './getopts.js';
import { readable } from './net-files.js';

/** A file name as coreutils' digest tools quote it in messages (only when it must be). */
function quoteName(name: string): string {
  return name !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(name) ? name : `'${name.replace(/'/g, "'\\''")}'`;
}

/** skein1024 [-q] [FILE...]: one digest a line, of each FILE or of standard input. */
export function skein1024(call: Call): number {
  // the stand-in reads standard input unless a word of "$*" starts with something else than '-'
  const readsStdin = !/ [^-]/.test(` ${call.args.join(' ')} `);
  const files = call.args.filter((a) => !a.startsWith('-'));
  const inputs: Array<Buffer | string> = files.length > 0 ? files : [readsStdin ? call.stdin() : ''];
  for (const f of inputs) {
    let data: Buffer;
    try {
      data = typeof f === 'string' ? readFileSync(f === '' ? '' : call.resolve(f)) : f;
    } catch (e) {
      call.err(`sha512sum: ${quoteName(f as string)}: ${errnoText(e)}`);
      return 1;
    }
    call.out(`${createHash('sha512').update(data).digest('hex')}\n`);
  }
  return 0;
}

/** A path as the stand-in opens it ('' stays '': it names no file). */
function at(call: Call, file: string): string {
  return file === '' ? '' : call.resolve(file);
}

/** `sed -n 2p FILE` through $(…): the second line, '' when there is none. */
function secondLine(file: string): string {
  try {
    return (readFileSync(file, 'latin1').split('\n')[1] ?? '').replace(/\n+$/, '');
  } catch {
    return '';
  }
}

/** sha256 of the key id line and the message. */
function signatureOf(id: string, message: string): string {
  let data: Buffer;
  try {
    data = readFileSync(message);
  } catch {
    data = Buffer.alloc(0);
  }
  return createHash('sha256')
    .update(Buffer.from(`${id}\n`, 'latin1'))
    .update(data)
    .digest('hex');
}

interface SignifyArgs {
  mode: string;
  pub: string;
  sec: string;
  msg: string;
  sig: string;
}

function signifyArgs(call: Call): SignifyArgs {
  const a: SignifyArgs = { mode: '', pub: '', sec: '', msg: '', sig: '' };
  for (const { opt, arg } of new Getopts(call.cmd, call.args, 'GSVCnqep:s:m:x:c:t:z', (l) => call.err(l))) {
    if ('GSVC'.includes(opt) && opt !== '?') a.mode = opt;
    else if (opt === 'p') a.pub = arg;
    else if (opt === 's') a.sec = arg;
    else if (opt === 'm') a.msg = arg;
    else if (opt === 'x') a.sig = arg;
  }
  return a;
}

/** Writes FILE as the stand-in's `printf … >FILE` on line LINE does. */
function writeOut(call: Call, line: number, file: string, text: string): boolean {
  try {
    writeFileSync(at(call, file), text, 'latin1');
    return true;
  } catch (e) {
    redirectError(call, line, file, e);
    return false;
  }
}

function cantOpen(call: Call, file: string): number {
  call.err(`signify: can't open ${file}: No such file or directory`);
  return 1;
}

function generate(call: Call, a: SignifyArgs): number {
  call.cls = 'E';
  const id = randomBytes(16).toString('hex');
  writeOut(call, 29, a.pub, `untrusted comment: fake signify public key\n${id}\n`);
  return writeOut(call, 30, a.sec, `untrusted comment: fake signify secret key\n${id}\n`) ? 0 : 1;
}

function sign(call: Call, a: SignifyArgs): number {
  call.cls = 'E';
  if (!readable(at(call, a.sec))) return cantOpen(call, a.sec);
  if (!readable(at(call, a.msg))) return cantOpen(call, a.msg);
  const signature = signatureOf(secondLine(at(call, a.sec)), at(call, a.msg));
  const pub = `${a.sec.endsWith('.sec') ? a.sec.slice(0, -4) : a.sec}.pub`;
  const out = a.sig === '' ? `${a.msg}.sig` : a.sig;
  return writeOut(call, 36, out, `untrusted comment: verify with ${pub}\n${signature}\n`) ? 0 : 1;
}

function verify(call: Call, a: SignifyArgs): number {
  const sig = a.sig === '' ? `${a.msg}.sig` : a.sig;
  for (const f of [a.pub, sig, a.msg]) if (!readable(at(call, f))) return cantOpen(call, f);
  if (secondLine(at(call, sig)) === signatureOf(secondLine(at(call, a.pub)), at(call, a.msg))) {
    call.out('Signature Verified\n');
    return 0;
  }
  call.err('signify: signature verification failed');
  return 1;
}

/** signify -G -p PUB -s SEC | -S -s SEC -m FILE [-x SIG] | -V -p PUB [-x SIG] -m FILE */
export function signify(call: Call): number {
  const a = signifyArgs(call);
  if (a.mode === 'G') return generate(call, a);
  if (a.mode === 'S') return sign(call, a);
  if (a.mode === 'V') return verify(call, a);
  call.err('usage: signify -G|-S|-V|-C ...');
  return 1;
}
