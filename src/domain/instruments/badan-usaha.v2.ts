/**
 * Default instrument for employers, version 2 (weights: Paritrana's proposal,
 * not official; docs/instruments-v2.md). It scores growth on an absolute
 * scale instead of against the pool, and the verified share of vendors
 * protected and of vulnerable workers the company's CSR protects.
 */
import { badanUsahaV1 } from './badan-usaha.v1.ts';
import { carried, revise } from './revise.ts';

export const badanUsahaV2 = revise(badanUsahaV1, 2, { id: 'Instrumen Badan Usaha v2', en: 'Employer instrument v2' }, {
  kinerja: [carried(badanUsahaV1, 'kin.terdaftar', 60), carried(badanUsahaV1, 'kin.tumbuh', 40, { type: 'linear', floor: 0, target: 20 })],
  'rantai-pasok': [
    {
      id: 'rp.cakupan',
      label: { id: 'Vendor dan mitra yang pekerjanya terlindungi (terverifikasi)', en: 'Vendors and partners whose workers are protected (verified)' },
      weight: 50,
      source: 'data',
      origin: 'verified',
      key: 'supply_chain_pct',
      scale: { type: 'linear', floor: 0, target: 100 },
    },
    carried(badanUsahaV1, 'rp.syarat', 50),
  ],
  inovasi: [
    carried(badanUsahaV1, 'ino.perlindungan', 70),
    {
      id: 'ino.csr',
      label: { id: 'Pekerja rentan dilindungi lewat CSR (terverifikasi)', en: 'Vulnerable workers protected through CSR (verified)' },
      weight: 30,
      source: 'data',
      origin: 'verified',
      key: 'csr_workers',
      scale: { type: 'bands', bands: [{ min: 1000, score: 100 }, { min: 500, score: 80 }, { min: 100, score: 60 }, { min: 1, score: 30 }], else: 0 },
    },
  ],
});
