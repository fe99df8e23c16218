/**
 * Default instrument for public-service institutions (Pelayanan Publik:
 * regional hospitals, water utilities, community health centres, regional
 * enterprises, service units), version 1.
 *
 * THE WEIGHTS ARE PARITRANA'S PROPOSAL, NOT OFFICIAL. The committee sets the
 * weights of each edition and category; a change is a new version of this file.
 *
 * A public-service institution is an employer with an NPP, so compliance and
 * membership figures come from the coverage snapshot as for companies; what is
 * its own is how its service carries protection to the public (a hospital
 * that treats work-accident cases for BPJS Ketenagakerjaan, a utility that
 * checks its contractors), its non-civil-servant and outsourced staff, and an
 * interview attended by its head (Direktur RSUD, Direktur PDAM, Kepala
 * Puskesmas, Direktur Utama BUMD, Kepala Dinas/UPT).
 */
import type { Instrument } from './types.ts';
import { proposalBasis, rubric1to5 } from './types.ts';

export const pelayananPublikV1: Instrument = {
  id: 'pelayanan-publik.v1',
  family: 'pelayanan-publik',
  version: 1,
  label: { id: 'Instrumen Pelayanan Publik v1', en: 'Public Service Institution instrument v1' },
  categories: ['pelayanan-publik'],
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
          weight: 30,
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
          weight: 20,
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
          id: 'pelayanan',
          label: { id: 'Pelayanan yang melindungi pekerja', en: 'Service that protects workers' },
          weight: 30,
          indicators: [
            {
              id: 'pel.layanan',
              label: { id: 'Layanan kepada publik yang mendukung jaminan sosial ketenagakerjaan', en: 'Public services that support employment social security' },
              weight: 50,
              source: 'rubric',
              scale: rubric1to5,
              levels: [
                { id: 'Layanan tidak terkait jaminan sosial ketenagakerjaan.', en: 'Its services have no link with employment social security.' },
                { id: 'Informasi BPJS Ketenagakerjaan tersedia di tempat layanan.', en: 'BPJS Ketenagakerjaan information is available where it serves the public.' },
                { id: 'Kerja sama tertulis (mis. rumah sakit mitra layanan kecelakaan kerja, loket informasi).', en: 'A written arrangement (e.g. hospital partner for work-accident care, an information desk).' },
                { id: 'Layanan kecelakaan kerja atau pendaftaran berjalan rutin dengan data layanan.', en: 'Work-accident care or registration runs routinely, with service data.' },
                { id: 'Layanan terpadu yang dipantau bersama BPJS dan ditiru lembaga lain.', en: 'An integrated service monitored with BPJS and copied by other institutions.' },
              ],
            },
            {
              id: 'pel.non-asn',
              label: { id: 'Perlindungan pegawai non-ASN, tenaga alih daya dan mitra', en: 'Protection of non-civil-servant staff, outsourced workers and contractors' },
              weight: 50,
              source: 'rubric',
              scale: rubric1to5,
              levels: [
                { id: 'Pegawai non-ASN dan alih daya tidak didaftarkan.', en: 'Non-civil-servant and outsourced staff are not registered.' },
                { id: 'Sebagian pegawai non-ASN didaftarkan.', en: 'Some non-civil-servant staff are registered.' },
                { id: 'Semua pegawai non-ASN didaftarkan; alih daya belum diperiksa.', en: 'All non-civil-servant staff are registered; outsourced staff are not checked.' },
                { id: 'Kontrak alih daya dan pengadaan mensyaratkan kepesertaan dan buktinya diperiksa.', en: 'Outsourcing and procurement contracts require membership and proof is checked.' },
                { id: 'Seluruh pegawai, alih daya dan mitra terlindungi, dipantau berkala.', en: 'All staff, outsourced workers and contractors are protected and monitored regularly.' },
              ],
            },
          ],
        },
        {
          id: 'inovasi',
          label: { id: 'Inovasi', en: 'Innovation' },
          weight: 20,
          indicators: [
            {
              id: 'ino.perlindungan',
              label: { id: 'Inovasi perlindungan pekerja dan pekerja rentan di sekitar layanan', en: 'Innovation in protecting workers and the vulnerable workers it serves' },
              weight: 100,
              source: 'rubric',
              scale: rubric1to5,
              levels: [
                { id: 'Tidak ada.', en: 'None.' },
                { id: 'Kegiatan sosialisasi sesekali.', en: 'Occasional awareness sessions.' },
                { id: 'Program mendaftarkan sejumlah pekerja rentan untuk satu periode.', en: 'A program registers some vulnerable workers for one period.' },
                { id: 'Program berkelanjutan dengan anggaran lembaga.', en: 'A lasting program with the institution’s own budget.' },
                { id: 'Program berkelanjutan dengan dampak terukur di luar lembaga.', en: 'Lasting programs with measured impact beyond the institution.' },
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
          label: { id: 'Wawancara: kehadiran dan paparan pimpinan lembaga', en: 'Interview: attendance and presentation of the institution’s head' },
          weight: 100,
          indicators: [
            {
              id: 'ww.hadir',
              label: { id: 'Kehadiran pimpinan lembaga pada wawancara', en: 'Attendance of the institution’s head at the interview' },
              weight: 20,
              source: 'data',
              origin: 'interview',
              key: 'institution_head_attendance',
              scale: {
                type: 'choice',
                options: {
                  'direktur-rsud': 100,
                  'direktur-pdam': 100,
                  'kepala-puskesmas': 100,
                  'direktur-utama-bumd': 100,
                  'kepala-dinas-upt': 100,
                  'wakil-direktur': 60,
                  'kepala-bagian': 30,
                  'tidak-hadir': 0,
                },
              },
            },
            {
              id: 'ww.komitmen',
              label: { id: 'Komitmen pimpinan lembaga', en: 'Commitment of the institution’s head' },
              weight: 40,
              source: 'rubric',
              scale: rubric1to5,
              levels: [
                { id: 'Tidak menunjukkan komitmen.', en: 'Shows no commitment.' },
                { id: 'Kepatuhan dipandang sebagai kewajiban administratif saja.', en: 'Compliance is seen as paperwork only.' },
                { id: 'Komitmen dengan rencana perbaikan.', en: 'Commitment with a plan to improve.' },
                { id: 'Perlindungan pekerja menjadi kebijakan lembaga dengan sasaran dan anggaran.', en: 'Worker protection is the institution’s policy, with targets and a budget.' },
                { id: 'Perlindungan pekerja menjadi budaya lembaga dan ditularkan ke mitra dan masyarakat.', en: 'Worker protection is the institution’s culture and passed on to partners and the public.' },
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
