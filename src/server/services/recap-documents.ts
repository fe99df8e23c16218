import PDFDocument from 'pdfkit';
import { signatoriesFor } from '../../db/repositories/publication.ts';
import { formatDateTime, formatNumber, formatPercent } from '../../shared/i18n/format.ts';
import type { EditionRecap, RecapWinner } from '../../shared/contracts/recap.ts';
import type { ServiceContext } from './context.ts';
import { editionRecap } from './recap.ts';
import { toXlsxSheets, type Table } from './tabular.ts';

type Lang = 'id' | 'en';

const words = {
  id: {
    provinces: 'Provinsi',
    winners: 'Pemenang',
    province: 'Provinsi',
    candidates: 'Kandidat',
    submitted: 'Penilaian mandiri terkirim',
    verified: 'Terverifikasi',
    coverage: 'Cakupan kepesertaan (%)',
    active: 'Peserta aktif',
    pools: 'Pool',
    poolsFinal: 'Pool final',
    poolsAnnounced: 'Pool diumumkan',
    winnerCount: 'Pemenang',
    level: 'Tingkat',
    area: 'Wilayah',
    category: 'Kategori',
    award: 'Juara',
    score: 'Nilai akhir',
    candidate: 'Kandidat',
    from: 'Asal provinsi',
    announced: 'Diumumkan',
    yes: 'Ya',
    no: 'Belum',
    title: 'Rekapitulasi',
    generated: 'Dibuat',
    total: 'Jumlah',
    none: 'Belum ada pemenang yang ditetapkan.',
  },
  en: {
    provinces: 'Provinces',
    winners: 'Winners',
    province: 'Province',
    candidates: 'Candidates',
    submitted: 'Self-assessments submitted',
    verified: 'Verified',
    coverage: 'Coverage (%)',
    active: 'Active participants',
    pools: 'Pools',
    poolsFinal: 'Pools final',
    poolsAnnounced: 'Pools announced',
    winnerCount: 'Winners',
    level: 'Level',
    area: 'Area',
    category: 'Category',
    award: 'Juara',
    score: 'Final score',
    candidate: 'Candidate',
    from: 'Province',
    announced: 'Announced',
    yes: 'Yes',
    no: 'Not yet',
    title: 'Recap',
    generated: 'Generated',
    total: 'Total',
    none: 'No winners have been decided yet.',
  },
} as const;

const categoryName = (w: RecapWinner, lang: Lang) => (lang === 'id' ? w.categoryNameId : w.categoryNameEn) || w.categoryCode;

function slug(label: string): string {
  return label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** The recap as two tables: provinces and winners, headed in the reader's language. */
export function recapTables(recap: EditionRecap, lang: Lang): Table[] {
  const t = words[lang];
  return [
    {
      name: t.provinces,
      columns: [t.province, t.candidates, t.submitted, t.verified, t.coverage, t.active, t.pools, t.poolsFinal, t.poolsAnnounced, t.winnerCount],
      rows: recap.provinces.map((p) => [p.name, p.candidates, p.submitted, p.verified, p.coveragePct, p.activeParticipants, p.pools, p.poolsFinal, p.poolsAnnounced, p.winners]),
    },
    {
      name: t.winners,
      columns: [t.level, t.area, t.category, t.award, t.candidate, t.from, t.score, t.announced],
      rows: recap.winners.map((w) => [w.levelName, w.areaName, categoryName(w, lang), w.award, w.candidateName, w.candidateProvince, w.score, w.announced ? t.yes : t.no]),
    },
  ];
}

/** The document's bytes once it ends (call `doc.end()` after drawing). */
function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

/** Draws rows of cells at fixed column widths, starting a new page when the page is full. */
function table(doc: PDFKit.PDFDocument, widths: number[], header: string[], rows: string[][]): void {
  const left = doc.page.margins.left;
  const drawRow = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8);
    const height = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i]! - 4 }))) + 4;
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const y = doc.y;
    let x = left;
    cells.forEach((c, i) => {
      doc.text(c, x + 2, y + 2, { width: widths[i]! - 4 });
      x += widths[i]!;
    });
    doc.y = y + height;
    doc
      .moveTo(left, doc.y)
      .lineTo(left + widths.reduce((a, b) => a + b, 0), doc.y)
      .strokeColor('#999999')
      .lineWidth(0.5)
      .stroke();
  };
  drawRow(header, true);
  for (const r of rows) drawRow(r, false);
  doc.x = left;
}

