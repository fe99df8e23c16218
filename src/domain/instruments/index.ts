/**
 * The default instruments, one versioned file per category family. Their
 * weights are Paritrana's proposal, not official ones.
 */
import { badanUsahaV1 } from './badan-usaha.v1.ts';
import { desaV1 } from './desa.v1.ts';
import { pelayananPublikV1 } from './pelayanan-publik.v1.ts';
import { pemdaV1 } from './pemda.v1.ts';
import { ukmV1 } from './ukm.v1.ts';
import type { Instrument, InstrumentFamily } from './types.ts';

export type { DataIndicator, Instrument, InstrumentAspect, InstrumentFamily, InstrumentIndicator, InstrumentStage, Label, Levels, RubricIndicator } from './types.ts';
export { proposalBasis, rubric1to5 } from './types.ts';
export type { BuildScoringPackage } from './build-scoring-package.ts';
export { buildScoringPackage, instrumentStages } from './build-scoring-package.ts';
export { badanUsahaV1, desaV1, pelayananPublikV1, pemdaV1, ukmV1 };

export const defaultInstruments: readonly Instrument[] = [pemdaV1, badanUsahaV1, ukmV1, pelayananPublikV1, desaV1];

/** The latest default instrument of a family. */
export function defaultInstrumentFor(family: InstrumentFamily): Instrument {
  const candidates = defaultInstruments.filter((i) => i.family === family);
  return candidates.reduce((latest, i) => (i.version > latest.version ? i : latest), candidates[0]!);
}
