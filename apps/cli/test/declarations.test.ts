/**
 * Every command is declared once: its help, its parser, its schema, its
 * completion entries and its man page entry all come from that definition,
 * and no shown flag lacks any of them.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildParser, commandSchema, flagNames, helpText } from '../src/command-line.js';
import { REGISTERED } from '../src/commands/index.js';
import { bashCompletion } from '../src/completion/bash.js';
import { manPage } from '../src/completion/man-page.js';
import { shareFiles } from '../src/completion/share-files.js';
import { zshCompletion } from '../src/completion/zsh.js';
import { COMMANDS, runPot, USAGE } from '../src/main.js';

const zsh = zshCompletion(REGISTERED);
const bash = bashCompletion(REGISTERED);
const man = manPage(REGISTERED);

/** The part of a generated file about one command. */
function zshCase(name: string): string {
  return new RegExp(`\\n {4}\\(${name}(\\|[^)]*)?\\)\\n([\\s\\S]*?)\\n {6};;`).exec(zsh)?.[2] ?? '';
}
function bashCase(name: string): string {
  return new RegExp(`\\n {4}${name}(\\|[^)]*)?\\)\\n( {6}flags=[\\s\\S]*?)\\n {6};;`).exec(bash)?.[2] ?? '';
}
function manSection(name: string): string {
  return new RegExp(`\\n\\.Ss ${name}\\n([\\s\\S]*?)(?=\\n\\.Ss |\\n\\.Sh )`).exec(man)?.[1] ?? '';
}

describe.each(REGISTERED.map((def) => [def.name, def] as const))('pot %s', (name, def) => {
  it('is registered once, with its aliases, and listed in the usage', () => {
    expect(REGISTERED.filter((d) => d.name === name)).toHaveLength(1);
    expect(COMMANDS.get(name)?.help).toBe(helpText(def));
    expect(USAGE).toContain(`    ${def.usageAs ?? name} -- ${def.summary}\n`);
  });

  it.each(Object.entries(def.flags))('flag %s: help, parser, schema, completion and man page from the definition', (key, flag) => {
    const names = flagNames(flag);
    const option = buildParser(def).options.find((o) => o.attributeName() === key);
    expect(option?.short ?? option?.long, 'parser').toBe(names[0]);
    expect(option?.required, 'parser takes a value').toBe(flag.value !== undefined);
    expect(commandSchema(def).shape[key], 'schema').toBe(flag.type);
    if (flag.help === undefined) {
      // parsed but not shown: it must say why
      expect(flag.hidden, 'a flag without help says why it is hidden').toMatch(/\w/);
      return;
    }
    expect(helpText(def), 'help').toContain(`  ${names.join(', ')} ${flag.help[0]}\n`);
    expect(zshCase(name), 'zsh').toMatch(new RegExp(`'\\*?${names[0]}[+=]?\\[`));
    expect(bashCase(name), 'bash').toMatch(new RegExp(`flags='(?:[^']*\\s)?${names[0]}(?:\\s|')`));
    expect(manSection(name), 'man page').toContain(`.It Fl ${(names[0] ?? '').slice(1)}`);
  });

  it('every value has a completion source in both shells', () => {
    for (const [key, flag] of Object.entries(def.flags)) {
      if (flag.value === undefined || flag.help === undefined) continue;
      expect(bashCase(name), key).toContain(`-${flag.short ?? `-${flag.long}`}) source='`);
    }
  });
});

describe('the generated files', () => {
  it('are what the build writes under dist/share', () => {
    expect(Object.keys(shareFiles()).sort()).toEqual(['bash-completion/completions/pot', 'man/man8/pot.8', 'zsh/site-functions/_pot']);
    expect(shareFiles()['man/man8/pot.8']).toBe(man);
  });

  it('the man page has every command and no mdoc line a formatter would misread', () => {
    for (const def of REGISTERED) expect(man).toContain(`\n.Ss ${def.name}\n`);
    expect(man.split('\n').filter((l) => /^'/.test(l))).toEqual([]);
  });

  it('zsh offers every command and alias', () => {
    for (const def of REGISTERED) for (const n of [def.name, ...(def.aliases ?? [])]) expect(zsh).toContain(`'${n}:${def.summary.replace(/'/g, "'\\''")}'`);
    expect(zsh.startsWith('#compdef pot\n')).toBe(true);
  });
});

describe('bash completion, run by bash', () => {
  /** COMPREPLY for a command line (the word under the cursor last), with a stub pot on PATH. */
  function complete(...words: string[]): string[] {
    const dir = mkdtempSync(path.join(tmpdir(), 'pot-completion-'));
    writeFileSync(path.join(dir, 'completion.bash'), bash);
    const stub = path.join(dir, 'pot');
    writeFileSync(
      stub,
      '#!/bin/sh\ncase "$*" in\n"ls -q") printf "web\\nweb2\\ndb\\n" ;;\n"ls -B -q") echo stove ;;\n"info -s -p web") echo web@1700000000 ;;\nesac\n',
    );
    chmodSync(stub, 0o755);
    const script = `. ${dir}/completion.bash; COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _pot; printf '%s\\n' "\${COMPREPLY[@]}"`;
    return execFileSync('bash', ['-c', script], { env: { PATH: `${dir}:/usr/bin:/bin` }, encoding: 'utf8' })
      .split('\n')
      .filter((l) => l !== '');
  }

  it('completes commands, flags, pot names (from pot ls -q), operands, enums and snapshots', () => {
    expect(complete('pot', 'sta')).toEqual(['start']);
    expect(complete('pot', 'start', '-p', 'we')).toEqual(['web', 'web2']);
    expect(complete('pot', 'stop', 'd')).toEqual(['db']);
    expect(complete('pot', 'stop', '--d')).toEqual(['--dry-run']);
    expect(complete('pot', 'create', '-t', '')).toEqual(['multi', 'single']);
    expect(complete('pot', 'vnet-start', '-B', '')).toEqual(['stove']);
    expect(complete('pot', 'clone', '-P', 'web', '-s', '')).toEqual(['web@1700000000']);
    expect(complete('pot', 'help', 'rollb')).toEqual(['rollback']);
  });
});

it('help output comes from the definitions (pot help CMD = pot CMD -h)', async () => {
  let out = '';
  await runPot(['help', 'rollback'], { stdout: (t) => void (out += t), stderr: () => {}, env: {} });
  expect(out).toBe(helpText(REGISTERED.find((d) => d.name === 'revert')!));
});
