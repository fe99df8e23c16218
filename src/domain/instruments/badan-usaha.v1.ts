/**
 * Default instrument for employers (Usaha Besar and Usaha Menengah), version 1.
 *
 * THE WEIGHTS ARE PARITRANA'S PROPOSAL, NOT OFFICIAL. No official weights of
 * the award are published; the aspects follow those named in its reports for
 * companies: kepatuhan (compliance), kinerja, rantai pasok (vendors must also
 * register their workers), inovasi, and the interview the CEO/Dirut attends.
 * The committee sets the weights of each edition and category; a change is a
 * new version of this file.
 *
 * Compliance figures come from the coverage snapshot (docs/coverage-data.md);
 * "lower is better" figures (months in arrears, wages below the minimum) use a
 * linear scale whose target lies below its floor.
 */
import type { Instrument } from './types.ts';
import { proposalBasis, rubric1to5 } from './types.ts';

export const badanUsahaV1: Instrument = {
  id: 'badan-usaha.v1',
  family: 'badan-usaha',
  version: 1,
  label: { id: 'Instrumen Badan Usaha v1', en: 'Employer instrument v1' },
  categories: ['usaha-besar', 'usaha-menengah'],
  basis: proposalBasis,
  stages: [
    {
      id: 'desk',
      label: { id: 'Penilaian dokumen (desk evaluation)', en: 'Desk evaluation' },
      weight: 70,
      aspects: [
        {
          id: 'kepatuhan',
          label: { id: 'Kepatuhan', en: 'Compliance' },
          weight: 35,
          indicators: [
            {
              id: 'kep.program',
              label: { id: 'Pekerja dengan program wajib lengkap', en: 'Workers with all mandatory programs' },
              weight: 30,
              source: 'data',
              origin: 'coverage',
              key: 'program_complete_pct',
              scale: { type: 'linear', floor: 50, target: 100 },
            },
            {
              id: 'kep.upah',
              label: { id: 'Upah dilaporkan di bawah UMK (PDS upah)', en: 'Wages reported below the minimum wage' },
              weight: 20,
              source: 'data',
              origin: 'coverage',
              key: 'below_min_wage_pct',
              scale: { type: 'linear', floor: 20, target: 0 },
            },
            {
              id: 'kep.tunggakan',
              label: { id: 'Bulan menunggak iuran', en: 'Months in arrears' },
              weight: 25,
              source: 'data',
              origin: 'coverage',
              key: 'months_in_arrears',
              scale: { type: 'bands', bands: [{ min: 3, score: 0 }, { min: 1, score: 50 }], else: 100 },
            },
            {
              id: 'kep.tepat-waktu',
              label: { id: 'Iuran dibayar tepat waktu', en: 'Contributions paid on time' },
              weight: 25,
              source: 'data',
              origin: 'coverage',
              key: 'on_time_pct',
              scale: { type: 'linear', floor: 50, target: 100 },
            },
          ],
        },
        {
          id: 'kinerja',
          label: { id: 'Kinerja kepesertaan', en: 'Membership performance' },
          weight: 30,
          indicators: [
            {
              id: 'kin.terdaftar',
              label: { id: 'Pekerja terdaftar dari yang dilaporkan (PDS tenaga kerja)', en: 'Registered share of declared workers' },
              weight: 60,
              source: 'data',
              origin: 'coverage',
              key: 'declared_coverage_pct',
              scale: { type: 'linear', floor: 50, target: 100 },
            },
            {
              id: 'kin.tumbuh',
              label: { id: 'Pertumbuhan pekerja terdaftar', en: 'Growth of registered workers' },
              weight: 40,
              source: 'data',
              origin: 'coverage',
              key: 'growth_pct',
              scale: { type: 'relative' },
            },
          ],
        },
        {
          id: 'rantai-pasok',
          label: { id: 'Rantai pasok', en: 'Supply chain' },
          weight: 15,
          indicators: [
            {
              id: 'rp.syarat',
              label: { id: 'Kepesertaan vendor dan mitra', en: 'Membership of vendors and partners' },
              weight: 100,
              source: 'rubric',
              scale: rubric1to5,
              levels: [
                { id: 'Kepesertaan vendor tidak diperhatikan.', en: 'Vendors’ membership is not considered.' },
                { id: 'Vendor diimbau mendaftarkan pekerjanya.', en: 'Vendors are urged to register their workers.' },
                { id: 'Kontrak baru mensyaratkan kepesertaan BPJS Ketenagakerjaan.', en: 'New contracts require BPJS Ketenagakerjaan membership.' },
                { id: 'Semua kontrak mensyaratkan kepesertaan dan bukti diperiksa sebelum pembayaran.', en: 'Every contract requires membership and proof is checked before payment.' },
                { id: 'Syarat diperiksa berkala di seluruh rantai pasok, termasuk pekerja lapangan dan mitra UMKM, dengan pendampingan.', en: 'Membership is checked regularly across the whole supply chain, field workers and small partners included, with support.' },
              ],
            },
          ],
        },
        {
          id: 'inovasi',
          label: { id: 'Inovasi dan kepedulian', en: 'Innovation and outreach' },
          weight: 20,
          indicators: [
            {
              id: 'ino.perlindungan',
              label: { id: 'Inovasi perlindungan pekerja dan CSR bagi pekerja rentan', en: 'Innovation in protection and CSR for vulnerable workers' },
              weight: 100,
              source: 'rubric',
              scale: rubric1to5,
              levels: [
                { id: 'Tidak ada.', en: 'None.' },
                { id: 'Kegiatan sosialisasi sesekali.', en: 'Occasional awareness sessions.' },
                { id: 'Program CSR mendaftarkan sejumlah pekerja rentan untuk satu periode.', en: 'A CSR program registers some vulnerable workers for one period.' },
                { id: 'Program CSR berkelanjutan atau manfaat tambahan bagi pekerja di atas kewajiban.', en: 'A lasting CSR program, or benefits for workers beyond the legal minimum.' },
                { id: 'Program berkelanjutan dengan dampak terukur yang melampaui perusahaan (komunitas, rantai pasok).', en: 'Lasting programs with measured impact beyond the company (community, supply chain).' },
              ],
            },
          ],
        },
      ],
    },
    {
      id: 'wawancara',
      label: { id: 'Wawancara', en: 'Interview' },
      weight: 30,
      aspects: [
        {
          id: 'paparan',
          label: { id: 'Wawancara: kehadiran dan paparan pimpinan', en: 'Interview: attendance and presentation of the leadership' },
          weight: 100,
          indicators: [
            {
              id: 'ww.hadir',
              label: { id: 'Kehadiran pimpinan tertinggi pada wawancara', en: 'Attendance of the chief executive at the interview' },
              weight: 20,
              source: 'data',
              origin: 'interview',
              key: 'leader_attendance',
              scale: { type: 'choice', options: { 'direktur-utama': 100, direksi: 60, manajer: 30, 'tidak-hadir': 0 } },
            },
            {
              id: 'ww.komitmen',
              label: { id: 'Komitmen pimpinan', en: 'Commitment of the leadership' },
              weight: 40,
              source: 'rubric',
              scale: rubric1to5,
              levels: [
                { id: 'Tidak menunjukkan komitmen.', en: 'Shows no commitment.' },
                { id: 'Kepatuhan dipandang sebagai kewajiban administratif saja.', en: 'Compliance is seen as paperwork only.' },
                { id: 'Komitmen memenuhi kewajiban dengan rencana perbaikan.', en: 'Commitment to meet obligations, with a plan to improve.' },
                { id: 'Perlindungan pekerja menjadi kebijakan perusahaan dengan sasaran.', en: 'Worker protection is company policy, with targets.' },
                { id: 'Perlindungan pekerja menjadi budaya perusahaan dan ditularkan ke mitra.', en: 'Worker protection is company culture and passed on to partners.' },
              ],
            },
            {
              id: 'ww.penguasaan',
              label: { id: 'Penguasaan materi dan bukti', en: 'Command of the subject and evidence' },
              weight: 40,
              source: 'rubric',
              scale: rubric1to5,
              levels: [
                { id: 'Tidak dapat menjawab pertanyaan.', en: 'Cannot answer the questions.' },
                { id: 'Menjawab sebagian dengan keliru.', en: 'Answers partly, with errors.' },
                { id: 'Menjawab dengan benar tanpa data pendukung.', en: 'Answers correctly without supporting data.' },
                { id: 'Menjawab dengan benar dan menunjukkan data.', en: 'Answers correctly and shows data.' },
                { id: 'Menjawab tuntas dengan data dan bukti, termasuk kendala dan solusinya.', en: 'Answers fully with data and evidence, including the obstacles and their solutions.' },
              ],
            },
          ],
        },
      ],
    },
  ],
};