async function recapPdf(recap: EditionRecap, lang: Lang): Promise<Buffer> {
  const t = words[lang];
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 36, info: { Title: `${t.title} ${recap.edition.label}`, Author: 'Paritrana' } });
  const done = collect(doc);
  doc.font('Helvetica-Bold').fontSize(14).text(`${t.title} ${recap.edition.label}`);
  doc.font('Helvetica').fontSize(9).text(`${t.generated}: ${formatDateTime(recap.generatedAt, lang)}`);
  doc.moveDown(0.5);
  const tt = recap.totals;
  doc.text(
    `${t.provinces}: ${tt.provincesWithCandidates}/${tt.provinces} · ${t.candidates}: ${formatNumber(tt.candidates, lang)} · ${t.submitted}: ${formatNumber(tt.submitted, lang)} · ${t.verified}: ${formatNumber(tt.verified, lang)} · ${t.winners}: ${tt.winners} (${t.announced.toLowerCase()}: ${tt.winnersAnnounced})`,
  );
  doc.moveDown();
  const [provinces, winners] = recapTables(recap, lang);
  table(
    doc,
    [150, 60, 90, 70, 85, 80, 45, 55, 65, 60],
    provinces!.columns,
    recap.provinces.map((p) => [
      p.name,
      formatNumber(p.candidates, lang),
      formatNumber(p.submitted, lang),
      formatNumber(p.verified, lang),
      p.coveragePct === null ? '–' : formatPercent(p.coveragePct, 2, lang),
      p.activeParticipants === null ? '–' : formatNumber(p.activeParticipants, lang),
      String(p.pools),
      String(p.poolsFinal),
      String(p.poolsAnnounced),
      String(p.winners),
    ]),
  );
  doc.addPage();
  doc.font('Helvetica-Bold').fontSize(12).text(t.winners);
  doc.moveDown(0.5);
  if (recap.winners.length === 0) doc.font('Helvetica').fontSize(9).text(t.none);
  else
    table(
      doc,
      [110, 110, 140, 40, 170, 100, 50, 50],
      winners!.columns,
      recap.winners.map((w) => [w.levelName, w.areaName ?? '–', categoryName(w, lang), String(w.award), w.candidateName, w.candidateProvince ?? '–', formatNumber(w.score, lang, 2), w.announced ? t.yes : t.no]),
    );
  doc.end();
  return done;
}

