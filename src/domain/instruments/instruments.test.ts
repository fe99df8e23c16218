import { describe, expect, it } from 'vitest';
import { employerFigures, regionFigures } from '../coverage/indicators.ts';
import { InvalidPackageError, scorePackage, validatePackage } from '../scoring/index.ts';
import { badanUsahaV1, buildScoringPackage, defaultInstrumentFor, defaultInstruments, pemdaV1, pemdaV2, ukmV1, ukmV2 } from './index.ts';
import type { Instrument } from './index.ts';

const indicatorsOf = (instrument: Instrument) => instrument.stages.flatMap((s) => s.aspects.flatMap((a) => a.indicators));
const pool = { edition: '2025', level: 'provinsi', area: '18', category: 'usaha-kecil-mikro' };

describe.each(defaultInstruments.map((i) => [i.id, i] as const))('instrument %s', (_, instrument) => {
  it('has unique ids, positive weights and labels in both languages', () => {
    const indicators = indicatorsOf(instrument);
    const groups = [...instrument.stages.map((s) => s.id), ...instrument.stages.flatMap((s) => s.aspects.map((a) => a.id))];
    expect(new Set(indicators.map((i) => i.id)).size).toBe(indicators.length);
    expect(new Set(groups).size).toBe(groups.length);
    const all = [...instrument.stages, ...instrument.stages.flatMap((s) => s.aspects), ...indicators];
    for (const item of all) {
      expect(item.weight, item.id).toBeGreaterThan(0);
      expect(item.label.id.length, item.id).toBeGreaterThan(0);
      expect(item.label.en.length, item.id).toBeGreaterThan(0);
    }
    expect(instrument.id).toBe(`${instrument.family}.v${instrument.version}`);
  });

  it('describes the five levels of every rubric indicator in Indonesian and English', () => {
    for (const indicator of indicatorsOf(instrument)) {
      if (indicator.source !== 'rubric') continue;
      expect(indicator.scale).toEqual({ type: 'rubric', min: 1, max: 5 });
      expect(indicator.levels).toHaveLength(5);
      for (const level of indicator.levels) expect(level.id.length * level.en.length, indicator.id).toBeGreaterThan(0);
    }
  });

  it('takes coverage values only from figures the coverage snapshot provides', () => {
    const figures = (instrument.family === 'pemda' ? regionFigures : employerFigures).map((f) => f.key as string);
    for (const indicator of indicatorsOf(instrument)) {
      if (indicator.source === 'data' && indicator.origin === 'coverage') expect(figures, indicator.id).toContain(indicator.key);
    }
  });

  it('says its weights are a proposal, not official', () => {
    expect(instrument.basis.id).toContain('bukan bobot resmi');
    expect(instrument.basis.en).toContain('not official');
  });
});

describe('default instruments', () => {
  it('cover the aspects of each family', () => {
    const aspects = (i: Instrument) => i.stages.map((s) => [s.id, s.aspects.map((a) => a.id)]);
    expect(aspects(pemdaV1)).toEqual([['desk', ['regulasi', 'anggaran', 'kinerja', 'inovasi']], ['wawancara', ['paparan']]]);
    expect(aspects(badanUsahaV1)).toEqual([['desk', ['kepatuhan', 'kinerja', 'rantai-pasok', 'inovasi']], ['wawancara', ['paparan']]]);
    expect(aspects(ukmV1)).toEqual([['desk', ['kepatuhan', 'kinerja', 'inovasi']]]);
  });

  it('score the attendance of the head of region as a data indicator', () => {
    expect(indicatorsOf(pemdaV1).find((i) => i.id === 'ww.hadir')).toMatchObject({
      source: 'data',
      key: 'head_attendance',
      scale: { type: 'choice', options: { 'kepala-daerah': 100, wakil: 60, sekda: 30, 'tidak-hadir': 0 } },
    });
  });

  it('finds the latest instrument of a family, or the one in force for an assessment period', () => {
    expect(defaultInstrumentFor('pemda')).toBe(pemdaV2);
    expect(defaultInstrumentFor('ukm')).toBe(ukmV2);
    expect(defaultInstrumentFor('pemda', '2024-01-01')).toBe(pemdaV1);
    expect(defaultInstrumentFor('pemda', '2025-01-01')).toBe(pemdaV2);
    expect(defaultInstrumentFor('badan-usaha', '2023-01-01')).toBe(badanUsahaV1);
  });
});

