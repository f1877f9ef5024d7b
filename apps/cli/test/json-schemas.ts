/**
 * The shipped JSON Schemas (apps/cli/schemas) as the tests use them: every `pot … --json` the
 * fake host runs (fake-host.ts) is validated against the schema of its command, or against the
 * error schema when it answered an error; json-contract.e2e.test.ts looks at each output closer.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { JsonOutputName } from '../src/json-output/schemas.js';

export const SCHEMAS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'schemas');

export const shippedSchema = (name: string): Record<string, unknown> => JSON.parse(readFileSync(path.join(SCHEMAS_DIR, `${name}.schema.json`), 'utf8'));

const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
const validators = new Map<string, ReturnType<Ajv2020['compile']>>();

/** The problems of `value` against the shipped schema `name` ('' when it is valid). */
export function schemaProblems(name: JsonOutputName, value: unknown): string {
  let check = validators.get(name);
  if (check === undefined) {
    check = ajv.compile(shippedSchema(name));
    validators.set(name, check);
  }
  return check(value) ? '' : ajv.errorsText(check.errors);
}

/** The schema of each command's --json output, aliases included. */
const BY_COMMAND: Readonly<Record<string, JsonOutputName>> = {
  list: 'list',
  ls: 'list',
  info: 'info',
  show: 'show',
  ps: 'ps',
  config: 'config',
  doctor: 'doctor',
  'get-attribute': 'get-attribute',
  'get-attr': 'get-attribute',
  'get-rss': 'get-rss',
  'last-run-stats': 'last-run-stats',
};

/**
 * Throws when `pot ARGV` with --json printed something its shipped schema does not describe
 * (an error object: the error schema). Runs without --json, and help (-h), are not JSON.
 */
export function assertJsonContract(argv: readonly string[], stdout: string): void {
  if (!argv.includes('--json') || argv.includes('-h') || argv.includes('--help')) return;
  const command = argv.find((a) => !a.startsWith('-')) ?? '';
  let value: unknown;
  try {
    value = JSON.parse(stdout);
  } catch {
    throw new Error(`pot ${argv.join(' ')}: --json printed no JSON object:\n${stdout}`);
  }
  const isError = typeof value === 'object' && value !== null && 'error' in value;
  const name = isError ? 'error' : BY_COMMAND[command];
  if (name === undefined)
    throw new Error(`pot ${argv.join(' ')}: no shipped schema for the --json output of ${command} (add it to json-output/schemas.ts and to BY_COMMAND)`);
  const problems = schemaProblems(name, value);
  if (problems !== '') throw new Error(`pot ${argv.join(' ')}: the output does not match schemas/${name}.schema.json: ${problems}\n${stdout}`);
}
