/** zsh completion (`_pot`), generated from the command definitions. */
import type { AnyCommand, Completion } from '../definition.js';
import { flagEntries, LISTERS, operandEntries, type FlagEntry, type OperandEntry } from './entries.js';

const quote = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;
const bracket = (text: string): string => text.replace(/[[\]\\]/g, (c) => `\\${c}`);
const colon = (text: string): string => text.replace(/:/g, '\\:');

function action(source: Completion | undefined): string {
  if (source === undefined || source === 'text') return ' ';
  if (typeof source === 'object') return `(${source.values.map((v) => colon(v).replace(/([ ()])/g, '\\$1')).join(' ')})`;
  const fixed: Record<string, string> = { file: '_files', directory: '_files -/', user: '_users', command: '_command_names -e', snapshot: '_pot_snapshots' };
  return fixed[source] ?? `_pot_values ${source}`;
}

function flagSpec(f: FlagEntry): string {
  const many = f.repeat || f.count ? '*' : '';
  const names = f.names.length > 1 ? `(${f.names.join(' ')})'{${f.names.join(',')}}'` : f.names[0];
  const value = f.value === undefined ? '' : `${f.names[0]?.startsWith('--') ? '=' : '+'}`;
  const spec = `${many}${names}${value}[${bracket(f.description)}]`;
  return f.value === undefined ? spec : `${spec}:${colon(f.value)}:${action(f.source)}`;
}

function operandSpec(o: OperandEntry, i: number): string {
  if (o.rest) return `*::${colon(o.name)}:_normal`;
  return `${i + 1}:${o.required ? '' : ':'}${colon(o.name)}:${action(o.source)}`;
}

function commandCase(def: AnyCommand): string {
  const specs = [...flagEntries(def).map(flagSpec), ...operandEntries(def).map(operandSpec)].map(quote);
  const names = [def.name, ...(def.aliases ?? [])].join('|');
  return `    (${names})\n      _arguments -s -S : \\\n        ${specs.join(' \\\n        ')}\n      ;;\n`;
}

export function zshCompletion(commands: readonly AnyCommand[]): string {
  const described = [['help', 'Show help'] as const, ...commands.flatMap((c) => [c.name, ...(c.aliases ?? [])].map((n) => [n, c.summary] as const))];
  const listers = Object.entries(LISTERS)
    .map(([source, command]) => `    (${source}) ${command} ;;\n`)
    .join('');
  return `#compdef pot
# zsh completion for pot(8), generated from pot's command definitions: do not edit.

# The values of a kind (pots, bases, bridges...), asked from pot itself.
_pot_values() {
  local -a values
  values=(\${=\${(f)"$(case $1 in
${listers}  esac 2>/dev/null)"}})
  compadd -a values
}

# The snapshots of the pot given with -P (clone) or -p.
_pot_snapshots() {
  local pot=\${opt_args[-P]:-\${opt_args[-p]}}
  [[ -n $pot ]] || return 1
  local -a values
  values=(\${(f)"$(pot info -s -p "$pot" 2>/dev/null)"})
  compadd -a values
}

_pot() {
  local -a commands
  commands=(
${described.map(([n, s]) => `    ${quote(`${n}:${s}`)}`).join('\n')}
  )
  if (( CURRENT == 2 )); then
    _describe -t commands 'pot command' commands
    return
  fi
  local cmd=$words[2]
  shift words
  (( CURRENT-- ))
  case $cmd in
    (help)
      _describe -t commands 'pot command' commands
      ;;
${commands.map(commandCase).join('')}  esac
}

_pot "$@"
`;
}
