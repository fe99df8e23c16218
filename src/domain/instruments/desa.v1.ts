/**
 * Default instrument for villages (Desa/Kampung), version 1.
 *
 * THE WEIGHTS ARE PARITRANA'S PROPOSAL, NOT OFFICIAL. The committee sets the
 * weights of each edition and category; a change is a new version of this file.
 *
 * The coverage snapshot holds no figures per village, and its regency's
 * figures are not the village's: every data value here is one a verifier
 * confirmed from the village's own evidence (its regulations and the workers
 * whose contributions it pays, e.g. from the Alokasi Dana Desa), or the
 * attendance recorded at the interview. For a village the form's regulation
 * kinds read as the village's own: a Perda as its Peraturan Desa, a Perkada as
 * the Peraturan Kepala Desa, a Keputusan as the Keputusan Kepala Desa.
 */
import type { Instrument } from './types.ts';
import { proposalBasis, rubric1to5 } from './types.ts';

export const desaV1: Instrument = {
  id: 'desa.v1',
  family: 'desa',
  version: 1,
  label: { id: 'Instrumen Desa/Kampung v1', en: 'Village instrument v1' },
  categories: ['desa'],
  basis: proposalBasis,
  stages: [
    {
      id: 'desk',
      label: { id: 'Penilaian dokumen (desk evaluation)', en: 'Desk evaluation' },
      weight: 70,
      aspects: [
        {
          id: 'regulasi',
          label: { id: 'Regulasi desa', en: 'Village regulation' },
          weight: 25,
          indicators: [
            {
              id: 'reg.jenis',
              label: { id: 'Jenis regulasi desa tertinggi (Peraturan Desa, Peraturan/Keputusan Kepala Desa)', en: 'Highest form of village regulation (village regulation, village head’s regulation or decree)' },
              weight: 50,
              source: 'data',
              origin: 'verified',
              key: 'regulation_type',
              scale: { type: 'choice', options: { perda: 100, perkada: 85, keputusan: 75, instruksi: 60, 'surat-edaran': 45, none: 0 } },
            },
            {
              id: 'reg.sasaran',
              label: { id: 'Sasaran perlindungan dalam regulasi dan APBDes', en: 'Who the regulation and the village budget protect' },
              weight: 50,
              source: 'rubric',
              scale: rubric1to5,
              levels: [
                { id: 'Tidak ada sasaran perlindungan.', en: 'No one is named for protection.' },
                { id: 'Hanya kepala desa dan perangkat desa.', en: 'Only the village head and officials.' },
                { id: 'Perangkat desa, BPD dan RT/RW.', en: 'Officials, the village council and neighbourhood heads.' },
                { id: 'Juga pekerja rentan desa (petani, nelayan, guru ngaji, marbot) dengan jumlah sasaran.', en: 'Also the village’s vulnerable workers (farmers, fishermen, religious teachers, caretakers) with numeric targets.' },
                { id: 'Seluruh pekerja rentan desa dengan sasaran, jadwal dan anggaran APBDes setiap tahun.', en: 'Every vulnerable worker of the village, with targets, a schedule and a yearly village budget.' },
              ],
            },
          ],
        },
        {
          id: 'perlindungan',
          label: { id: 'Pekerja yang dilindungi desa', en: 'Workers the village protects' },
          weight: 45,
          indicators: [
            {
              id: 'pl.pekerja',
              label: { id: 'Pekerja yang iurannya dibayar desa (terverifikasi)', en: 'Workers whose contributions the village pays (verified)' },
              weight: 50,
              source: 'data',
              origin: 'verified',
              key: 'people_protected',
              scale: { type: 'relative' },
            },
            {
              id: 'pl.segmen',
              label: { id: 'Ragam segmen pekerja yang dilindungi', en: 'Worker segments protected' },
              weight: 25,
              source: 'data',
              origin: 'verified',
              key: 'segments_count',
              scale: { type: 'linear', floor: 0, target: 4 },
            },
            {
              id: 'pl.anggaran',
              label: { id: 'Anggaran iuran dari APBDes/ADD (terverifikasi)', en: 'Contribution budget from the village budget (verified)' },
              weight: 25,
              source: 'data',
              origin: 'verified',
              key: 'budget_rupiah',
              scale: { type: 'relative' },
            },
          ],
        },
        {
          id: 'inovasi',
          label: { id: 'Inovasi dan kolaborasi', en: 'Innovation and collaboration' },
          weight: 30,
          indicators: [
            {
              id: 'ino.program',
              label: { id: 'Inovasi perlindungan di desa', en: 'Innovation in protection in the village' },
              weight: 60,
              source: 'rubric',
              scale: rubric1to5,
              levels: [
                { id: 'Tidak ada inovasi.', en: 'No innovation.' },
                { id: 'Gagasan ada, belum dijalankan.', en: 'An idea exists but has not been put into practice.' },
                { id: 'Dijalankan sebagai uji coba (mis. agen Perisai desa).', en: 'Run as a pilot (e.g. a village Perisai agent).' },
                { id: 'Berjalan rutin dengan hasil terukur (pendaftaran, pembayaran iuran, klaim).', en: 'Runs routinely with measured results (registration, contributions, claims).' },
                { id: 'Berdampak nyata, berkelanjutan, dan ditiru desa lain.', en: 'Clear, lasting impact, copied by other villages.' },
              ],
            },
            {
              id: 'ino.kolaborasi',
              label: { id: 'Kerja sama (BPJS, kecamatan, BUMDes, swasta)', en: 'Collaboration (BPJS, district, village enterprise, businesses)' },
              weight: 40,
              source: 'rubric',
              scale: rubric1to5,
              levels: [
                { id: 'Tidak ada kerja sama.', en: 'No collaboration.' },
                { id: 'Sosialisasi dari BPJS Ketenagakerjaan.', en: 'Awareness sessions by BPJS Ketenagakerjaan.' },
                { id: 'Kesepakatan tertulis dengan BPJS Ketenagakerjaan.', en: 'A written agreement with BPJS Ketenagakerjaan.' },
                { id: 'Kerja sama berjalan dengan BUMDes atau usaha setempat.', en: 'Working collaboration with the village enterprise or local businesses.' },
                { id: 'Kolaborasi lintas desa dan swasta dengan data bersama dan evaluasi rutin.', en: 'Collaboration across villages and businesses with shared data and regular reviews.' },
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
          label: { id: 'Wawancara: kehadiran dan paparan kepala desa', en: 'Interview: attendance and presentation of the village head' },
          weight: 100,
          indicators: [
            {
              id: 'ww.hadir',
              label: { id: 'Kehadiran kepala desa pada wawancara', en: 'Attendance of the village head at the interview' },
              weight: 20,
              source: 'data',
              origin: 'interview',
              key: 'village_head_attendance',
              scale: { type: 'choice', options: { 'kepala-desa': 100, 'sekretaris-desa': 60, kaur: 35, bpd: 30, 'tidak-hadir': 0 } },
            },
            {
              id: 'ww.komitmen',
              label: { id: 'Komitmen kepala desa', en: 'Commitment of the village head' },
              weight: 40,
              source: 'rubric',
              scale: rubric1to5,
              levels: [
                { id: 'Tidak menunjukkan komitmen.', en: 'Shows no commitment.' },
                { id: 'Komitmen umum tanpa rencana.', en: 'General commitment without a plan.' },
                { id: 'Komitmen dengan rencana, belum masuk APBDes.', en: 'Commitment with a plan, not yet in the village budget.' },
                { id: 'Komitmen dengan rencana, anggaran APBDes dan sasaran.', en: 'Commitment with a plan, a village budget and targets.' },
                { id: 'Komitmen kuat yang sudah terbukti dalam Peraturan Desa dan APBDes beberapa tahun.', en: 'Strong commitment already shown in village regulations and budgets over several years.' },
              ],
            },
            {
              id: 'ww.penguasaan',
              label: { id: 'Penguasaan materi dan data desa', en: 'Command of the subject and the village’s data' },
              weight: 40,
              source: 'rubric',
              scale: rubric1to5,
              levels: [
                { id: 'Tidak dapat menjawab pertanyaan.', en: 'Cannot answer the questions.' },
                { id: 'Menjawab sebagian dengan keliru.', en: 'Answers partly, with errors.' },
                { id: 'Menjawab dengan benar tanpa data pendukung.', en: 'Answers correctly without supporting data.' },
                { id: 'Menjawab dengan benar dan menunjukkan data desa.', en: 'Answers correctly and shows the village’s data.' },
                { id: 'Menjawab tuntas dengan data dan bukti, termasuk kendala dan solusinya.', en: 'Answers fully with data and evidence, including the obstacles and their solutions.' },
              ],
            },
          ],
        },
      ],
    },
  ],
};
