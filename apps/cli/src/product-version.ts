/**
 * The one product version (`pot version`): @pot/cli's package version, set by
 * changesets. The bundle gets it at build time (build.mjs defines
 * POT_PRODUCT_VERSION); unbundled code (tests) reads package.json.
 */
import { createRequire } from 'node:module';

declare const POT_PRODUCT_VERSION: string | undefined;

function fromPackageJson(): string {
  // src/ and dist/ are both one level below the package root
  return (createRequire(import.meta.url)('../package.json') as { version: string }).version;
}

export const PRODUCT_VERSION: string = typeof POT_PRODUCT_VERSION === 'string' ? POT_PRODUCT_VERSION : fromPackageJson();
