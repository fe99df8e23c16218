/**
 * The default instruments, one versioned file per category family. Their
 * weights are Paritrana's proposal, not official ones.
 */
import { badanUsahaV1 } from './badan-usaha.v1.ts';
import { badanUsahaV2 } from './badan-usaha.v2.ts';
import { desaV1 } from './desa.v1.ts';
import { khususV1 } from './khusus.v1.ts';
import { pelayananPublikV1 } from './pelayanan-publik.v1.ts';
import { pemdaV1 } from './pemda.v1.ts';
import { pemdaV2 } from './pemda.v2.ts';
import { ukmV1 } from './ukm.v1.ts';
import { ukmV2 } from './ukm.v2.ts';
import type { Instrument, InstrumentFamily } from './types.ts';

export type { DataIndicator, Instrument, InstrumentAspect, InstrumentFamily, InstrumentIndicator, InstrumentStage, Label, Levels, RubricIndicator } from './types.ts';
export { proposalBasis, rubric1to5 } from './types.ts';
export type { BuildScoringPackage } from './build-scoring-package.ts';
export { buildScoringPackage, instrumentStages } from './build-scoring-package.ts';
export { derivedValues } from './derived.ts';
export { badanUsahaV1, badanUsahaV2, desaV1, khususV1, pelayananPublikV1, pemdaV1, pemdaV2, ukmV1, ukmV2 };

export const defaultInstruments: readonly Instrument[] = [pemdaV1, badanUsahaV1, ukmV1, pelayananPublikV1, desaV1, khususV1, pemdaV2, badanUsahaV2, ukmV2];

/**
 * The first assessment year each default instrument is the default for:
 * version 2 from the assessment of 2025 (the 2026 award) on; editions of
 * earlier years keep version 1.
 */
const defaultFromYear: Record<string, number> = { 'pemda.v2': 2025, 'badan-usaha.v2': 2025, 'ukm.v2': 2025 };

/**
 * The default instrument of a family for an edition whose assessment period
 * starts on `periodStart` (YYYY-MM-DD): the latest version already in force
 * that year. Without a date, the latest version.
 */
export function defaultInstrumentFor(family: InstrumentFamily, periodStart?: string): Instrument {
  const year = periodStart ? Number(periodStart.slice(0, 4)) : Infinity;
  const candidates = defaultInstruments.filter((i) => i.family === family && (defaultFromYear[i.id] ?? 0) <= year);
  return candidates.reduce((latest, i) => (i.version > latest.version ? i : latest), candidates[0]!);
}

/** The first version of a family: the instrument of categories set up before later versions existed. */
export function firstInstrumentFor(family: InstrumentFamily): Instrument {
  return defaultInstruments.find((i) => i.family === family && i.version === 1)!;
}

export function instrumentById(id: string): Instrument | undefined {
  return defaultInstruments.find((i) => i.id === id);
}
