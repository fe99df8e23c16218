/**
 * Every option the self-assessment form offers must be scorable: for every
 * category of the catalogue, every option of every choice field of its form
 * (read from the zod contract, so an option added later is covered at once),
 * confirmed by verification, must give a valid scoring package with the
 * category's default instrument, for every attendance option of its interview.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { kindOfFamily } from '../../../src/domain/candidates/rules.ts';
import type { AnswersShape } from '../../../src/domain/candidates/self-assessment.ts';
import { confirmedValues } from '../../../src/domain/candidates/verification.ts';
import { categoryCatalogue } from '../../../src/domain/editions/catalogue.ts';
import { buildScoringPackage, type DataIndicator, type Instrument } from '../../../src/domain/instruments/index.ts';
import { attendanceIndicator, scoringSetup } from '../../../src/domain/panels/scoring-setup.ts';
import { answers } from '../../../src/shared/contracts/self-assessment.ts';

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  entries?: Record<string, string>;
  innerType?: z.ZodType;
  values?: unknown[];
  options?: z.ZodType[];
};
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Paths of the choice fields of a schema (`programs[].segment`) with their options. */
function choiceFields(schema: z.ZodType, path = ''): { path: string; options: string[] }[] {
  const def = defOf(schema);
  switch (def.type) {
    case 'enum':
      return [{ path, options: Object.values(def.entries!) }];
    case 'object':
      return Object.entries(def.shape!).flatMap(([key, s]) => choiceFields(s, path ? `${path}.${key}` : key));
    case 'array':
      return choiceFields(def.element!, `${path}[]`);
    case 'nullable':
    case 'optional':
    case 'default':
      return choiceFields(def.innerType!, path);
    default:
      return [];
  }
}

/**
 * A filled, valid value of a schema: one entry in every list, a value in every
 * nullable field, the first option of every choice unless `pick` names one.
 */
function sample(schema: z.ZodType, pick: Record<string, string>, path = ''): unknown {
  const def = defOf(schema);
  switch (def.type) {
    case 'enum':
      return pick[path] ?? Object.values(def.entries!)[0];
    case 'literal':
      return def.values![0];
    case 'object':
      return Object.fromEntries(Object.entries(def.shape!).map(([key, s]) => [key, sample(s, pick, path ? `${path}.${key}` : key)]));
    case 'array':
      return [sample(def.element!, pick, `${path}[]`)];
    case 'nullable':
    case 'optional':
    case 'default':
      return sample(def.innerType!, pick, path);
    case 'number':
      return 12;
    case 'boolean':
      return true;
    case 'string': {
      const value = ['2025-03-01', randomUUID(), 'https://jdih.example.go.id/perda-12-2024', `Isian contoh untuk ${path}`].find((v) => schema.safeParse(v).success);
      if (value === undefined) throw new Error(`no sample string for ${path}`);
      return value;
    }
    default:
      throw new Error(`no sample for ${def.type} at ${path}`);
  }
}

const dataIndicators = (instrument: Instrument) =>
  instrument.stages.flatMap((s) => s.aspects.flatMap((a) => a.indicators)).filter((i): i is DataIndicator => i.source === 'data');

/** The kinds of form (`pemda`, `badan-usaha`) with their schema. */
const forms = defOf(answers).options!.map((schema) => ({ kind: String(defOf(defOf(schema).shape!.kind!).values![0]), schema }));

describe('every option of every self-assessment field', () => {
  it('finds the form of every kind of candidate and its choice fields', () => {
    expect(forms.map((f) => f.kind).sort()).toEqual(['badan-usaha', 'pemda']);
    const pemda = choiceFields(forms.find((f) => f.kind === 'pemda')!.schema).map((f) => f.path);
    expect(pemda).toEqual(expect.arrayContaining(['regulations[].type', 'agreements[].type', 'programs[].segment', 'programs[].fundingSource']));
    expect(choiceFields(forms.find((f) => f.kind === 'badan-usaha')!.schema).map((f) => f.path)).toContain('programs[]');
  });

  const cases = categoryCatalogue.flatMap((category) => {
    const form = forms.find((f) => f.kind === kindOfFamily(category.family))!;
    return choiceFields(form.schema).flatMap((field) => field.options.map((option) => [category.code, field.path, option, category, form.schema] as const));
  });

  it.each(cases)('%s: %s = %s gives a valid scoring package', (_, path, option, category, schema) => {
    const filled = sample(schema, { [path]: option });
    expect(schema.safeParse(filled).success).toBe(true);
    const { instrument, method } = scoringSetup({ ...category, scoring: null });
    const confirmed = confirmedValues(filled as AnswersShape, () => 'valid');
    const coverage = Object.fromEntries(dataIndicators(instrument).filter((i) => i.origin === 'coverage').map((i) => [i.key, 10]));
    for (const verified of dataIndicators(instrument).filter((i) => i.origin === 'verified')) {
      // A verified indicator must find its value among what verification confirms.
      expect(confirmed, verified.key).toHaveProperty(verified.key);
    }
    const attendance = attendanceIndicator(instrument);
    const attendances = attendance?.scale.type === 'choice' ? Object.keys(attendance.scale.options) : [undefined];
    for (const present of attendances) {
      const values = { A: { ...coverage, ...confirmed, ...(attendance && present ? { [attendance.key]: present } : {}) } };
      expect(() =>
        buildScoringPackage({ instrument, method, pool: { edition: '2025', level: 'provinsi', area: '18', category: category.code }, candidates: [{ id: 'A' }], values, jurors: [], marks: [] }),
      ).not.toThrow();
    }
  });
});
