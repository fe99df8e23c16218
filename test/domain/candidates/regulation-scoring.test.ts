import { describe, expect, it } from 'vitest';
import { confirmedValues } from '../../../src/domain/candidates/verification.ts';
import { buildScoringPackage, pemdaV1 } from '../../../src/domain/instruments/index.ts';
import { scorePackage } from '../../../src/domain/scoring/index.ts';
import { regulationTypes } from '../../../src/shared/contracts/index.ts';

const pemdaAnswers = (types: string[]) => ({
  kind: 'pemda',
  regulations: types.map((type, i) => ({ id: `r${i}`, type })),
  agreements: [],
  programs: [],
});

/** The regulation indicator's score for a regional government whose verified regulations are of these types. */
function regulationScore(types: string[]): number {
  const values = confirmedValues(pemdaAnswers(types) as never, () => 'valid');
  const pkg = buildScoringPackage({ instrument: pemdaV1, pool: { edition: '2025', level: 'provinsi', area: '52', category: 'pemkab-kota' }, candidates: [{ id: 'A' }], values: { A: values }, jurors: [], marks: [] });
  return scorePackage(pkg).results[0]!.indicators['reg.jenis']!;
}

describe('every kind of regulation the self-assessment offers', () => {
  it.each(regulationTypes.map((t) => [t]))('scores when %s is the strongest verified one', (type) => {
    expect(() => regulationScore([type])).not.toThrow();
  });

  it('scores a decree (SK) between a head of region’s regulation and an instruction, and takes the strongest verified one', () => {
    expect(regulationTypes.map((t) => [t, regulationScore([t])])).toEqual([
      ['perda', 100],
      ['perkada', 85],
      ['instruksi', 65],
      ['surat-edaran', 45],
      ['keputusan', 75],
    ]);
    expect(regulationScore(['surat-edaran', 'keputusan', 'instruksi'])).toBe(75);
    expect(regulationScore([])).toBe(0);
  });
});
