/**
 * Default instrument for regional governments, version 2.
 *
 * THE WEIGHTS ARE PARITRANA'S PROPOSAL, NOT OFFICIAL (docs/instruments-v2.md
 * gives the reason for each). Version 2 keeps the stages, aspects and rubric
 * indicators of version 1 with their descriptors, and scores the facts a
 * verifier confirms (budget, people protected against the target and the
 * workforce, segments, agreements, enforcement) and the regency's employer
 * compliance, every one on an ABSOLUTE scale: no indicator depends on the
 * other candidates of the pool, so a lone candidate does not score 100 by
 * being alone, and scores compare across provinces and levels.
 */
import { pemdaV1 } from './pemda.v1.ts';
import { carried } from './revise.ts';
import type { DataIndicator, Instrument, InstrumentIndicator } from './types.ts';

/** A version 1 indicator, unchanged but for its weight (same id, scale and descriptors). */
const kept = (id: string, weight: number): InstrumentIndicator => carried(pemdaV1, id, weight);
const aspectLabel = (id: string) => pemdaV1.stages.flatMap((s) => s.aspects).find((a) => a.id === id)!.label;
const data = (indicator: Omit<DataIndicator, 'source'>): DataIndicator => ({ source: 'data', ...indicator });

export const pemdaV2: Instrument = {
  id: 'pemda.v2',
  family: 'pemda',
  version: 2,
  label: { id: 'Instrumen Pemerintah Daerah v2', en: 'Regional Government instrument v2' },
  categories: pemdaV1.categories,
  basis: pemdaV1.basis,
  stages: [
    {
      id: 'desk',
      label: pemdaV1.stages[0]!.label,
      weight: 70,
      aspects: [
        {
          id: 'regulasi',
          label: aspectLabel('regulasi'),
          weight: 25,
          indicators: [
            kept('reg.jenis', 35),
            kept('reg.cakupan', 20),
            kept('reg.penegakan', 20),
            data({
              id: 'reg.langkah',
              label: { id: 'Langkah penegakan dan sosialisasi terverifikasi (jenis)', en: 'Verified enforcement and outreach measures (kinds)' },
              weight: 25,
              origin: 'verified',
              key: 'enforcement_measures',
              // Four of the five kinds (permits, construction contracts, sanctions, outreach, registration services) reach full marks.
              scale: { type: 'linear', floor: 0, target: 4 },
            }),
          ],
        },
        {
          id: 'anggaran',
          label: aspectLabel('anggaran'),
          weight: 20,
          indicators: [
            data({
              id: 'ang.per-pekerja',
              label: { id: 'Anggaran iuran terealisasi per penduduk bekerja (Rp)', en: 'Realised contribution budget per working person (Rp)' },
              weight: 50,
              origin: 'verified',
              key: 'budget_per_worker',
              // Rp 20.000 per working person a year: JKK and JKM for about one in ten workers.
              scale: { type: 'linear', floor: 0, target: 20_000 },
            }),
            kept('ang.keberlanjutan', 50),
          ],
        },
        {
          id: 'kinerja',
          label: aspectLabel('kinerja'),
          weight: 35,
          indicators: [
            kept('kin.coverage', 20),
            data({
              id: 'kin.sasaran',
              label: { id: 'Pekerja dilindungi terhadap sasaran program', en: 'People protected against the programs’ target' },
              weight: 15,
              origin: 'verified',
              key: 'target_achieved_pct',
              scale: { type: 'linear', floor: 0, target: 100 },
            }),
            data({
              id: 'kin.dilindungi',
              label: { id: 'Pekerja dilindungi daerah terhadap penduduk bekerja', en: 'People the region protects against its working population' },
              weight: 15,
              origin: 'verified',
              key: 'protected_workforce_pct',
              // One working person in ten protected by the region reaches full marks.
              scale: { type: 'linear', floor: 0, target: 10 },
            }),
            data({
              id: 'kin.segmen',
              label: { id: 'Segmen pekerja yang dilindungi', en: 'Worker segments protected' },
              weight: 15,
              origin: 'verified',
              key: 'segments_count',
              scale: { type: 'linear', floor: 0, target: 8 },
            }),
            data({
              id: 'kin.kepatuhan',
              label: { id: 'Pemberi kerja tanpa tanda PDS di wilayahnya', en: 'Employers in the region without an under-reporting (PDS) signal' },
              weight: 10,
              origin: 'coverage',
              key: 'employer_compliance_pct',
              scale: { type: 'linear', floor: 50, target: 100 },
            }),
            data({
              id: 'kin.target-daerah',
              label: { id: 'Capaian terhadap target kepesertaan daerah', en: 'Achievement against the region’s own coverage target' },
              weight: 5,
              origin: 'verified',
              key: 'region_target_achieved_pct',
              scale: { type: 'linear', floor: 0, target: 100 },
            }),
            kept('kin.bpu', 10),
            // Growth of 20% a year reaches full marks; shrinking scores 0.
            carried(pemdaV1, 'kin.tumbuh', 10, { type: 'linear', floor: 0, target: 20 }),
          ],
        },
        {
          id: 'inovasi',
          label: aspectLabel('inovasi'),
          weight: 20,
          indicators: [
            kept('ino.program', 50),
            kept('ino.kolaborasi', 25),
            data({
              id: 'ino.kerjasama',
              label: { id: 'MoU/PKS terverifikasi', en: 'Verified MoUs and cooperation agreements' },
              weight: 25,
              origin: 'verified',
              key: 'agreements_count',
              scale: { type: 'bands', bands: [{ min: 3, score: 100 }, { min: 2, score: 80 }, { min: 1, score: 60 }], else: 0 },
            }),
          ],
        },
      ],
    },
    pemdaV1.stages[1]!,
  ],
};
