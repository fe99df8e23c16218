/**
 * Default instrument for regional governments (Pemerintah Provinsi and
 * Pemerintah Kabupaten/Kota), version 1.
 *
 * THE WEIGHTS ARE PARITRANA'S PROPOSAL, NOT OFFICIAL. No official weights of
 * the award are published; the aspects follow those named in the award's
 * reports ("komitmen kebijakan, alokasi anggaran, capaian kepesertaan, dan
 * inovasi", plus the interview where the head of region's own attendance
 * scores points). The committee sets the weights of each edition and category;
 * a change of weights or indicators is a new version of this file, never an
 * edit of a version already used for a published result.
 *
 * The interview aspect has the id `paparan`, not `wawancara`, because stage and
 * aspect ids share one namespace (docs/scoring.md: `tieBreak` names either) and
 * the stage is `wawancara`.
 */
import type { Instrument } from './types.ts';
import { proposalBasis, rubric1to5 } from './types.ts';

export const pemdaV1: Instrument = {
  id: 'pemda.v1',
  family: 'pemda',
  version: 1,
  label: { id: 'Instrumen Pemerintah Daerah v1', en: 'Regional Government instrument v1' },
  categories: ['pemprov', 'pemkab-kota'],
  basis: proposalBasis,
  stages: [
    {
      id: 'desk',
      label: { id: 'Penilaian dokumen (desk evaluation)', en: 'Desk evaluation' },
      weight: 70,
      aspects: [
        {
          id: 'regulasi',
          label: { id: 'Regulasi dan kebijakan', en: 'Regulation and policy' },
          weight: 25,
          indicators: [
            {
              id: 'reg.jenis',
              label: { id: 'Jenis regulasi perlindungan jamsostek tertinggi', en: 'Highest form of regulation on employment social security' },
              weight: 40,
              source: 'data',
              origin: 'verified',
              key: 'regulation_type',
              scale: { type: 'choice', options: { perda: 100, perkada: 85, keputusan: 75, instruksi: 65, 'surat-edaran': 45, none: 0 } },
            },
            {
              id: 'reg.cakupan',
              label: { id: 'Cakupan segmen pekerja dalam regulasi', en: 'Worker segments covered by the regulation' },
              weight: 30,
              source: 'rubric',
              scale: rubric1to5,
              levels: [
                { id: 'Regulasi tidak menyebut segmen pekerja tertentu.', en: 'The regulation names no worker segment.' },
                { id: 'Regulasi mencakup satu segmen (mis. non-ASN/honorer).', en: 'The regulation covers one segment (e.g. non-civil-servant staff).' },
                { id: 'Regulasi mencakup non-ASN dan aparatur desa/RT/RW.', en: 'It covers non-civil-servant staff and village/neighbourhood officials.' },
                { id: 'Regulasi juga mencakup pekerja rentan (nelayan, petani, guru ngaji, marbot) dengan sasaran jumlah.', en: 'It also covers vulnerable workers (fishermen, farmers, religious teachers, caretakers) with numeric targets.' },
                { id: 'Regulasi mencakup seluruh segmen rentan dan pekerja penerima upah di wilayah, dengan sasaran, jadwal dan penanggung jawab.', en: 'It covers every vulnerable segment and wage workers in the area, with targets, a schedule and named responsible agencies.' },
              ],
            },
            {
              id: 'reg.penegakan',
              label: { id: 'Penegakan kepatuhan (perizinan, proyek, sanksi)', en: 'Enforcement (licensing, projects, sanctions)' },
              weight: 30,
              source: 'rubric',
              scale: rubric1to5,
              levels: [
                { id: 'Tidak ada mekanisme penegakan.', en: 'No enforcement mechanism.' },
                { id: 'Imbauan kepada pemberi kerja tanpa pemeriksaan.', en: 'Employers are urged to comply, without checks.' },
                { id: 'Kepesertaan diperiksa untuk sebagian perizinan atau proyek daerah.', en: 'Membership is checked for some licences or regional projects.' },
                { id: 'Perizinan dan proyek konstruksi daerah mensyaratkan kepesertaan BPJS Ketenagakerjaan.', en: 'Licensing and regional construction projects require BPJS Ketenagakerjaan membership.' },
                { id: 'Syarat kepesertaan diterapkan konsisten, dipantau bersama BPJS, dan pelanggaran ditindaklanjuti dengan sanksi.', en: 'The requirement is applied consistently, monitored with BPJS, and breaches are sanctioned.' },
              ],
            },
          ],
        },
        {
          id: 'anggaran',
          label: { id: 'Alokasi anggaran', en: 'Budget allocation' },
          weight: 20,
          indicators: [
            {
              id: 'ang.pekerja',
              label: { id: 'Pekerja yang iurannya dibiayai APBD/APBDes', en: 'Workers whose contributions are paid from regional budgets' },
              weight: 50,
              source: 'data',
              origin: 'coverage',
              key: 'gov_funded',
              scale: { type: 'relative' },
            },
            {
              id: 'ang.keberlanjutan',
              label: { id: 'Keberlanjutan dan keragaman sumber anggaran', en: 'Sustainability and diversity of funding' },
              weight: 50,
              source: 'rubric',
              scale: rubric1to5,
              levels: [
                { id: 'Tidak ada anggaran iuran.', en: 'No budget for contributions.' },
                { id: 'Anggaran sekali, dari satu sumber, tanpa rencana lanjutan.', en: 'A one-off budget from one source, with no plan to continue.' },
                { id: 'Anggaran tahunan APBD untuk satu atau dua segmen.', en: 'A yearly regional budget for one or two segments.' },
                { id: 'Beberapa sumber (APBD, APBD-P, DBH Sawit/CHT, Dana Desa, CSR) untuk beberapa segmen.', en: 'Several sources (regional budget and its revision, revenue-sharing funds, village funds, CSR) for several segments.' },
                { id: 'Anggaran multi-sumber yang dilembagakan dalam rencana jangka menengah, naik dari tahun ke tahun.', en: 'Multi-source funding built into the medium-term plan and growing year on year.' },
              ],
            },
          ],
        },
        {
          id: 'kinerja',
          label: { id: 'Capaian kepesertaan (coverage)', en: 'Coverage achievement' },
          weight: 35,
          indicators: [
            {
              id: 'kin.coverage',
              label: { id: 'Cakupan kepesertaan pekerja', en: 'Coverage of the working population' },
              weight: 50,
              source: 'data',
              origin: 'coverage',
              key: 'coverage_pct',
              // 60% reaches full marks; the national target was 52.15% in 2025.
              scale: { type: 'linear', floor: 0, target: 60 },
            },
            {
              id: 'kin.tumbuh',
              label: { id: 'Pertumbuhan peserta aktif', en: 'Growth of active participants' },
              weight: 25,
              source: 'data',
              origin: 'coverage',
              key: 'growth_pct',
              scale: { type: 'relative' },
            },
            {
              id: 'kin.bpu',
              label: { id: 'Cakupan pekerja bukan penerima upah (BPU)', en: 'Coverage of non-wage (BPU) workers' },
              weight: 25,
              source: 'data',
              origin: 'coverage',
              key: 'bpu_coverage_pct',
              scale: { type: 'linear', floor: 0, target: 40 },
            },
          ],
        },
        {
          id: 'inovasi',
          label: { id: 'Inovasi', en: 'Innovation' },
          weight: 20,
          indicators: [
            {
              id: 'ino.program',
              label: { id: 'Inovasi program perlindungan', en: 'Innovation in protection programs' },
              weight: 60,
              source: 'rubric',
              scale: rubric1to5,
              levels: [
                { id: 'Tidak ada inovasi.', en: 'No innovation.' },
                { id: 'Gagasan inovasi ada, belum dijalankan.', en: 'An idea exists but has not been put into practice.' },
                { id: 'Inovasi dijalankan sebagai uji coba terbatas.', en: 'The innovation runs as a limited pilot.' },
                { id: 'Inovasi berjalan di seluruh wilayah dengan hasil terukur.', en: 'The innovation runs across the area with measured results.' },
                { id: 'Inovasi berdampak nyata, berkelanjutan, dan ditiru daerah lain.', en: 'The innovation has clear, lasting impact and has been copied by other regions.' },
              ],
            },
            {
              id: 'ino.kolaborasi',
              label: { id: 'Kolaborasi (MoU, PKS antar perangkat daerah dan BPJS)', en: 'Collaboration (MoU and agreements between agencies and BPJS)' },
              weight: 40,
              source: 'rubric',
              scale: rubric1to5,
              levels: [
                { id: 'Tidak ada kerja sama.', en: 'No agreement.' },
                { id: 'MoU dengan BPJS Ketenagakerjaan tanpa tindak lanjut.', en: 'An MoU with BPJS Ketenagakerjaan without follow-up.' },
                { id: 'PKS dengan satu perangkat daerah (mis. Disnaker).', en: 'An agreement with one agency (e.g. the manpower office).' },
                { id: 'PKS dengan beberapa perangkat daerah (Disnaker, DPMPTSP, Dinas PMD) yang berjalan.', en: 'Working agreements with several agencies (manpower, licensing, village affairs).' },
                { id: 'Kolaborasi lintas perangkat daerah, desa, dan swasta dengan data bersama dan evaluasi rutin.', en: 'Collaboration across agencies, villages and businesses with shared data and regular reviews.' },
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
          label: { id: 'Wawancara: kehadiran dan paparan kepala daerah', en: 'Interview: attendance and presentation of the head of region' },
          weight: 100,
          indicators: [
            {
              id: 'ww.hadir',
              label: { id: 'Kehadiran kepala daerah pada wawancara', en: 'Attendance of the head of region at the interview' },
              weight: 20,
              source: 'data',
              origin: 'interview',
              key: 'head_attendance',
              scale: { type: 'choice', options: { 'kepala-daerah': 100, wakil: 60, sekda: 30, 'tidak-hadir': 0 } },
            },
            {
              id: 'ww.komitmen',
              label: { id: 'Komitmen kepala daerah', en: 'Commitment of the head of region' },
              weight: 30,
              source: 'rubric',
              scale: rubric1to5,
              levels: [
                { id: 'Tidak menunjukkan komitmen.', en: 'Shows no commitment.' },
                { id: 'Komitmen umum tanpa rencana.', en: 'General commitment without a plan.' },
                { id: 'Komitmen dengan rencana, belum dianggarkan.', en: 'Commitment with a plan, not yet budgeted.' },
                { id: 'Komitmen dengan rencana, anggaran dan sasaran.', en: 'Commitment with a plan, a budget and targets.' },
                { id: 'Komitmen pribadi yang kuat, terukur, dan sudah terbukti dalam kebijakan.', en: 'Strong personal commitment, measurable and already shown in policy.' },
              ],
            },
            {
              id: 'ww.strategi',
              label: { id: 'Strategi menuju Universal Coverage Jamsostek', en: 'Strategy towards universal coverage' },
              weight: 30,
              source: 'rubric',
              scale: rubric1to5,
              levels: [
                { id: 'Tidak ada strategi.', en: 'No strategy.' },
                { id: 'Strategi disebut tanpa data.', en: 'A strategy is named without data.' },
                { id: 'Strategi berdasarkan data kepesertaan daerah.', en: 'A strategy based on the region’s coverage data.' },
                { id: 'Strategi berbasis data dengan sasaran per segmen dan tahapan.', en: 'A data-based strategy with targets per segment and milestones.' },
                { id: 'Strategi lengkap, terpadu dengan RPJMD, dengan pemantauan berkala.', en: 'A complete strategy, built into the medium-term plan, with regular monitoring.' },
              ],
            },
            {
              id: 'ww.penguasaan',
              label: { id: 'Penguasaan materi dan jawaban tim', en: 'Command of the subject and the team’s answers' },
              weight: 20,
              source: 'rubric',
              scale: rubric1to5,
              levels: [
                { id: 'Tidak dapat menjawab pertanyaan.', en: 'Cannot answer the questions.' },
                { id: 'Menjawab sebagian dengan keliru.', en: 'Answers partly, with errors.' },
                { id: 'Menjawab dengan benar tanpa data pendukung.', en: 'Answers correctly without supporting data.' },
                { id: 'Menjawab dengan benar dan menunjukkan data.', en: 'Answers correctly and shows data.' },
                { id: 'Menjawab tuntas, dengan data dan bukti, termasuk kendala dan solusinya.', en: 'Answers fully with data and evidence, including the obstacles and their solutions.' },
              ],
            },
          ],
        },
      ],
    },
  ],
};
