// Bundles the CLI into one file behind a small entry: a single module loads
// faster than a module graph, and pot start-up is paid by every command
// nomad-pot-driver runs.
// Beside it go what an installation needs (install/install.sh stages them):
// potnet's bundle, the default configuration and the man pages.
import { copyFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import path from 'node:path';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const [minMajor, minMinor] = pkg.engines.node
  .replace(/^>=\s*/, '')
  .split('.')
  .map(Number);

/**
 * Runs before any bundled module: on an older Node the bundle would die with a
 * stack trace (Set.prototype.union, Node 22). Plain ES5 so an old Node parses it.
 */
const nodeCheck = `{var v=process.versions.node.split('.').map(Number);if(v[0]<${minMajor}||(v[0]===${minMajor}&&v[1]<${minMinor})){process.stderr.write('pot: Node.js ${minMajor}.${minMinor} or newer is needed, '+process.execPath+' is '+process.version+' (FreeBSD: pkg install node24)\\n');process.exit(1);}}`;

const common = { bundle: true, platform: 'node', format: 'esm', target: 'node22', logLevel: 'warning' };
// dist/pot.mjs is only the entry (src/entry.ts): the Node check, then Node's compile cache, then
// the bundle of everything else (dist/pot-cli.mjs), which the cache covers because it loads after.
await build({ ...common, entryPoints: ['src/entry.ts'], outfile: 'dist/pot.mjs', banner: { js: nodeCheck } });
await build({
  ...common,
  entryPoints: ['src/cli.ts'],
  outfile: 'dist/pot-cli.mjs',
  define: { POT_PRODUCT_VERSION: JSON.stringify(pkg.version) },
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
asciiOnly('dist/pot-cli.mjs');

/**
 * esbuild escapes non-ASCII characters in code (charset ascii), not in the comments it keeps
 * (a dependency's em dash). A source that is all ASCII loads as a one-byte string: ~4 % faster
 * and 1 MB less memory per pot command (bench/README.md). An escape in a comment changes nothing.
 */
function asciiOnly(file) {
  const text = readFileSync(file, 'utf8');
  const ascii = text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (ascii !== text) writeFileSync(file, ascii);
}

copyFileSync('../../packages/potnet/dist/potnet.cjs', 'dist/potnet.cjs');
// also the bundle's fallback when PREFIX/etc/pot/pot.default.conf is missing in a checkout
copyFileSync('../../packages/pot-core/share/pot.default.conf', 'dist/pot.default.conf');
cpSync('install/man', 'dist/share/man', { recursive: true });
for (const doc of ['../../README.md', '../../LICENSE', 'CHANGELOG.md']) {
  cpSync(doc, `dist/doc/${doc.split('/').pop()}`);
}

// The man page and the shell completions, generated from the command definitions (tsc output),
// where the install step takes PREFIX/share from.
const { shareFiles } = await import('./dist/completion/share-files.js');
for (const [file, text] of Object.entries(shareFiles())) {
  const target = path.join('dist', 'share', file);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, text);
}
