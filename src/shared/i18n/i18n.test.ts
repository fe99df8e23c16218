import { describe, expect, it } from 'vitest';
import { id } from './id.ts';
import { en } from './en.ts';

function leaves(value: unknown, prefix = ''): [string, unknown][] {
  if (typeof value !== 'object' || value === null) return [[prefix, value]];
  return Object.entries(value).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

describe('translations', () => {
  it('have the same keys in Indonesian and English, none empty', () => {
    const idLeaves = leaves(id);
    expect(idLeaves.map(([k]) => k)).toEqual(leaves(en).map(([k]) => k));
    for (const [key, value] of [...idLeaves, ...leaves(en)]) expect(typeof value === 'string' && value.trim() !== '', key).toBe(true);
  });
  it('translate every error code the API answers with', async () => {
    const { errorCodes } = await import('../../domain/errors.ts');
    expect(Object.keys(id.errors).filter((k) => k !== 'NETWORK').sort()).toEqual([...errorCodes].sort());
  });
  it('say every reason the server gives for a refused sheet or row', async () => {
    const { rowReasons } = await import('../../domain/sheets/row-reasons.ts');
    expect(Object.keys(id.importer.reasons).filter((k) => k !== 'unknown').sort()).toEqual([...rowReasons].sort());
  });
});
