import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../support/openapi.ts';

describe('the committed OpenAPI document', () => {
  it('matches what the app generates (run `npm run openapi` after changing the API)', async () => {
    const committed = JSON.parse(readFileSync(new URL('../../docs/openapi.json', import.meta.url), 'utf8')) as unknown;
    expect(await openApiDocument()).toEqual(committed);
  });
});

describe('the error answers in the OpenAPI document', () => {
  it('are declared on every operation with the one error body and its stable codes', async () => {
    const doc = (await openApiDocument()) as {
      components: { schemas: Record<string, { required?: string[] }> };
      paths: Record<string, Record<string, { responses: Record<string, { description: string; content: Record<string, { schema: unknown }> }> }>>;
    };
    expect(doc.components.schemas.Error!.required).toEqual(['error']);
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ at: `${method} ${path}`, op })));
    expect(operations.length).toBeGreaterThan(100);
    const undeclared = operations.filter(({ op }) => !op.responses['4XX'] || !op.responses['5XX']).map(({ at }) => at);
    expect(undeclared).toEqual([]);
    const login = doc.paths['/api/auth/login']!.post!.responses['4XX']!;
    expect(login.content['application/json']!.schema).toEqual({ $ref: '#/components/schemas/Error' });
    expect(login.description).toContain('`VALIDATION_FAILED` (400)');
    expect(login.description).toContain('`ACCOUNT_LOCKED` (423)');
    expect(doc.paths['/api/auth/login']!.post!.responses['5XX']!.description).toContain('`DATABASE_UNAVAILABLE` (503)');
  });
});
