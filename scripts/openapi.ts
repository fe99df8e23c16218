// Writes the OpenAPI document of the API to docs/openapi.json, so changes to
// the API show in review; test/server/openapi-drift.test.ts fails when the
// committed file is out of date.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openApiDocument } from '../test/support/openapi.ts';

const target = fileURLToPath(new URL('../docs/openapi.json', import.meta.url));
writeFileSync(target, `${JSON.stringify(await openApiDocument(), null, 2)}\n`);
process.stdout.write('docs/openapi.json written\n');
