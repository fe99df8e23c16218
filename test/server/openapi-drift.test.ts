import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../support/openapi.ts';

describe('the committed OpenAPI document', () => {
  it('matches what the app generates (run `npm run openapi` after changing the API)', async () => {
    const committed = JSON.parse(readFileSync(new URL('../../docs/openapi.json', import.meta.url), 'utf8')) as unknown;
    expect(await openApiDocument()).toEqual(committed);
  });
});
