/**
 * An instrument is the scoring form of a category family: stages → aspects →
 * indicators with their weights and scales, labelled in Bahasa Indonesia and
 * English. A data indicator names the key its value comes from; a rubric
 * indicator describes each level 1–5 so that jurors mark against the same words.
 */
import type { DataScale, RubricScale } from '../scoring/index.ts';

export type Label = { id: string; en: string };

/** What each level of a 1–5 rubric means, lowest first. */
export type Levels = readonly [Label, Label, Label, Label, Label];

type Common = { id: string; label: Label; weight: number };

export type DataIndicator = Common & {
  source: 'data';
  /**
   * Where the value comes from: `coverage` keys are figures of the coverage
   * snapshot (src/domain/coverage/indicators.ts, e.g. `coverage_pct`),
   * `verified` keys are facts a verifier confirms from the evidence,
   * `interview` keys are recorded at the interview (who attended).
   */
  origin: 'coverage' | 'verified' | 'interview';
  key: string;
  scale: DataScale;
};

export type RubricIndicator = Common & { source: 'rubric'; scale: RubricScale; levels: Levels };

export type InstrumentIndicator = DataIndicator | RubricIndicator;
export type InstrumentAspect = Common & { indicators: InstrumentIndicator[] };
export type InstrumentStage = Common & { aspects: InstrumentAspect[] };

/** `khusus`: a special award, whose entrants come from other categories. */
export type InstrumentFamily = 'pemda' | 'badan-usaha' | 'ukm' | 'pelayanan-publik' | 'desa' | 'khusus';

export type Instrument = {
  /** `<family>.v<version>`; a published result names the instrument it used. */
  id: string;
  family: InstrumentFamily;
  version: number;
  label: Label;
  /** Category codes of the catalogue (src/domain/editions/catalogue.ts) this instrument serves. */
  categories: string[];
  /** Where the weights come from. */
  basis: Label;
  stages: InstrumentStage[];
};

/** A 1–5 rubric, the scale of every rubric indicator of the default instruments. */
export const rubric1to5: RubricScale = { type: 'rubric', min: 1, max: 5 };

/** The basis of the weights of every default instrument. */
export const proposalBasis: Label = {
  id: 'Bobot ini adalah usulan Paritrana, bukan bobot resmi: bobot resmi tidak dipublikasikan. Panitia menetapkan bobot setiap edisi dan kategori.',
  en: 'These weights are Paritrana’s proposal, not official ones: no official weights are published. The committee sets the weights of each edition and category.',
};
