// Bundles the stand-ins' process entry (src/stand-in.ts: the emulator of src/emulator) into
// one file, which every launcher in bin/ runs: one module loads much faster than a module graph.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/stand-in.ts'],
  outfile: 'dist/stand-in.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  logLevel: 'warning',
});
