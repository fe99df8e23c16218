// The drafts are checked with the product’s own id-ID formats (src/shared/i18n/format.ts),
// which src/domain may not import: the service passes them in.
import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber, formatRupiah } from '../../../src/shared/i18n/format.ts';
import { aboutAward, draftPressRelease, draftText, excerpt, type Formats } from '../../../src/domain/publication/press-release.ts';
import { verifiedFacts, type WinnerFacts } from '../../../src/domain/publication/winner-facts.ts';

const fmt: Formats = { number: (v, d = 0) => formatNumber(v, 'id', d), rupiah: (v) => formatRupiah(v, 'id'), date: (d) => formatDate(d, 'id') };

/** Kabupaten Tanggamus as seed 003 reports it, placed in a 2025 provincial pool. */
const tanggamus: WinnerFacts = {
  candidate: { name: 'Kabupaten Tanggamus', kind: 'pemda' },
  edition: { label: 'Paritrana Award 2025' },
  level: { kind: 'provinsi', name: 'Tingkat Provinsi', areaName: 'Lampung' },
  category: { name: 'Pemerintah Kabupaten/Kota' },
  award: 1,
  rank: 1,
  score: 82.35,
  stages: [
    { label: 'Penilaian dokumen', score: 78.1 },
    { label: 'Wawancara', score: 88.73 },
  ],
  advancesTo: { kind: 'nasional', name: 'Tingkat Nasional' },
  ceremony: { date: '2025-08-13', place: 'Balai Keratun, Kantor Gubernur Lampung' },
  signatories: [
    { name: 'Jihan Nurlela', title: 'Wakil Gubernur Lampung', handsOver: true },
    { name: 'Darwati', title: 'Kepala Cabang BPJS Ketenagakerjaan Lampung', handsOver: false },
  ],
  handover: { presenter: null, occasion: null, representative: null },
  values: { coveragePct: 31.5, govFunded: null, workers: null, supplyChainPct: null },
  verified: {
    regulations: [{ type: 'instruksi', number: 'B.02/INST/30/082021', title: 'Optimalisasi Pelaksanaan Program Jaminan Sosial Ketenagakerjaan', date: '2021-08-02' }],
    agreements: [{ type: 'mou', parties: 'Pemkab Tanggamus dan BPJS Ketenagakerjaan', number: '', date: null }],
    programs: [
      { segment: 'non-asn', people: 4871, budgetRupiah: 600_100_000, fundingSource: 'apbd' },
      { segment: 'nelayan', people: 376, budgetRupiah: 69_400_000, fundingSource: 'apbd' },
    ],
    innovation: 'Seluruh tenaga non-ASN dan 376 nelayan dilindungi jaminan sosial ketenagakerjaan melalui APBD.',
    programCodes: [],
    csr: null,
  },
};

