// Bundles the CLI into one CommonJS file: a single module loads faster than a
// module graph, and a CommonJS entry spares node its ESM loader (~6 ms of
// every start); potnet start-up is part of every pot create.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli.ts'],
  outfile: 'dist/potnet.cjs',
  bundle: true,
  minifyWhitespace: true,
  minifySyntax: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  logLevel: 'warning',
});
