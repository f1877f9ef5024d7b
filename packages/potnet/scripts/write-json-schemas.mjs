// Writes schemas/NAME.schema.json from the zod schemas of potnet's --json
// outputs (src/json-schemas.ts, compiled to dist by `pnpm build`).
// A test fails when a shipped file differs from what this writes.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { JSON_OUTPUTS, jsonSchemaOf } from '../dist/json-schemas.js';

for (const name of Object.keys(JSON_OUTPUTS)) {
  const file = fileURLToPath(new URL(`../schemas/${name}.schema.json`, import.meta.url));
  writeFileSync(file, `${JSON.stringify(jsonSchemaOf(name), null, 2)}\n`);
}