describe('press release drafts', () => {
  it('writes a winner’s release from its facts, in the register of the news reports', () => {
    const draft = draftPressRelease(tanggamus, fmt);
    expect(draft.title).toBe('Pemerintah Kabupaten Tanggamus Raih Juara 1 Paritrana Award 2025 Tingkat Provinsi Lampung');
    expect(draftText(draft).split('\n\n')).toEqual([
      'Pemerintah Kabupaten Tanggamus meraih Juara 1 Paritrana Award 2025 tingkat Provinsi Lampung untuk kategori Pemerintah Kabupaten/Kota. ' +
        'Penghargaan tersebut diserahkan oleh Wakil Gubernur Lampung, Jihan Nurlela, pada Rabu, 13 Agustus 2025 di Balai Keratun, Kantor Gubernur Lampung. ' +
        'Piagam penghargaan ditandatangani oleh Jihan Nurlela selaku Wakil Gubernur Lampung dan Darwati selaku Kepala Cabang BPJS Ketenagakerjaan Lampung.',
      'Dalam penilaian oleh tim penilai, Pemkab Tanggamus memperoleh nilai akhir 82,35, dengan nilai penilaian dokumen 78,10 dan wawancara 88,73. ' +
        'Capaian cakupan kepesertaan jaminan sosial ketenagakerjaan di Kabupaten Tanggamus tercatat 31,50 persen. ' +
        'Komitmen tersebut dituangkan dalam Instruksi Bupati Tanggamus Nomor B.02/INST/30/082021 tentang Optimalisasi Pelaksanaan Program Jaminan Sosial Ketenagakerjaan. ' +
        'Pemkab Tanggamus juga telah menandatangani nota kesepahaman (MoU) antara Pemkab Tanggamus dan BPJS Ketenagakerjaan. ' +
        'Melalui program perlindungan pekerja, Pemkab Tanggamus telah melindungi 4.871 tenaga non-ASN dengan anggaran Rp600,1 juta dari APBD dan 376 nelayan dengan anggaran Rp69,4 juta dari APBD. ' +
        // 4.871 + 376 = 5.247 people; Rp600,1 juta + Rp69,4 juta = Rp669,5 juta.
        'Secara keseluruhan, 5.247 pekerja terlindungi dengan total anggaran Rp669,5 juta. ' +
        'Dalam penilaian, Pemkab Tanggamus memaparkan inovasinya: “Seluruh tenaga non-ASN dan 376 nelayan dilindungi jaminan sosial ketenagakerjaan melalui APBD.”',
      'Sebagai Juara 1, Pemkab Tanggamus selanjutnya mewakili Provinsi Lampung dalam penilaian tingkat nasional.',
      aboutAward,
    ]);
  });

  it('names the facts behind every sentence', () => {
    const facts = draftPressRelease(tanggamus, fmt).paragraphs.flat().map((s) => s.facts);
    expect(facts).toEqual([
      ['winner'],
      ['presenter', 'ceremony.date', 'ceremony.place'],
      ['signatories'],
      ['score', 'stages'],
      ['coverage_pct'],
      ['regulations'],
      ['agreements'],
      ['programs'],
      ['programs'],
      ['innovation'],
      ['advances'],
      ['award.about'],
    ]);
  });

  it('leaves out the sentence of a missing fact rather than inventing it', () => {
    const bare: WinnerFacts = {
      ...tanggamus,
      advancesTo: null,
      ceremony: null,
      signatories: [],
      values: { coveragePct: null, govFunded: null, workers: null, supplyChainPct: null },
      verified: { regulations: [], agreements: [], programs: [], innovation: null, programCodes: [], csr: null },
    };
    const text = draftText(draftPressRelease(bare, fmt));
    expect(text).toBe(
      'Pemerintah Kabupaten Tanggamus meraih Juara 1 Paritrana Award 2025 tingkat Provinsi Lampung untuk kategori Pemerintah Kabupaten/Kota.\n\n' +
        'Dalam penilaian oleh tim penilai, Pemkab Tanggamus memperoleh nilai akhir 82,35, dengan nilai penilaian dokumen 78,10 dan wawancara 88,73.\n\n' +
        aboutAward,
    );
    for (const word of ['diserahkan', 'ditandatangani', 'cakupan', 'persen', 'Rp', 'melindungi', 'inovasi', 'mewakili', 'undefined', 'null', 'NaN']) {
      expect(text).not.toContain(word);
    }
  });

  it('writes the hand-over as it happened: another presenter, another event, a representative', () => {
    // Seed 003: the award was handed over at an MoU signing, and a Sekda received it for the Bupati.
    const handedOver: WinnerFacts = {
      ...tanggamus,
      handover: {
        presenter: { name: 'Marindo Kurniawan', title: 'Sekretaris Daerah Provinsi Lampung' },
        occasion: { name: 'penandatanganan MoU perlindungan pekerja rentan', date: '2025-09-02', place: 'Kantor Gubernur Lampung' },
        representative: { name: 'Suaidi', title: 'Sekretaris Daerah Kabupaten Tanggamus', onBehalfOf: 'Bupati Tanggamus' },
      },
    };
    const sentences = draftPressRelease(handedOver, fmt).paragraphs.flat();
    const handover = sentences.find((s) => s.text.startsWith('Penghargaan tersebut'))!;
    expect(handover.text).toBe(
      'Penghargaan tersebut diserahkan oleh Sekretaris Daerah Provinsi Lampung, Marindo Kurniawan, dalam acara penandatanganan MoU perlindungan pekerja rentan pada Selasa, 2 September 2025 di Kantor Gubernur Lampung ' +
        'dan diterima oleh Sekretaris Daerah Kabupaten Tanggamus, Suaidi, yang hadir mewakili Bupati Tanggamus.',
    );
    expect(handover.facts).toEqual(['handover.presenter', 'handover.occasion', 'handover.date', 'handover.place', 'handover.representative']);
    // The ceremony that did not take place for this winner is not stated.
    expect(draftText(draftPressRelease(handedOver, fmt))).not.toContain('Balai Keratun');
    const received = draftPressRelease({ ...tanggamus, ceremony: null, signatories: [], handover: { ...handedOver.handover, presenter: null, occasion: null } }, fmt);
    expect(received.paragraphs.flat().map((s) => s.text)).toContain(
      'Penghargaan tersebut diterima oleh Sekretaris Daerah Kabupaten Tanggamus, Suaidi, yang hadir mewakili Bupati Tanggamus.',
    );
  });

  it('states a program without the figure it lacks, and no total when a part is unknown', () => {
    const partial: WinnerFacts = {
      ...tanggamus,
      ceremony: { date: '2025-08-13', place: null },
      signatories: [{ name: 'Darwati', title: 'Kepala Cabang BPJS Ketenagakerjaan Lampung', handsOver: false }],
      verified: {
        ...tanggamus.verified,
        programs: [
          { segment: 'non-asn', people: null, budgetRupiah: 600_100_000, fundingSource: 'apbd' },
          { segment: 'nelayan', people: 376, budgetRupiah: null, fundingSource: 'dbh-sawit' },
        ],
      },
    };
    const sentences = draftPressRelease(partial, fmt).paragraphs.flat().map((s) => s.text);
    expect(sentences).toContain('Penghargaan tersebut diserahkan pada Rabu, 13 Agustus 2025.');
    expect(sentences).toContain(
      'Melalui program perlindungan pekerja, Pemkab Tanggamus telah melindungi tenaga non-ASN dengan anggaran Rp600,1 juta dari APBD dan 376 nelayan dari Dana Bagi Hasil (DBH) Sawit.',
    );
    expect(sentences.some((s) => s.startsWith('Secara keseluruhan'))).toBe(false);
  });

  it('states only numbers that come from the facts', () => {
    const text = draftText(draftPressRelease(tanggamus, fmt));
    const held = new Set(['1', '2025', '82,35', '78,10', '88,73', '13', '31,50', '4.871', '600,1', '376', '69,4', '5.247', '669,5', 'B.02/INST/30/082021']);
    const numbers = text.replace(/B\.02\/INST\/30\/082021/g, '').match(/\d[\d.,]*\d|\d/g) ?? [];
    for (const n of numbers) expect(held.has(n.replace(/[.,]$/, '')), n).toBe(true);
  });

  it('writes a company’s facts: workers, programs, supply chain and CSR', () => {
    const company: WinnerFacts = {
      ...tanggamus,
      candidate: { name: 'PT Sumber Alfaria Trijaya', kind: 'badan-usaha' },
      category: { name: 'Usaha Besar' },
      award: 2,
      advancesTo: null,
      values: { coveragePct: null, govFunded: null, workers: 9360, supplyChainPct: 87.5 },
      verified: { regulations: [], agreements: [], programs: [], innovation: null, programCodes: ['JKK', 'JKM', 'JHT', 'JP'], csr: { workers: 1200, budgetRupiah: 20_160_000 } },
    };
    const draft = draftPressRelease(company, fmt);
    expect(draft.title).toBe('PT Sumber Alfaria Trijaya Raih Juara 2 Paritrana Award 2025 Tingkat Provinsi Lampung');
    expect(draft.paragraphs[1]!.map((s) => s.text)).toEqual([
      'Dalam penilaian oleh tim penilai, PT Sumber Alfaria Trijaya memperoleh nilai akhir 82,35, dengan nilai penilaian dokumen 78,10 dan wawancara 88,73.',
      'Sebanyak 9.360 pekerja PT Sumber Alfaria Trijaya terdaftar sebagai peserta aktif BPJS Ketenagakerjaan.',
      'Pekerja PT Sumber Alfaria Trijaya diikutsertakan dalam program JKK, JKM, JHT, dan JP.',
      'Sebanyak 87,50 persen mitra dan pemasok PT Sumber Alfaria Trijaya telah terdaftar sebagai peserta.',
      'Melalui program tanggung jawab sosial perusahaan (CSR), PT Sumber Alfaria Trijaya melindungi 1.200 pekerja rentan dengan anggaran Rp20,2 juta.',
    ]);
  });

  it('cuts a long innovation narrative at a sentence', () => {
    const long = `${'Kalimat pertama yang cukup panjang. '.repeat(6)}Kalimat terakhir.`;
    expect(excerpt(long, 80)).toBe('Kalimat pertama yang cukup panjang. Kalimat pertama yang cukup panjang.');
    expect(excerpt('satu dua tiga empat lima', 12)).toBe('satu dua…');
  });

  it('takes only the entries a verifier found valid', () => {
    const answers = {
      kind: 'pemda',
      regulations: [
        { id: 'r1', type: 'perda', number: ' 7 Tahun 2023 ', title: 'Perlindungan Pekerja', date: null, evidenceIds: [] },
        { id: 'r2', type: 'instruksi', number: 'X', title: 'Y', date: null, evidenceIds: [] },
      ],
      agreements: [{ id: 'a1', type: 'pks', parties: 'Disnaker dan BPJS', number: '1', date: null, evidenceIds: [] }],
      programs: [{ id: 'p1', segment: 'nelayan', peopleProtected: 376, budgetRupiah: 69_400_000, fundingSource: 'apbd', periodStart: null, periodEnd: null, evidenceIds: [] }],
      coverage: { note: '', evidenceIds: [] },
      innovation: { narrative: 'Inovasi.', evidenceIds: [] },
    };
    const valid = new Set(['regulations:r1', 'programs:p1']);
    expect(verifiedFacts(answers, (k) => (valid.has(k) ? 'valid' : 'rejected'))).toEqual({
      regulations: [{ type: 'perda', number: '7 Tahun 2023', title: 'Perlindungan Pekerja', date: null }],
      agreements: [],
      programs: [{ segment: 'nelayan', people: 376, budgetRupiah: 69_400_000, fundingSource: 'apbd' }],
      innovation: null,
      programCodes: [],
      csr: null,
    });
  });
});
