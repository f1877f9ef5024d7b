// Bundles the CLI into one CommonJS file: a single module loads faster than a
// module graph, and a CommonJS entry spares node its ESM loader (~6 ms of
// every start); potnet start-up is part of every pot create.
import { build } from 'esbuild';

/**
 * commander requires child_process for executable subcommands, which potnet
 * has none of; loading it (and the net and stream modules behind it) costs
 * ~2.5 ms of every start. The e2e tests run every subcommand through the bundle.
 */
const noChildProcess = {
  name: 'no-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, () => ({ path: 'child_process', namespace: 'no-child-process' }));
    b.onLoad({ filter: /.*/, namespace: 'no-child-process' }, () => ({ contents: 'module.exports = {};' }));
  },
};

await build({
  entryPoints: ['src/cli.ts'],
  outfile: 'dist/potnet.cjs',
  bundle: true,
  minifyWhitespace: true,
  minifySyntax: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  plugins: [noChildProcess],
  logLevel: 'warning',
});
