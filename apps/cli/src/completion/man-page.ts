/** pot(8) in mdoc, generated from the command definitions. */
import type { AnyCommand } from '../definition.js';
import { flagEntries, operandEntries, type FlagEntry } from './entries.js';

/** Bumped by hand when the page's generator changes (mdoc wants a date; builds stay reproducible). */
const PAGE_DATE = 'December 2, 2026';

/** Text safe on an mdoc line: backslashes escaped, no leading dot or quote. */
const text = (s: string): string => s.replace(/\\/g, '\\e').replace(/^([.'])/, '\\&$1');

/** `.Fl p Ar potname` for a flag (`Fl -dry-run` for a long one). */
function flagMacro(f: FlagEntry): string {
  const name = (f.names[0] ?? '').replace(/^-/, '');
  return f.value === undefined ? `Fl ${name}` : `Fl ${name} Ar ${f.value.replace(/ /g, '\\ ')}`;
}

function synopsis(def: AnyCommand): string {
  const parts = flagEntries(def).map((f) => (f.required ? flagMacro(f) : `Op ${flagMacro(f)}`));
  for (const o of operandEntries(def)) parts.push(o.rest ? `Ar ${o.name} ...` : o.required ? `Ar ${o.name}` : `Op Ar ${o.name}`);
  return `.Nm pot ${def.name}\n${parts.map((p) => `.${p}\n`).join('')}`;
}

function section(def: AnyCommand): string {
  let out = `.Ss ${def.name}\n`;
  if (def.aliases?.length) out += `.Pq also ${def.aliases.map((a) => `Cm ${a}`).join(' , ')}\n`;
  out += `${text(def.summary)}.\n`;
  if (def.root) out += 'Needs root.\n';
  out += `.Pp\n${synopsis(def)}.Bl -tag -width indent\n`;
  for (const f of flagEntries(def)) out += `.It ${flagMacro(f)}\n${f.lines.map(text).join('\n.br\n')}\n`;
  return `${out}.El\n`;
}

export function manPage(commands: readonly AnyCommand[]): string {
  return `.\\" pot(8), generated from pot's command definitions: do not edit.
.Dd ${PAGE_DATE}
.Dt POT 8
.Os
.Sh NAME
.Nm pot
.Nd manage FreeBSD jails on ZFS
.Sh SYNOPSIS
.Nm
.Ar command
.Op Ar options
.Op Ar operands
.Nm
.Fl h | -help | V | -version
.Sh DESCRIPTION
.Nm
creates, runs and destroys jails, called pots, built on ZFS datasets, with
their network (inherited, an alias, or a VNET on a bridge behind pf NAT),
resource limits, snapshots and images.
It keeps the commands, flags and outputs of the shell script
.Nm
it replaces.
.Pp
Options follow getopts(3): single-letter flags combine
.Pq Fl vp Ar name ,
take their value attached or as the next word, and
.Fl v
counts.
They may come before or after the operands;
.Fl -
ends them.
.Fl h
prints a command's help,
.Nm Fl h
the list of commands and
.Nm Fl V
the version.
.Sh COMMANDS
${commands.map(section).join('')}.Sh FILES
.Bl -tag -width indent
.It Pa PREFIX/etc/pot/pot.default.conf
the defaults of every setting
.It Pa PREFIX/etc/pot/pot.conf
the settings of this host (POT_ZFS_ROOT, POT_FS_ROOT, POT_NETWORK, POT_EXTIF ...)
.It Pa POT_FS_ROOT/jails/ Ns Ar pot Ns Pa /conf/pot.conf
the configuration of each pot
.It Pa /var/cache/pot-ts
Node's compile cache of pot's code, made on the first run as root (mode 0700; the install step
may name another directory or none). pot leaves it unused when anyone but the user running pot
may write it.
.El
.Sh EXIT STATUS
.Ex -std
.Sh SEE ALSO
.Xr potnet 1 ,
.Xr jail 8 ,
.Xr pf 4 ,
.Xr zfs 8
`;
}
