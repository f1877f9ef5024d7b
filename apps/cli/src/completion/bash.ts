/** bash completion for pot, generated from the command definitions. */
import type { AnyCommand, Completion } from '../definition.js';
import { flagEntries, LISTERS, operandEntries } from './entries.js';

const word = (source: Completion | undefined): string => {
  if (source === undefined) return 'text';
  return typeof source === 'object' ? `values:${source.values.join(' ')}` : source;
};

function commandCase(def: AnyCommand): string {
  const flags = flagEntries(def);
  const valued = flags.filter((f) => f.value !== undefined);
  const prevCases = valued.map((f) => `        ${f.names.join('|')}) source='${word(f.source)}' ;;\n`).join('');
  const operand = operandEntries(def)[0];
  return [
    `    ${[def.name, ...(def.aliases ?? [])].join('|')})`,
    `      flags='${flags.flatMap((f) => f.names).join(' ')}'`,
    operand === undefined ? '' : `      operand='${operand.rest ? 'command' : word(operand.source)}'`,
    valued.length === 0 ? '' : `      case $prev in\n${prevCases}      esac`,
    '      ;;',
  ]
    .filter((l) => l !== '')
    .map((l) => `${l}\n`)
    .join('');
}

export function bashCompletion(commands: readonly AnyCommand[]): string {
  const names = ['help', ...commands.flatMap((c) => [c.name, ...(c.aliases ?? [])])].join(' ');
  const listers = Object.entries(LISTERS)
    .map(([source, command]) => `    ${source}) ${command} ;;\n`)
    .join('');
  return `# bash completion for pot(8), generated from pot's command definitions: do not edit.

# The values of a kind (pots, bases, bridges...), asked from pot itself.
_pot_values() {
  case $1 in
${listers}    snapshot)
      local i pot=
      for ((i = 2; i < COMP_CWORD; i++)); do
        case \${COMP_WORDS[i]} in
          -P) pot=\${COMP_WORDS[i + 1]} ;;
          -p) [[ -n $pot ]] || pot=\${COMP_WORDS[i + 1]} ;;
        esac
      done
      [[ -n $pot ]] && pot info -s -p "$pot"
      ;;
  esac 2>/dev/null
}

_pot() {
  local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD - 1]}
  COMPREPLY=()
  if ((COMP_CWORD == 1)); then
    COMPREPLY=($(compgen -W '${names}' -- "$cur"))
    return
  fi
  local flags= operand= source=
  case \${COMP_WORDS[1]} in
    help)
      operand='values:${names}'
      ;;
${commands.map(commandCase).join('')}  esac
  if [[ -z $source && $cur != -* && -n $operand ]]; then
    source=$operand
  fi
  case $source in
    '') COMPREPLY=($(compgen -W "$flags" -- "$cur")) ;;
    text) ;;
    file) COMPREPLY=($(compgen -f -- "$cur")) ;;
    directory) COMPREPLY=($(compgen -d -- "$cur")) ;;
    user) COMPREPLY=($(compgen -u -- "$cur")) ;;
    command) COMPREPLY=($(compgen -c -- "$cur")) ;;
    values:*) COMPREPLY=($(compgen -W "\${source#values:}" -- "$cur")) ;;
    *) COMPREPLY=($(compgen -W "$(_pot_values "$source")" -- "$cur")) ;;
  esac
}

complete -F _pot pot
`;
}
