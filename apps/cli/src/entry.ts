/**
 * The installed pot's first module (dist/pot.mjs): turns Node's compile cache on when the
 * launcher names a directory for it (POT_COMPILE_CACHE, set by the install step), then loads the
 * CLI bundle, which the cache can only cover when it is loaded after this.
 * POT_COMPILE_CACHE_DEBUG=1 says on stderr why a cache directory was not used.
 */
import module from 'node:module';
import { trustedCacheDir } from './compile-cache.js';

const dir = process.env.POT_COMPILE_CACHE;
// the commands pot runs (hooks, jails' processes) have no use for it
delete process.env.POT_COMPILE_CACHE;
if (dir !== undefined && dir !== '' && typeof process.geteuid === 'function') {
  const verdict = trustedCacheDir(dir, process.geteuid());
  if (verdict.use) module.enableCompileCache(dir);
  else if (process.env.POT_COMPILE_CACHE_DEBUG === '1') process.stderr.write(`pot: compile cache ${dir} not used: ${verdict.why}\n`);
}
// a computed specifier: the bundle stays a file of its own, loaded after the cache is on
await import(new URL('./pot-cli.mjs', import.meta.url).href);
