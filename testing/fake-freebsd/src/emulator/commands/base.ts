/**
 * The base system's small stand-ins (../../../bin: logger, chflags, chown, service, kldload,
 * id, hostname, getent, chroot, posixshmcontrol) and the registry of this group: mounts,
 * sysctl/sysrc, fetch, the fake digests. `unloggedCommands` are stand-ins that the call log
 * does not record (the shims, and lockf, which logs itself before running its command).
 */
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Call, Command } from '../call.js';
import { signify, skein1024 } from '../fake-digests.js';
import { fetch } from '../fetch.js';
import { mount, mountNullfsCommand, umount } from '../mount-commands.js';
import { ex, lockf, sleep, tar } from '../shims.js';
import { sysctl, sysrc } from '../sysctl-sysrc.js';

/** A call that only records itself (class E). */
function recordOnly(call: Call): number {
  call.cls = 'E';
  return 0;
}

/** fb_conf through $(…): the knob without its trailing newlines. */
function knob(call: Call, key: string, fallback: string): string {
  return call.st.conf(key, fallback).replace(/\n+$/, '');
}

/** kldload MODULE...: the modules appended to $FAKEBSD_STATE/kld. */
function kldload(call: Call): number {
  call.cls = 'E';
  for (const a of call.args) if (!a.startsWith('-')) appendFileSync(`${call.st.dir}/kld`, `${a}\n`);
  return 0;
}

/** id [-u|-un|-g|-gn]: uid from the knob uid (0), always in wheel. */
function id(call: Call): number {
  const uid = knob(call, 'uid', '0');
  switch (call.args[0] ?? '') {
    case '-u':
      call.out(`${uid}\n`);
      break;
    case '-un':
    case '-nu':
      call.out(uid === '0' ? 'root\n' : 'user\n');
      break;
    case '-g':
      call.out('0\n');
      break;
    case '-gn':
    case '-ng':
      call.out('wheel\n');
      break;
    default:
      call.out(`uid=${uid}(root) gid=0(wheel) groups=0(wheel),5(operator)\n`);
  }
  return 0;
}

/** hostname [-s | NAME]: the knob hostname (host.example.org); NAME sets it. */
function hostname(call: Call): number {
  const h = knob(call, 'hostname', 'host.example.org');
  const first = call.args[0];
  if (first === '-s') {
    call.out(`${h.split('.')[0]}\n`);
  } else if (first !== undefined && !first.startsWith('-')) {
    call.cls = 'E';
    mkdirSync(`${call.st.dir}/conf`, { recursive: true });
    writeFileSync(`${call.st.dir}/conf/hostname`, `${first}\n`);
  } else {
    call.out(`${h}\n`);
  }
  return 0;
}

/** The groups knob as fb_conf prints it (a file's content as it is). */
function groupsText(call: Call): string {
  const fromEnv = call.env.FAKEBSD_GROUPS;
  if (fromEnv !== undefined && fromEnv !== '') return `${fromEnv}\n`;
  try {
    return readFileSync(`${call.st.dir}/conf/groups`, 'latin1');
  } catch {
    return 'wheel:*:0:root\npot:*:1001:\n';
  }
}

/** getent group [NAME]: the groups knob (wheel and pot). */
function getent(call: Call): number {
  const [db = '', key = ''] = call.args;
  if (db !== 'group') return 1;
  const keyBytes = Buffer.from(key, 'utf8').toString('latin1');
  const lines = groupsText(call).split('\n');
  lines.pop(); // `read` drops a last line without its newline
  let out = '';
  for (const line of lines) {
    const name = line.includes(':') ? line.slice(0, line.indexOf(':')) : line;
    if (key === '' || name === keyBytes) {
      out += `${line}\n`;
      if (key !== '') {
        call.out(Buffer.from(out, 'latin1'));
        return 0;
      }
    }
  }
  call.out(Buffer.from(out, 'latin1'));
  return key === '' ? 0 : 2;
}

/** chroot DIR COMMAND...: recorded; `chroot DIR realpath X` prints X. */
function chroot(call: Call): number {
  const rest = call.args.slice(1);
  const cmd = rest[0] ?? '';
  if (cmd === '/bin/realpath' || cmd === 'realpath' || cmd === '/usr/bin/realpath') {
    let i = 1;
    while ((rest[i] ?? '').startsWith('-')) i++;
    call.out(`${rest[i] ?? ''}\n`);
    return 0;
  }
  call.cls = 'E';
  return 0;
}

/** posixshmcontrol ls|list|rm: there are no shared memory objects. */
function posixshmcontrol(call: Call): number {
  const sub = call.args[0] ?? '';
  if (sub === 'ls' || sub === 'list') {
    call.out('MODE\tOWNER\tGROUP\tSIZE\tPATH\n');
    return 0;
  }
  if (sub === 'rm') {
    call.cls = 'E';
    call.err(`posixshmcontrol: ${call.args[1] ?? ''}: No such file or directory`);
    return 1;
  }
  return 0;
}

export const commands: Record<string, Command> = {
  logger: recordOnly,
  chflags: recordOnly,
  chown: recordOnly,
  service: recordOnly,
  kldload,
  id,
  hostname,
  getent,
  chroot,
  posixshmcontrol,
  mount,
  mount_nullfs: mountNullfsCommand,
  umount,
  sysctl,
  sysrc,
  fetch,
  skein1024,
  signify,
};

/** Stand-ins runEmulated must run without logging them (lockf logs itself). */
export const unloggedCommands: Record<string, Command> = { sleep, ex, lockf, tar };
