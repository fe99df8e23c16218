/**
 * Default instrument for small and micro enterprises (Usaha Kecil dan Mikro,
 * UKM), version 1. UKM are assessed on documents and data only: no interview.
 *
 * THE WEIGHTS ARE PARITRANA'S PROPOSAL, NOT OFFICIAL. No official weights of
 * the award are published. The committee sets the weights of each edition and
 * category; a change is a new version of this file.
 *
 * "Program wajib lengkap" follows the size class (Perpres 109/2013): small
 * enterprises JKK+JKM+JHT, micro enterprises JKK+JKM.
 */
import type { Instrument } from './types.ts';
import { proposalBasis, rubric1to5 } from './types.ts';

export const ukmV1: Instrument = {
  id: 'ukm.v1',
  family: 'ukm',
  version: 1,
  label: { id: 'Instrumen Usaha Kecil dan Mikro v1', en: 'Small and Micro Enterprise instrument v1' },
  categories: ['usaha-kecil-mikro'],
  basis: proposalBasis,
  stages: [
    {
      id: 'desk',
      label: { id: 'Penilaian dokumen (desk evaluation)', en: 'Desk evaluation' },
      weight: 100,
      aspects: [
        {
          id: 'kepatuhan',
          label: { id: 'Kepatuhan', en: 'Compliance' },
          weight: 40,
          indicators: [
            {
              id: 'kep.program',
              label: { id: 'Pekerja dengan program wajib lengkap', en: 'Workers with all mandatory programs' },
              weight: 40,
              source: 'data',
              origin: 'coverage',
              key: 'program_complete_pct',
              scale: { type: 'linear', floor: 0, target: 100 },
            },
            {
              id: 'kep.tepat-waktu',
              label: { id: 'Iuran dibayar tepat waktu', en: 'Contributions paid on time' },
              weight: 30,
              source: 'data',
              origin: 'coverage',
              key: 'on_time_pct',
              scale: { type: 'linear', floor: 0, target: 100 },
            },
            {
              id: 'kep.tunggakan',
              label: { id: 'Bulan menunggak iuran', en: 'Months in arrears' },
              weight: 30,
              source: 'data',
              origin: 'coverage',
              key: 'months_in_arrears',
              scale: { type: 'linear', floor: 6, target: 0 },
            },
          ],
        },
        {
          id: 'kinerja',
          label: { id: 'Kinerja kepesertaan', en: 'Membership performance' },
          weight: 35,
          indicators: [
            {
              id: 'kin.terdaftar',
              label: { id: 'Pekerja terdaftar dari yang dilaporkan', en: 'Registered share of declared workers' },
              weight: 70,
              source: 'data',
              origin: 'coverage',
              key: 'declared_coverage_pct',
              scale: { type: 'linear', floor: 0, target: 100 },
            },
            {
              id: 'kin.tumbuh',
              label: { id: 'Pertumbuhan pekerja terdaftar', en: 'Growth of registered workers' },
              weight: 30,
              source: 'data',
              origin: 'coverage',
              key: 'growth_pct',
              scale: { type: 'relative' },
            },
          ],
        },
        {
          id: 'inovasi',
          label: { id: 'Inovasi dan kepedulian', en: 'Innovation and outreach' },
          weight: 25,
          indicators: [
            {
              id: 'ino.perlindungan',
              label: { id: 'Upaya melindungi pekerja dan lingkungan usaha', en: 'Efforts to protect workers and the business community' },
              weight: 100,
              source: 'rubric',
              scale: rubric1to5,
              levels: [
                { id: 'Tidak ada upaya di luar kewajiban.', en: 'Nothing beyond the obligation.' },
                { id: 'Pemilik memahami manfaat program dan menjelaskannya kepada pekerja.', en: 'The owner understands the programs and explains them to the workers.' },
                { id: 'Pekerja harian atau musiman juga didaftarkan.', en: 'Day and seasonal workers are registered too.' },
                { id: 'Mengajak pelaku usaha atau pemasok lain untuk mendaftar.', en: 'Encourages other businesses or suppliers to register.' },
                { id: 'Menjadi contoh di komunitas usahanya, dengan jumlah peserta baru yang terukur.', en: 'A model in its business community, with a measured number of new participants.' },
              ],
            },
          ],
        },
      ],
    },
  ],
};
