import PDFDocument from 'pdfkit';
import type { CandidateFeedback } from '../../shared/contracts/index.ts';
import { formatDateTime, formatNumber } from '../../shared/i18n/format.ts';
import { en } from '../../shared/i18n/en.ts';
import { id } from '../../shared/i18n/id.ts';
import { itemTitle, translator } from '../../shared/i18n/item-title.ts';
import type { ServiceContext } from './context.ts';
import { candidateFeedback } from './feedback.ts';

type Lang = 'id' | 'en';

const teal = '#087f5b';
const grey = '#555555';

/** The document's bytes once it ends (call `doc.end()` after drawing). */
function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

type Row = { cells: string[]; bold?: boolean; indent?: boolean; note?: string };

/** Rows of cells at fixed widths (a note under a row spans them all), a new page when the page is full. */
function table(doc: PDFKit.PDFDocument, widths: number[], header: string[], rows: Row[]): void {
  const left = doc.page.margins.left;
  const full = widths.reduce((a, b) => a + b, 0);
  const draw = (row: Row, head = false) => {
    doc.font(head || row.bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8.5);
    const pad = (i: number) => (i === 0 && row.indent ? 12 : 2);
    const cellHeight = Math.max(...row.cells.map((c, i) => doc.heightOfString(c, { width: widths[i]! - pad(i) - 2 }))) + 4;
    doc.font('Helvetica-Oblique').fontSize(7.5);
    const noteHeight = row.note ? doc.heightOfString(row.note, { width: full - 16 }) + 3 : 0;
    if (doc.y + cellHeight + noteHeight > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const y = doc.y;
    if (head) doc.rect(left, y, full, cellHeight).fill('#e6f4ef').fillColor('black');
    doc.font(head || row.bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8.5);
    let x = left;
    row.cells.forEach((c, i) => {
      doc.text(c, x + pad(i), y + 2, { width: widths[i]! - pad(i) - 2, align: i === 0 ? 'left' : 'right' });
      x += widths[i]!;
    });
    doc.y = y + cellHeight;
    if (row.note) {
      doc.font('Helvetica-Oblique').fontSize(7.5).fillColor(grey).text(row.note, left + 14, doc.y, { width: full - 16 });
      doc.fillColor('black');
      doc.y += 3;
    }
    doc
      .moveTo(left, doc.y)
      .lineTo(left + full, doc.y)
      .strokeColor('#bbbbbb')
      .lineWidth(0.5)
      .stroke();
  };
  draw({ cells: header }, true);
  for (const r of rows) draw(r);
  doc.x = left;
}

/** The feedback as an A4 document in the reader's language: summary, one table per stage, the verifier's comments. */
export function feedbackPdf(f: CandidateFeedback, lang: Lang): Promise<Buffer> {
  const t = translator(lang === 'id' ? id : en);
  const label = (x: { labelId: string; labelEn: string }) => (lang === 'id' ? x.labelId : x.labelEn);
  const num = (v: number) => formatNumber(v, lang, 2);
  const doc = new PDFDocument({ size: 'A4', margin: 40, info: { Title: `${t('feedback.title')} — ${f.name}`, Author: 'Paritrana' } });
  const done = collect(doc);

  doc.font('Helvetica-Bold').fontSize(15).fillColor(teal).text(t('feedback.title'));
  doc.fillColor('black').font('Helvetica-Bold').fontSize(12).text(f.name);
  const where = [f.edition.label, lang === 'id' ? f.category.nameId : f.category.nameEn, f.level.name, f.area?.name].filter(Boolean).join(' · ');
  doc.font('Helvetica').fontSize(9).fillColor(grey).text(where);
  doc.text(t('feedback.published', { date: formatDateTime(f.publishedAt, lang) }));
  doc.fillColor('black').moveDown(0.6);

  doc.font('Helvetica-Bold').fontSize(11).text(`${t('feedback.total')}: ${num(f.total.own)} · ${t('feedback.rank', { rank: f.rank, count: f.candidates })}`);
  doc.font('Helvetica').fontSize(10).text(f.award !== null ? t('feedback.award', { award: f.award }) : t('feedback.noAward'));
  if (f.advances) doc.text(t('feedback.advances'));
  doc.text(`${t('feedback.median')}: ${num(f.total.median)}`);
  doc.moveDown(0.3);
  doc.font('Helvetica-Bold').text(t('feedback.winners'));
  doc.font('Helvetica');
  for (const w of f.winners) doc.text(`${t('feedback.juara', { award: w.award })}: ${w.name} — ${num(w.score)}`);
  doc.moveDown(0.8);

  const widths = [235, 60, 60, ...f.winners.map(() => Math.floor(160 / Math.max(1, f.winners.length)))];
  const header = [t('feedback.item'), t('feedback.own'), t('feedback.median'), ...f.winners.map((w) => t('feedback.juara', { award: w.award }))];
  const scores = (x: { own: number; median: number; winners: number[] }) => [num(x.own), num(x.median), ...x.winners.map(num)];
  for (const stage of f.stages) {
    if (doc.y > doc.page.height - 160) doc.addPage();
    doc.font('Helvetica-Bold').fontSize(11).fillColor(teal).text(`${t('feedback.stage')}: ${label(stage)} (${t('feedback.weight', { weight: stage.weight })})`);
    doc.fillColor('black').moveDown(0.3);
    const rows: Row[] = [{ cells: [label(stage), ...scores(stage)], bold: true }];
    for (const aspect of stage.aspects) {
      rows.push({ cells: [`${label(aspect)} (${t('feedback.weight', { weight: aspect.weight })})`, ...scores(aspect)], bold: true });
      for (const i of aspect.indicators) {
        const note =
          i.source === 'rubric'
            ? i.level !== null && i.aggregate !== null
              ? `${t('feedback.aggregate', { value: formatNumber(i.aggregate, lang, 2) })} · ${t('feedback.levelLine', { level: i.level, label: lang === 'id' ? i.levelLabelId : i.levelLabelEn })}`
              : t('feedback.noMarks')
            : i.value !== null
              ? `${t('feedback.dataScored')} · ${t('feedback.dataValue', { value: formatNumber(i.value, lang, Number.isInteger(i.value) ? 0 : 2) })}`
              : t('feedback.dataScored');
        rows.push({ cells: [label(i), ...scores(i)], indent: true, note });
      }
    }
    table(doc, widths, header, rows);
    doc.moveDown(0.8);
  }

  if (doc.y > doc.page.height - 120) doc.addPage();
  doc.font('Helvetica-Bold').fontSize(11).fillColor(teal).text(t('feedback.comments'));
  doc.fillColor('black').moveDown(0.3);
  if (f.comments.length === 0) doc.font('Helvetica').fontSize(9).text(t('feedback.noComments'));
  for (const c of f.comments) {
    doc.font('Helvetica-Bold').fontSize(9).text(`${itemTitle(c.section, c.entry, t)} — ${t(`verify.${c.status}`)}`);
    doc.font('Helvetica').fontSize(9).text(c.comment);
    doc.moveDown(0.4);
  }
  doc.moveDown(0.8);
  doc.font('Helvetica').fontSize(7.5).fillColor(grey).text(t('feedback.about', { sha: f.packageSha256 }));
  doc.end();
  return done;
}

const slug = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** The candidate's feedback as a PDF, for the same readers as the page. */
export async function feedbackDocument(ctx: ServiceContext, candidateId: string, lang: Lang): Promise<{ body: Buffer; filename: string }> {
  const f = await candidateFeedback(ctx, candidateId);
  const name = `${lang === 'id' ? 'umpan-balik' : 'feedback'}-${slug(f.name)}-${slug(f.edition.label)}.pdf`;
  return { body: await feedbackPdf(f, lang), filename: name };
}
