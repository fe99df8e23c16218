/**
 * Default instrument for a special award (kategori khusus, e.g. "Terbaik
 * Inovasi"), version 1: one stage marked by the award's panel with rubrics
 * only. Entrants come from several categories (regional governments,
 * companies, villages), so no coverage figure would compare them fairly; the
 * panel judges what the award is about. The committee edits the wording and
 * the weights for each special award like any category's instrument.
 *
 * THE WEIGHTS ARE PARITRANA'S PROPOSAL, NOT OFFICIAL.
 */
import type { Instrument } from './types.ts';
import { proposalBasis, rubric1to5 } from './types.ts';

export const khususV1: Instrument = {
  id: 'khusus.v1',
  family: 'khusus',
  version: 1,
  label: { id: 'Instrumen Penghargaan Khusus v1', en: 'Special award instrument v1' },
  categories: [],
  basis: proposalBasis,
  stages: [
    {
      id: 'penilaian',
      label: { id: 'Penilaian panel', en: 'Panel assessment' },
      weight: 100,
      aspects: [
        {
          id: 'gagasan',
          label: { id: 'Gagasan', en: 'The idea' },
          weight: 40,
          indicators: [
            {
              id: 'gag.kebaruan',
              label: { id: 'Kebaruan', en: 'Novelty' },
              weight: 50,
              source: 'rubric',
              scale: rubric1to5,
              levels: [
                { id: 'Meniru program yang sudah umum tanpa perubahan.', en: 'Copies a common programme unchanged.' },
                { id: 'Menyesuaikan sedikit program yang sudah umum.', en: 'Adapts a common programme slightly.' },
                { id: 'Menggabungkan cara yang ada dengan cara baru.', en: 'Combines existing means in a new way.' },
                { id: 'Cara baru di wilayah atau sektornya.', en: 'A new way in its region or sector.' },
                { id: 'Cara baru yang belum ada di tempat lain.', en: 'A new way not seen anywhere else.' },
              ],
            },
            {
              id: 'gag.relevansi',
              label: { id: 'Relevansi bagi perlindungan pekerja', en: 'Relevance to workers’ protection' },
              weight: 50,
              source: 'rubric',
              scale: rubric1to5,
              levels: [
                { id: 'Tidak berkaitan dengan jaminan sosial ketenagakerjaan.', en: 'Unrelated to employment social security.' },
                { id: 'Berkaitan secara tidak langsung.', en: 'Related only indirectly.' },
                { id: 'Menyasar sebagian pekerja yang belum terlindungi.', en: 'Reaches some unprotected workers.' },
                { id: 'Menyasar pekerja rentan atau bukan penerima upah secara jelas.', en: 'Clearly reaches vulnerable or self-employed workers.' },
                { id: 'Menjawab kesenjangan perlindungan terbesar di wilayahnya.', en: 'Answers the largest protection gap of its area.' },
              ],
            },
          ],
        },
        {
          id: 'hasil',
          label: { id: 'Hasil dan keberlanjutan', en: 'Results and sustainability' },
          weight: 60,
          indicators: [
            {
              id: 'has.dampak',
              label: { id: 'Dampak terukur', en: 'Measured impact' },
              weight: 40,
              source: 'rubric',
              scale: rubric1to5,
              levels: [
                { id: 'Belum ada hasil.', en: 'No result yet.' },
                { id: 'Hasil disebutkan tanpa data.', en: 'Results claimed without data.' },
                { id: 'Hasil dengan data awal (peserta baru, klaim).', en: 'Results with first data (new participants, claims).' },
                { id: 'Hasil terukur dan naik dari tahun ke tahun.', en: 'Measured results rising year on year.' },
                { id: 'Hasil terukur yang besar dibanding wilayah atau sektornya.', en: 'Large measured results for its region or sector.' },
              ],
            },
            {
              id: 'has.keberlanjutan',
              label: { id: 'Keberlanjutan (dasar hukum, anggaran)', en: 'Sustainability (legal basis, budget)' },
              weight: 30,
              source: 'rubric',
              scale: rubric1to5,
              levels: [
                { id: 'Kegiatan sekali jalan.', en: 'A one-off activity.' },
                { id: 'Berulang tanpa dasar atau anggaran tetap.', en: 'Repeated without a basis or a regular budget.' },
                { id: 'Beranggaran tetap.', en: 'A regular budget.' },
                { id: 'Beranggaran tetap dan berdasar peraturan atau kebijakan tertulis.', en: 'A regular budget and a regulation or written policy.' },
                { id: 'Melembaga: berjalan beberapa tahun dan melewati pergantian pimpinan.', en: 'Institutional: runs for years and outlives a change of leadership.' },
              ],
            },
            {
              id: 'has.replikasi',
              label: { id: 'Dapat ditiru', en: 'Replicability' },
              weight: 30,
              source: 'rubric',
              scale: rubric1to5,
              levels: [
                { id: 'Hanya dapat berjalan di tempatnya.', en: 'Can run only where it is.' },
                { id: 'Dapat ditiru dengan sumber daya besar.', en: 'Can be copied with large resources.' },
                { id: 'Dapat ditiru dengan panduan.', en: 'Can be copied with guidance.' },
                { id: 'Sudah dibagikan sebagai panduan atau praktik baik.', en: 'Already shared as a guide or good practice.' },
                { id: 'Sudah ditiru pihak lain.', en: 'Already copied by others.' },
              ],
            },
          ],
        },
      ],
    },
  ],
};