/** The recap as an Excel workbook or a PDF, in the reader's language. */
export async function recapDocument(ctx: ServiceContext, editionId: string, format: 'xlsx' | 'pdf', lang: Lang): Promise<{ body: Buffer; type: string; filename: string }> {
  const recap = await editionRecap(ctx, editionId);
  const name = `${lang === 'id' ? 'rekap' : 'recap'}-${slug(recap.edition.label)}`;
  if (format === 'xlsx') {
    return { body: await toXlsxSheets(recapTables(recap, lang)), type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', filename: `${name}.xlsx` };
  }
  return { body: await recapPdf(recap, lang), type: 'application/pdf', filename: `${name}.pdf` };
}

/** The year an edition's decision is made in: the year after its assessment period. */
const decisionYear = (periodEnd: string) => Number(periodEnd.slice(0, 4)) + 1;

/**
 * A draft *Keputusan* (SK Penetapan Pemenang) for the national committee: the
 * usual parts of a ministerial decision, with the number and the legal bases
 * left for the drafting office, and an annex listing the winners of every
 * final result per level and category. Results not yet announced are marked,
 * so that the draft is not signed before they are.
 */
export async function decisionDraftPdf(ctx: ServiceContext, editionId: string): Promise<{ body: Buffer; filename: string }> {
  const recap = await editionRecap(ctx, editionId);
  const year = decisionYear(recap.edition.periodEnd);
  const signer = (await signatoriesFor(ctx.db, editionId, 'nasional', ''))[0];
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: `Rancangan SK Penetapan Pemenang ${recap.edition.label}`, Author: 'Paritrana' } });
  const done = collect(doc);
  const center = (text: string, bold = true, size = 11) => doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(size).text(text, { align: 'center' });
  doc.font('Helvetica-Oblique').fontSize(8).fillColor('#a00000').text('RANCANGAN — belum ditandatangani; nomor dan dasar hukum dilengkapi oleh biro hukum.', { align: 'right' }).fillColor('black');
  doc.moveDown();
  center(`KEPUTUSAN ${(signer?.title ?? 'MENTERI KOORDINATOR BIDANG PEMBANGUNAN MANUSIA DAN KEBUDAYAAN').toUpperCase()}`);
  center('REPUBLIK INDONESIA');
  center(`NOMOR …… TAHUN ${year}`, false);
  doc.moveDown(0.5);
  center('TENTANG');
  center(`PENETAPAN PEMENANG PARITRANA AWARD TAHUN ${year}`);
  doc.moveDown();
  const body = (label: string, text: string) => {
    doc.font('Helvetica-Bold').fontSize(10).text(label, { continued: false });
    doc.font('Helvetica').fontSize(10).text(text, { align: 'justify', indent: 0 });
    doc.moveDown(0.5);
  };
  body(
    'Menimbang',
    `bahwa dalam rangka memberikan apresiasi kepada pemerintah daerah dan pelaku usaha yang berkomitmen melindungi pekerja melalui program jaminan sosial ketenagakerjaan, telah dilaksanakan penilaian ${recap.edition.label} secara berjenjang dari tingkat provinsi sampai tingkat nasional, sehingga perlu menetapkan pemenangnya dengan Keputusan.`,
  );
  body('Mengingat', '1. ……;\n2. ……;\n3. …… (dilengkapi oleh biro hukum).');
  center('MEMUTUSKAN:');
  doc.moveDown(0.5);
  body('Menetapkan', `KEPUTUSAN TENTANG PENETAPAN PEMENANG PARITRANA AWARD TAHUN ${year}.`);
  body('KESATU', `Menetapkan pemenang Paritrana Award Tahun ${year} sebagaimana tercantum dalam Lampiran yang merupakan bagian tidak terpisahkan dari Keputusan ini.`);
  body('KEDUA', 'Pemenang sebagaimana dimaksud dalam Diktum KESATU diberikan piagam penghargaan.');
  body('KETIGA', 'Keputusan ini mulai berlaku pada tanggal ditetapkan.');
  doc.moveDown();
  doc.font('Helvetica').fontSize(10).text(`Ditetapkan di Jakarta\npada tanggal ……………… ${year}`, { align: 'right' });
  doc.moveDown(0.5);
  doc.text(signer ? `${signer.title},\n\n\n\n${signer.name}` : '……………………,\n\n\n\n……………………', { align: 'right' });

  doc.addPage();
  center('LAMPIRAN');
  center(`KEPUTUSAN TENTANG PENETAPAN PEMENANG PARITRANA AWARD TAHUN ${year}`, false, 10);
  doc.moveDown();
  const national = recap.winners.filter((w) => w.levelKind !== 'provinsi');
  const provincial = recap.winners.filter((w) => w.levelKind === 'provinsi');
  const section = (title: string, winners: RecapWinner[]) => {
    doc.font('Helvetica-Bold').fontSize(10).text(title);
    doc.moveDown(0.3);
    if (winners.length === 0) {
      doc.font('Helvetica').fontSize(9).text('Belum ada hasil yang final.');
      doc.moveDown();
      return;
    }
    table(
      doc,
      [110, 120, 40, 160, 50],
      ['Tingkat / Wilayah', 'Kategori', 'Juara', 'Nama', 'Nilai'],
      winners.map((w) => [
        w.areaName ? `${w.levelName} — ${w.areaName}` : w.levelName,
        w.categoryNameId || w.categoryCode,
        String(w.award),
        `${w.candidateName}${w.announced ? '' : ' *'}`,
        formatNumber(w.score, 'id', 2),
      ]),
    );
    doc.moveDown();
  };
  section('A. Tingkat Nasional dan Zona', national);
  section('B. Tingkat Provinsi', provincial);
  if (recap.winners.some((w) => !w.announced)) {
    doc.font('Helvetica-Oblique').fontSize(8).text('* Hasil sudah final tetapi belum diumumkan.');
  }
  doc.end();
  return { body: await done, filename: `rancangan-sk-penetapan-pemenang-${slug(recap.edition.label)}.pdf` };
}
