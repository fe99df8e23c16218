/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-return --
   these tests break a valid package on purpose, so they edit it as untyped JSON. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatError, parsePackage, validatePackage } from './validate.ts';

const specExample = (): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL('../../../test/fixtures/scoring/spec-example.json', import.meta.url), 'utf8')) as Record<string, unknown>;

/** The spec example changed by `edit`, validated, as the command prints the problems. */
function problems(edit: (pkg: any) => void): string[] {
  const pkg = specExample();
  edit(pkg);
  return validatePackage(pkg).map(formatError);
}

describe('validatePackage', () => {
  it('accepts the spec example, including a conflict with a candidate not in the pool', () => {
    expect(validatePackage(specExample())).toEqual([]);
    expect(parsePackage(specExample()).ok).toBe(true);
  });

  it('rejects anything but an object', () => {
    expect(validatePackage([]).map(formatError)).toEqual(['$: must be an object, not an array']);
    expect(validatePackage(null).map(formatError)).toEqual(['$: must be an object, not null']);
  });

  it('rejects an unknown format, and checks nothing else', () => {
    expect(problems((p) => (p.format = 'paritrana.scoring/v2'))).toEqual(['format: unknown format "paritrana.scoring/v2" (expected "paritrana.scoring/v1")']);
    expect(problems((p) => delete p.format)).toEqual(['format: unknown format nothing (expected "paritrana.scoring/v1")']);
  });

  it('rejects a rubric mark outside the range or not an integer', () => {
    expect(
      problems((p) => {
        p.jurors.push({ id: 'j2' }, { id: 'j3' });
        p.marks.push({ juror: 'j2', candidate: '18.02', indicator: 'ww.komitmen', value: 2.5 });
        p.marks.push({ juror: 'j3', candidate: '18.02', indicator: 'ww.komitmen', value: 0 });
        p.marks.push({ juror: 'j3', candidate: '18.02', indicator: 'ww.komitmen', value: 7 });
      }),
    ).toEqual([
      'marks[1].value: 2.5 is not an integer (1..5 for ww.komitmen)',
      'marks[2].value: 0 is outside 1..5 for ww.komitmen',
      'marks[3].value: 7 is outside 1..5 for ww.komitmen',
      'marks[3]: a second mark by j3 for 18.02 on ww.komitmen (first at marks[2])',
    ]);
  });

  it('rejects marks for an unknown candidate, juror or indicator, and marks for a data indicator', () => {
    expect(
      problems((p) => {
        p.marks.push({ juror: 'j9', candidate: '18.02', indicator: 'ww.komitmen', value: 3 });
        p.marks.push({ juror: 'j1', candidate: '18.99', indicator: 'ww.komitmen', value: 3 });
        p.marks.push({ juror: 'j1', candidate: '18.02', indicator: 'ww.nope', value: 3 });
        p.marks.push({ juror: 'j1', candidate: '18.02', indicator: 'kin.coverage', value: 3 });
      }),
    ).toEqual([
      'marks[1].juror: unknown juror j9',
      'marks[2].candidate: unknown candidate 18.99',
      'marks[3].indicator: unknown indicator ww.nope',
      'marks[4].indicator: kin.coverage is a data indicator (linear); it takes a value, not marks',
    ]);
  });

  it('rejects duplicate ids: candidates, jurors, indicators in the whole package, stages and aspects together', () => {
    expect(
      problems((p) => {
        p.candidates.push({ id: '18.02' });
        p.jurors.push({ id: 'j1' });
        p.stages[1].aspects[0].indicators[0].id = 'kin.coverage';
        p.stages[1].aspects[0].id = 'desk';
      }),
    ).toEqual([
      'stages[1].aspects[0].id: duplicate id "desk" (first at stages[0].id)',
      'stages[1].aspects[0].indicators[0].id: duplicate id "kin.coverage" (first at stages[0].aspects[1].indicators[0].id)',
      'candidates[1].id: duplicate id "18.02" (first at candidates[0].id)',
      'jurors[1].id: duplicate id "j1" (first at jurors[0].id)',
      // ww.komitmen was renamed, so its mark now names an unknown indicator
      'marks[0].indicator: unknown indicator ww.komitmen',
    ]);
  });

  it('rejects a choice key not among the options, and values of the wrong type', () => {
    expect(
      problems((p) => {
        p.values['18.02']['reg.jenis'] = 'perbup';
        p.values['18.02']['kin.coverage'] = '31.5';
        p.values['18.02']['ww.hadir'] = 'ya';
        p.values['18.02']['ww.komitmen'] = 4;
      }),
    ).toEqual([
      'values["18.02"]["reg.jenis"]: "perbup" is not among the options of reg.jenis (perda, perkada, instruksi, surat-edaran, none)',
      'values["18.02"]["kin.coverage"]: must be a number for kin.coverage (linear), not string "31.5"',
      'values["18.02"]["ww.hadir"]: must be true or false for ww.hadir (check), not string "ya"',
      'values["18.02"]["ww.komitmen"]: ww.komitmen is a rubric indicator; it is marked by jurors, not given a value',
    ]);
  });

  it('rejects values for an unknown candidate or indicator', () => {
    expect(problems((p) => (p.values['18.99'] = { 'kin.nope': 1 }))).toEqual([
      'values["18.99"]: unknown candidate 18.99',
      'values["18.99"]["kin.nope"]: unknown indicator kin.nope',
    ]);
  });

  it('rejects weights that sum to 0, negative weights and empty lists', () => {
    expect(
      problems((p) => {
        p.stages[0].aspects[1].indicators[0].weight = 0;
        p.stages[0].aspects[1].indicators[1].weight = 0;
        p.stages[0].aspects[0].weight = -30;
        p.stages[1].aspects = [];
      }),
    ).toEqual([
      'stages[0].aspects[0].weight: -30 is outside at least 0',
      'stages[0].aspects[1].indicators: weights sum to 0',
      'stages[1].aspects: has no aspects',
      // the wawancara indicators went with the aspects
      'values["18.02"]["ww.hadir"]: unknown indicator ww.hadir',
      'marks[0].indicator: unknown indicator ww.komitmen',
    ]);
    expect(problems((p) => p.stages.forEach((s: { weight: number }) => (s.weight = 0)))).toEqual(['stages: weights sum to 0']);
  });

  it('rejects broken scales', () => {
    expect(
      problems((p) => {
        const [kinerja, paparan] = [p.stages[0].aspects[1].indicators, p.stages[1].aspects[0].indicators];
        kinerja[0].scale = { type: 'linear', floor: 60, target: 60 };
        kinerja[1].scale = { type: 'bands', bands: [{ min: 0, score: 120 }] };
        paparan[0].scale = { type: 'rubric', min: 5, max: 1 };
        paparan[1].scale = { type: 'stars' };
      }),
    ).toEqual([
      'stages[0].aspects[1].indicators[0].scale.target: 60 equals the floor; the scale needs two different points',
      'stages[0].aspects[1].indicators[1].scale.bands[0].score: 120 is outside 0..100',
      'stages[0].aspects[1].indicators[1].scale.else: missing (a number)',
      'stages[1].aspects[0].indicators[0].scale.max: 1 must be greater than min 5',
      'stages[1].aspects[0].indicators[1].scale.type: unknown scale type "stars" (expected one of rubric, linear, bands, choice, check, relative)',
    ]);
  });

  it('rejects a wrong method and wrong types', () => {
    expect(
      problems((p) => {
        p.method = { jurorAggregate: 'max', decimals: 2.5, awards: -1, tieBreak: ['kinerja', 'nope'], weights: 1 };
        p.pool.edition = 2025;
        p.candidates[0].id = 1802;
        p.jurors[0].conflicts = '18.06';
        p.marks[0].value = '4';
      }),
    ).toEqual([
      'pool.edition: must be a non-empty string, not number 2025',
      'method.weights: unknown field (expected one of jurorAggregate, decimals, awards, advance, minScore, tieBreak)',
      'method.jurorAggregate: unknown aggregate "max" (expected one of mean, median, trimmed-mean)',
      'method.decimals: 2.5 is not an integer',
      'method.awards: -1 is outside at least 0',
      'method.tieBreak[1]: "nope" is neither a stage nor an aspect',
      'candidates[0].id: must be a non-empty string, not number 1802',
      'jurors[0].conflicts: must be an array, not string "18.06"',
      'values["18.02"]: unknown candidate 18.02',
      'marks[0].candidate: unknown candidate 18.02',
      'marks[0].value: must be a number, not string "4"',
    ]);
  });

  it('accepts a package without method', () => {
    const pkg = specExample();
    delete pkg.method;
    expect(validatePackage(pkg)).toEqual([]);
  });

  it('rejects a package whose marks, jurors or values were dropped, since it would rank differently', () => {
    const pkg = specExample();
    for (const key of ['jurors', 'marks', 'values']) delete pkg[key];
    expect(validatePackage(pkg).map(formatError)).toEqual([
      'values: missing (an object of data values by candidate); the instrument has data indicators',
      'marks: missing (an array of marks); the instrument has rubric indicators marked by jurors',
      'jurors: missing (an array of jurors); the instrument has rubric indicators marked by jurors',
    ]);
  });

  it('needs no marks or jurors when every indicator is a data indicator, and no values when every one is marked', () => {
    const dataOnly: Record<string, unknown> = { ...specExample(), stages: [{ id: 'desk', weight: 1, aspects: [{ id: 'a', weight: 1, indicators: [{ id: 'x', weight: 1, scale: { type: 'check' } }] }] }], values: {} };
    delete dataOnly.marks;
    delete dataOnly.jurors;
    delete dataOnly.method;
    expect(validatePackage(dataOnly)).toEqual([]);
    const markedOnly: Record<string, unknown> = { ...specExample(), stages: [{ id: 'ww', weight: 1, aspects: [{ id: 'p', weight: 1, indicators: [{ id: 'ww.komitmen', weight: 1, scale: { type: 'rubric', min: 1, max: 5 } }] }] }] };
    delete markedOnly.values;
    delete markedOnly.method;
    expect(validatePackage(markedOnly)).toEqual([]);
  });
});
