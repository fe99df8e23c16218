import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { explainCandidate } from './explain.ts';
import { formatExplanation } from './explain-text.ts';
import { makePackage } from './package-factory.ts';
import type { ScoringPackage } from './types.ts';

const specExample = JSON.parse(readFileSync(new URL('../../../test/fixtures/scoring/spec-example.json', import.meta.url), 'utf8')) as ScoringPackage;

describe('explainCandidate', () => {
  it('gives every step of the spec example', () => {
    const e = explainCandidate(specExample, '18.02');
    expect(e).toMatchObject({ candidate: '18.02', name: 'Kabupaten Lampung Tengah', score: 79.43, rank: 1, award: 1, advances: true, flags: [], candidates: 1 });
    const [desk, wawancara] = e.stages;
    // desk: share 60/100, score 74.05, contribution 0.6 × 74.05 = 44.43
    expect(desk).toMatchObject({ id: 'desk', weight: 60, share: 0.6, score: 74.05, contribution: 44.43 });
    // kin.coverage: share 60/100 of kinerja, 52.5 → 31.5 to the aspect; to the final 0.6 × 0.7 × 0.6 × 52.5 = 13.23
    expect(desk!.aspects[1]!.indicators[0]).toEqual({
      id: 'kin.coverage',
      scale: { type: 'linear', floor: 0, target: 60 },
      weight: 60,
      share: 0.6,
      source: 'data',
      value: 31.5,
      score: 52.5,
      contribution: 31.5,
      toFinal: 13.23,
      flag: null,
    });
    // ww.komitmen: j1's 4 → mean 4 → 75; 0.5 × 75 = 37.5 to paparan; 0.4 × 1 × 0.5 × 75 = 15 to the final
    expect(wawancara!.aspects[0]!.indicators[0]).toEqual({
      id: 'ww.komitmen',
      scale: { type: 'rubric', min: 1, max: 5 },
      weight: 50,
      share: 0.5,
      source: 'rubric',
      marks: [{ juror: 'j1', value: 4 }],
      ignored: [],
      aggregate: 4,
      score: 75,
      contribution: 37.5,
      toFinal: 15,
      flag: null,
    });
    // the contributions to the final add up to the final score: 14.4 + 13.23 + 16.8 + 15 + 20 = 79.43
    const toFinal = e.stages.flatMap((s) => s.aspects.flatMap((a) => a.indicators.map((i) => i.toFinal)));
    expect(toFinal).toEqual([14.4, 13.23, 16.8, 15, 20]);
  });

  it('throws for an unknown candidate', () => {
    expect(() => explainCandidate(specExample, '18.99')).toThrow('unknown candidate 18.99');
  });
});

