// The shape of actions/: concept folders whose imports never go round in a circle, indexes
// that name what they export, and the README's architecture section naming the same folders.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ACTIONS = path.dirname(fileURLToPath(import.meta.url));
const README = path.resolve(ACTIONS, '../../../../README.md');

const folders = readdirSync(ACTIONS, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

function sources(folder: string): string[] {
  return readdirSync(path.join(ACTIONS, folder)).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
}

/** The other folders of actions/ a folder's modules import from. */
function importedFolders(folder: string): Set<string> {
  const out = new Set<string>();
  for (const file of sources(folder)) {
    const text = readFileSync(path.join(ACTIONS, folder, file), 'utf8');
    for (const m of text.matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)) {
      const target = path.relative(ACTIONS, path.resolve(ACTIONS, folder, m[1] ?? ''));
      const top = target.split(path.sep)[0] ?? '';
      if (!target.startsWith('..') && top !== folder && folders.includes(top)) out.add(top);
    }
  }
  return out;
}

/** A cycle in the folder graph, as a path of folder names, or undefined. */
function findCycle(graph: Map<string, Set<string>>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | undefined => {
    if (state.get(node) === 'done') return undefined;
    if (state.get(node) === 'open') return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return undefined;
}

describe('actions/ folders', () => {
  it('holds only concept folders and the index that assembles them', () => {
    const files = readdirSync(ACTIONS, { withFileTypes: true }).filter((e) => e.isFile() && !e.name.endsWith('.test.ts'));
    expect(files.map((e) => e.name)).toEqual(['index.ts']);
    expect(folders.length).toBeGreaterThan(5);
  });

  it('imports one another without a cycle', () => {
    const graph = new Map(folders.map((f) => [f, importedFolders(f)]));
    expect(findCycle(graph)).toBeUndefined();
  });

  it('finds a cycle when there is one (the check itself)', () => {
    const graph = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a'])],
    ]);
    expect(findCycle(graph)).toEqual(['a', 'b', 'c', 'a']);
  });

  it('has an index per folder that names what it exports', () => {
    for (const folder of folders) {
      const index = readFileSync(path.join(ACTIONS, folder, 'index.ts'), 'utf8');
      expect(index, folder).not.toMatch(/export \*/);
      expect(index, folder).toMatch(/export (type )?\{/);
    }
  });

  it('is what the README architecture section describes', () => {
    const readme = readFileSync(README, 'utf8');
    const section = /## Architecture\n([\s\S]*?)(?=\n## )/.exec(readme)?.[1] ?? '';
    const named = [...section.matchAll(/`actions\/([a-z-]+)\/`/g)].map((m) => m[1]).sort();
    expect(named).toEqual(folders);
  });
});
