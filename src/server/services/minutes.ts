import PDFDocument from 'pdfkit';
import { AppError, notFound } from '../../domain/errors.ts';
import { unsurLabel } from '../../domain/panels/unsur.ts';
import type { ScoringResult } from '../../domain/scoring/index.ts';
import * as pools from '../../db/repositories/pools.ts';
import { findProvince } from '../../db/repositories/regions.ts';
import { listLevels } from '../../db/repositories/editions.ts';
import { formatDate, formatNumber } from '../../shared/i18n/format.ts';
import type { ServiceContext } from './context.ts';
import { assertSeesPool, loadPool } from './pool-context.ts';
import { resultView } from './results.ts';

const roleLabel = { chair: 'Ketua', secretary: 'Sekretaris', member: 'Anggota' } as const;

/** The calendar date of a moment in Western Indonesia Time (WIB). */
const dateInJakarta = (at: Date): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(at);

/** Collects the document's bytes; they are complete once `doc.end()` is called after drawing. */
function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

/**
 * The panel's minutes (*berita acara*) of a final result, in Bahasa
 * Indonesia: the pool, the date, the members by unsur, the ranking with the
 * scores per stage, the package's SHA-256 for recomputation, and a signature
 * block for every member.
 */
export async function minutesPdf(ctx: ServiceContext, resultId: string): Promise<{ pdf: Buffer; filename: string }> {
  const row = await pools.findResult(ctx.db, resultId);
  if (!row) throw notFound('result');
  const pool = await loadPool(ctx.db, row.poolId);
  assertSeesPool(ctx.actor!, pool);
  if (row.status !== 'final') throw new AppError('CONFLICT', 'This version of the result was reopened: its minutes are no longer valid');
  const view = await resultView(ctx, resultId);
  const stages = pool.setup.instrument.stages;
  const level = (await listLevels(ctx.db, pool.edition.id)).find((l) => l.code === pool.pool.level);
  const province = pool.pool.area ? await findProvince(ctx.db, pool.pool.area) : null;
  const date = formatDate(dateInJakarta(row.finalisedAt));
  const method = (row.result as ScoringResult).pool;

  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `Berita Acara ${pool.edition.label}`, Author: 'Paritrana' } });
  const done = collect(doc);
  const width = doc.page.width - 100;
  doc.font('Helvetica-Bold').fontSize(14).text('BERITA ACARA PENILAIAN', { align: 'center' });
  doc.fontSize(12).text(pool.edition.label.toUpperCase(), { align: 'center' });
  doc.moveDown(0.3).font('Helvetica').fontSize(10).text('Penghargaan Jaminan Sosial Ketenagakerjaan', { align: 'center' });
  doc.moveDown();

  const facts: [string, string][] = [
    ['Kategori', pool.category.nameId],
    ['Tingkat', `${level?.name ?? pool.pool.level}${province ? ` — Provinsi ${province.name}` : ''}`],
    ['Tim penilai', pool.panel.name],
    ['Surat keputusan', [pool.panel.decreeNumber, pool.panel.decreeDate ? formatDate(pool.panel.decreeDate) : null].filter(Boolean).join(', ') || '–'],
    ['Tanggal penetapan', date],
    ['Instrumen', `${pool.setup.instrument.label.id} (${typeof method.instrument === 'string' ? method.instrument : pool.setup.instrument.id})`],
    ['Versi hasil', `${row.version}`],
  ];
  for (const [k, v] of facts) {
    const y = doc.y;
    doc.font('Helvetica-Bold').text(k, 50, y, { width: 130 });
    doc.font('Helvetica').text(`: ${v}`, 180, y, { width: width - 130 });
  }
  doc.moveDown();
  doc.font('Helvetica').text(
    `Pada hari ini, ${date}, tim penilai tersebut di atas telah menyelesaikan penilaian dokumen dan wawancara, dan menetapkan hasil penilaian sebagai berikut.`,
    50,
    doc.y,
    { width },
  );

  doc.moveDown().font('Helvetica-Bold').fontSize(11).text('Anggota tim penilai', 50);
  doc.fontSize(9);
  pool.members.forEach((m, i) => {
    doc.font('Helvetica').text(`${i + 1}. ${m.name} — ${roleLabel[m.role]}, unsur ${unsurLabel(m.unsur, 'id')}${m.title ? ` (${m.title})` : ''}`, 60, doc.y, { width: width - 10 });
  });

  doc.moveDown().font('Helvetica-Bold').fontSize(11).text('Peringkat', 50);
  const columns = [
    { label: 'Peringkat', width: 55 },
    { label: 'Kandidat', width: width - 55 - 60 * stages.length - 60 - 70 },
    ...stages.map((s) => ({ label: s.label.id.split(' (')[0]!, width: 60 })),
    { label: 'Nilai akhir', width: 60 },
    { label: 'Penghargaan', width: 70 },
  ];
  const line = (cells: string[], bold: boolean) => {
    const y = doc.y;
    let x = 50;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8.5);
    let bottom = y;
    cells.forEach((text, i) => {
      doc.text(text, x + 2, y, { width: columns[i]!.width - 4 });
      bottom = Math.max(bottom, doc.y);
      x += columns[i]!.width;
    });
    doc.moveTo(50, bottom + 2).lineTo(50 + width, bottom + 2).lineWidth(0.5).strokeColor('#999999').stroke();
    doc.y = bottom + 5;
  };
  line(columns.map((c) => c.label), true);
  for (const r of view.rows) {
    line(
      [
        String(r.rank),
        r.name,
        ...stages.map((s) => formatNumber(r.stages[s.id] ?? 0, 'id', 2)),
        formatNumber(r.score, 'id', 2),
        `${r.award ? `Juara ${r.award}` : '–'}${r.advances ? ' · maju' : ''}`,
      ],
      false,
    );
  }
  doc.moveDown(0.5).font('Helvetica').fontSize(8).text(
    `Nilai dihitung oleh mesin penilaian Paritrana dari paket penilaian dengan SHA-256 ${row.packageSha256}. ` +
      'Siapa pun dapat menghitung ulang hasil ini dari paket yang diekspor dengan perintah "paritrana score".',
    50,
    doc.y,
    { width },
  );

  doc.moveDown(1.5).font('Helvetica-Bold').fontSize(11).text('Tanda tangan', 50);
  const blockWidth = width / 3;
  pool.members.forEach((m, i) => {
    if (i % 3 === 0) {
      if (doc.y > doc.page.height - 140) doc.addPage();
      doc.moveDown(0.5);
    }
    const top = doc.y;
    const x = 50 + (i % 3) * blockWidth;
    doc.font('Helvetica').fontSize(8.5).text(roleLabel[m.role], x, top, { width: blockWidth - 10 });
    doc.moveTo(x, top + 50).lineTo(x + blockWidth - 20, top + 50).strokeColor('#000000').stroke();
    doc.text(m.name, x, top + 54, { width: blockWidth - 10 });
    doc.y = i % 3 === 2 || i === pool.members.length - 1 ? top + 75 : top;
  });
  doc.end();
  const pdf = await done;
  const area = pool.pool.area ? `-${pool.pool.area}` : '';
  return { pdf, filename: `berita-acara-${pool.category.code}-${pool.pool.level}${area}-v${row.version}.pdf` };
}