describe('formatExplanation', () => {
  it('writes the derivation in Bahasa Indonesia by default', () => {
    expect(formatExplanation(explainCandidate(specExample, '18.02'))).toBe(`Penjelasan nilai: 18.02 — Kabupaten Lampung Tengah
Pool: edisi 2025, tingkat provinsi, wilayah 18, kategori pemkab-kota
Metode: agregat nilai juri rata-rata; setiap nilai dihitung dengan presisi penuh dan diumumkan dengan pembulatan 2 desimal (setengah menjauhi nol)

Tahap desk — bobot 60 (60% dari nilai akhir)
  Aspek regulasi — bobot 30 (30% dari tahap desk)
    Indikator reg.jenis [pilihan: perda → 100, perkada → 80, instruksi → 60, surat-edaran → 40, none → 0] — bobot 100 (100% dari aspek regulasi)
      nilai data: opsi "perkada" → skor 80
      kontribusi ke aspek: 100% × 80 = 80; ke nilai akhir: 14,4
  Nilai aspek regulasi = 100% × 80 = 80
  Aspek kinerja — bobot 70 (70% dari tahap desk)
    Indikator kin.coverage [linear, dasar 0, target 60] — bobot 60 (60% dari aspek kinerja)
      nilai data: 31,5 → (31,5 − 0) / (60 − 0), dibatasi 0..1, × 100 = skor 52,5
      kontribusi ke aspek: 60% × 52,5 = 31,5; ke nilai akhir: 13,23
    Indikator kin.tumbuh [relatif terhadap kandidat lain dalam pool] — bobot 40 (40% dari aspek kinerja)
      nilai data: 4,2 → semua kandidat yang memiliki nilai sama (4,2) → skor 100
      kontribusi ke aspek: 40% × 100 = 40; ke nilai akhir: 16,8
  Nilai aspek kinerja = 60% × 52,5 + 40% × 100 = 71,5
Nilai tahap desk = 30% × 80 + 70% × 71,5 = 74,05

Tahap wawancara — bobot 40 (40% dari nilai akhir)
  Aspek paparan — bobot 100 (100% dari tahap wawancara)
    Indikator ww.komitmen [rubrik 1..5, dinilai juri] — bobot 50 (50% dari aspek paparan)
      nilai juri: j1 = 4
      agregat (rata-rata): 4 → (4 − 1) / (5 − 1) × 100 = skor 75
      kontribusi ke aspek: 50% × 75 = 37,5; ke nilai akhir: 15
    Indikator ww.hadir [ya/tidak: ya → 100, tidak → 0] — bobot 50 (50% dari aspek paparan)
      nilai data: ya → skor 100
      kontribusi ke aspek: 50% × 100 = 50; ke nilai akhir: 20
  Nilai aspek paparan = 50% × 75 + 50% × 100 = 87,5
Nilai tahap wawancara = 100% × 87,5 = 87,5

Nilai akhir = 60% × 74,05 + 40% × 87,5 = 79,43
Peringkat 1 dari 1; Juara 1; lanjut ke tingkat berikutnya
Catatan: tidak ada
`);
  });

  it('writes English with lang en, and shows ignored marks, missing values and flags', () => {
    // r: j1 (4) and j2 (2) count → mean 3 → (3 − 1) / 4 = 50; j3 is conflicted, its 5 is ignored.
    // v has no value → 0. Aspect: (50 + 0) / 2 = 25.
    const pkg = makePackage({
      stages: [{ id: 's', weight: 1, aspects: [{ id: 'a', weight: 1, indicators: [
        { id: 'r', weight: 1, scale: { type: 'rubric', min: 1, max: 5 } },
        { id: 'v', weight: 1, scale: { type: 'linear', floor: 10, target: 2 } },
      ] }] }],
      candidates: [{ id: 'c1' }, { id: 'c2' }],
      jurors: [{ id: 'j1' }, { id: 'j2' }, { id: 'j3', conflicts: ['c1'] }],
      values: { c2: { v: 2 } },
      marks: [
        { juror: 'j2', candidate: 'c1', indicator: 'r', value: 2 },
        { juror: 'j3', candidate: 'c1', indicator: 'r', value: 5 },
        { juror: 'j1', candidate: 'c1', indicator: 'r', value: 4 },
      ],
    });
    const lines = formatExplanation(explainCandidate(pkg, 'c1'), 'en').split('\n');
    expect(lines).toEqual([
      'Score explanation: c1',
      'Pool: edition 2025, level provinsi, area 18, category pemkab-kota',
      'Method: juror aggregate mean; every score is computed in full precision and published rounded to 2 decimals (half away from zero)',
      '',
      'Stage s — weight 1 (100% of the final score)',
      '  Aspect a — weight 1 (100% of stage s)',
      '    Indicator r [rubric 1..5, marked by jurors] — weight 1 (50% of aspect a)',
      '      jurors’ marks: j1 = 4, j2 = 2',
      '      ignored for a conflict of interest: j3 = 5',
      '      aggregate (mean): 3 → (3 − 1) / (5 − 1) × 100 = score 50',
      '      contribution to the aspect: 50% × 50 = 25; to the final score: 25',
      '    Indicator v [linear, floor 10, target 2, lower is better] — weight 1 (50% of aspect a)',
      '      data value: no data value → score 0',
      '      contribution to the aspect: 50% × 0 = 0; to the final score: 0',
      '  Aspect score a = 50% × 50 + 50% × 0 = 25',
      'Stage score s = 100% × 25 = 25',
      '',
      'Final score = 100% × 25 = 25',
      'Rank 2 of 2; Juara 2 (award 2); does not advance',
      'Flags: missing:v',
      '',
    ]);
  });
});
