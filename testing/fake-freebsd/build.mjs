// Bundles the stand-ins' process entry (src/stand-in.ts: the emulator of src/emulator), the
// resident stand-in (src/server.ts) and the host from a shell (src/host-cli.ts) into one file
// each, which the launchers in bin/ and scripts/demo.sh reach: one
// module loads much faster than a module graph.
import { build } from 'esbuild';

for (const name of ['stand-in', 'server', 'host-cli']) {
  await build({
    entryPoints: [`src/${name}.ts`],
    outfile: `dist/${name}.mjs`,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'warning',
  });
}