describe('buildScoringPackage', () => {
  const ukmInput = {
    instrument: ukmV1,
    pool,
    candidates: [{ id: 'A', name: 'UD Maju' }, { id: 'B' }],
    values: {
      A: { program_complete_pct: 90, on_time_pct: 80, months_in_arrears: 0, declared_coverage_pct: 75, growth_pct: 10, workers: 12 },
      B: { program_complete_pct: 50, months_in_arrears: 3, declared_coverage_pct: 100, growth_pct: 5 },
    },
    jurors: [{ id: 'j1', conflicts: ['B'] }, { id: 'j2' }],
    marks: [
      { juror: 'j1', candidate: 'A', indicator: 'ino.perlindungan', value: 4 },
      { juror: 'j2', candidate: 'A', indicator: 'ino.perlindungan', value: 5 },
      { juror: 'j1', candidate: 'B', indicator: 'ino.perlindungan', value: 5 },
      { juror: 'j2', candidate: 'B', indicator: 'ino.perlindungan', value: 2 },
    ],
  };

  it('builds a valid package that scores as worked out by hand', () => {
    const pkg = buildScoringPackage(ukmInput);
    expect(validatePackage(pkg)).toEqual([]);
    expect(pkg.values).toEqual({
      A: { 'kep.program': 90, 'kep.tepat-waktu': 80, 'kep.tunggakan': 0, 'kin.terdaftar': 75, 'kin.tumbuh': 10 },
      B: { 'kep.program': 50, 'kep.tunggakan': 3, 'kin.terdaftar': 100, 'kin.tumbuh': 5 },
    });
    // A: kepatuhan (40 × 90 + 30 × 80 + 30 × 100 [0 months: (0 − 6) / (0 − 6) = 1]) / 100 = 90;
    //    kinerja (70 × 75 + 30 × 100 [growth 10 is the max]) / 100 = 82.5; inovasi mean(4, 5) = 4.5 → 87.5;
    //    final (40 × 90 + 35 × 82.5 + 25 × 87.5) / 100 = 36 + 28.875 + 21.875 = 86.75.
    // B: kepatuhan (40 × 50 + 30 × 0 [missing] + 30 × 50 [(3 − 6) / −6 = 0.5]) / 100 = 35;
    //    kinerja (70 × 100 + 30 × 0 [growth 5 is the min]) / 100 = 70; inovasi: j1 is conflicted, j2's 2 → 25;
    //    final (40 × 35 + 35 × 70 + 25 × 25) / 100 = 14 + 24.5 + 6.25 = 44.75.
    expect(scorePackage(pkg).results).toEqual([
      {
        candidate: 'A', rank: 1, score: 86.75, award: 1, advances: true,
        stages: { desk: 86.75 },
        aspects: { kepatuhan: 90, kinerja: 82.5, inovasi: 87.5 },
        indicators: { 'kep.program': 90, 'kep.tepat-waktu': 80, 'kep.tunggakan': 100, 'kin.terdaftar': 75, 'kin.tumbuh': 100, 'ino.perlindungan': 87.5 },
        flags: [],
      },
      {
        candidate: 'B', rank: 2, score: 44.75, award: 2, advances: false,
        stages: { desk: 44.75 },
        aspects: { kepatuhan: 35, kinerja: 70, inovasi: 25 },
        indicators: { 'kep.program': 50, 'kep.tepat-waktu': 0, 'kep.tunggakan': 50, 'kin.terdaftar': 100, 'kin.tumbuh': 0, 'ino.perlindungan': 25 },
        flags: ['missing:kep.tepat-waktu'],
      },
    ]);
  });

  it('builds valid packages from the pemda and employer instruments', () => {
    const rubricIds = (i: Instrument) => indicatorsOf(i).filter((x) => x.source === 'rubric').map((x) => x.id);
    const pemda = buildScoringPackage({
      instrument: pemdaV1,
      pool: { ...pool, category: 'pemkab-kota' },
      method: { tieBreak: ['wawancara', 'kinerja'] },
      candidates: [{ id: '18.02', name: 'Kabupaten Lampung Tengah' }, { id: '18.06', name: 'Kabupaten Tanggamus' }],
      values: {
        '18.02': { regulation_type: 'perkada', gov_funded: 4871, coverage_pct: 31.5, growth_pct: 4.2, bpu_coverage_pct: 12, head_attendance: 'kepala-daerah' },
        '18.06': { regulation_type: 'instruksi', gov_funded: 376, coverage_pct: 28.1, growth_pct: 6.3, bpu_coverage_pct: 9.5, head_attendance: 'wakil' },
      },
      jurors: [{ id: 'j1' }, { id: 'j2', conflicts: ['18.06'] }],
      marks: ['18.02', '18.06'].flatMap((candidate) => rubricIds(pemdaV1).map((indicator) => ({ juror: 'j1', candidate, indicator, value: 3 }))),
    });
    expect(scorePackage(pemda).results.map((r) => [r.candidate, r.flags])).toEqual([['18.02', []], ['18.06', []]]);
    const employer = buildScoringPackage({
      instrument: badanUsahaV1,
      pool: { ...pool, category: 'usaha-besar' },
      candidates: [{ id: 'npp-1' }],
      values: {},
      jurors: [],
      marks: [],
    });
    expect(scorePackage(employer).results[0]).toMatchObject({ score: 0, flags: expect.arrayContaining(['missing:kep.program', 'unmarked:rp.syarat']) as unknown });
  });

  it('refuses data that would make the package invalid', () => {
    const bad = { ...ukmInput, marks: [{ juror: 'j2', candidate: 'A', indicator: 'ino.perlindungan', value: 6 }] };
    expect(() => buildScoringPackage(bad)).toThrow(InvalidPackageError);
    expect(() => buildScoringPackage(bad)).toThrow('marks[0].value: 6 is outside 1..5 for ino.perlindungan');
  });
});
