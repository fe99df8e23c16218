import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { formatCode } from '../../domain/publication/certificate-code.ts';
import type { CertificatePayload } from '../../shared/contracts/index.ts';
import { formatDate } from '../../shared/i18n/format.ts';

const teal = '#087f5b';
const gold = '#b08d1a';
const ink = '#212529';

/** Collects the document's bytes; call `finish` once everything is drawn. */
function collector(doc: PDFKit.PDFDocument): { finish: () => Promise<Buffer> } {
  const chunks: Buffer[] = [];
  const ended = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return {
    finish: () => {
      doc.end();
      return ended;
    },
  };
}

/** The largest font size (down to `min`) at which the text fits the width on one line. */
function fitSize(doc: PDFKit.PDFDocument, font: string, text: string, width: number, max: number, min: number): number {
  let size = max;
  doc.font(font);
  while (size > min && doc.fontSize(size).widthOfString(text) > width) size -= 1;
  return size;
}

/** "Tingkat Provinsi Nusa Tenggara Barat", "Tingkat Nasional", "Zona Sumatera". */
export function levelLine(p: Pick<CertificatePayload, 'level' | 'area'>): string {
  if (p.level.kind === 'provinsi') return p.area ? `Tingkat Provinsi ${p.area.name}` : p.level.name;
  return p.level.name;
}

/**
 * The certificate (*piagam*) as a one-page A4 landscape PDF, drawn only from
 * the signed payload: edition, winner, award, category and level, the
 * ceremony's place and date, the signatories, and a QR code and short code
 * that lead to the public verification page.
 */
export async function certificatePdf(p: CertificatePayload, verifyUrl: string): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 0,
    info: { Title: `Piagam ${p.edition.label} — ${p.candidate.displayName}`, Author: 'Paritrana', Subject: `Kode verifikasi ${formatCode(p.code)}` },
  });
  const out = collector(doc);
  const W = doc.page.width;
  const H = doc.page.height;
  doc.rect(18, 18, W - 36, H - 36).lineWidth(4).strokeColor(teal).stroke();
  doc.rect(28, 28, W - 56, H - 56).lineWidth(1).strokeColor(gold).stroke();

  const inner = { x: 70, width: W - 140 };
  const centred = (text: string, font: string, size: number, color: string, gap = 0) => {
    doc.font(font).fontSize(size).fillColor(color).text(text, inner.x, doc.y + gap, { width: inner.width, align: 'center' });
  };
  doc.y = 60;
  centred('PENGHARGAAN JAMINAN SOSIAL KETENAGAKERJAAN', 'Helvetica', 10, ink);
  centred('PIAGAM PENGHARGAAN', 'Times-Bold', 34, teal, 10);
  centred(p.edition.label.toUpperCase(), 'Helvetica-Bold', 15, gold, 2);
  centred('diberikan kepada', 'Times-Italic', 13, ink, 24);
  centred(p.candidate.displayName, 'Times-Bold', fitSize(doc, 'Times-Bold', p.candidate.displayName, inner.width, 28, 16), ink, 8);
  centred('sebagai', 'Times-Italic', 13, ink, 14);
  centred(`JUARA ${p.award}`, 'Helvetica-Bold', 24, teal, 4);
  centred(`Kategori ${p.category.name} · ${levelLine(p)}`, 'Helvetica', 13, ink, 10);
  centred('atas komitmen dan kontribusinya dalam memperluas perlindungan jaminan sosial ketenagakerjaan.', 'Times-Italic', 12, ink, 12);
  if (p.ceremony) centred(`${p.ceremony.place ? `${p.ceremony.place}, ` : ''}${formatDate(p.ceremony.date)}`, 'Helvetica', 11, ink, 18);

  // Signatories along the bottom, right of the verification block.
  const area = { x: 190, width: W - 190 - 60 };
  const perRow = Math.min(3, Math.max(1, p.signatories.length));
  const sigTop = H - 60 - Math.ceil(p.signatories.length / perRow) * 84;
  const column = area.width / perRow;
  p.signatories.forEach((s, i) => {
    const row = Math.floor(i / perRow);
    const x = area.x + (i % perRow) * column;
    const y = sigTop + row * 84;
    doc.font('Helvetica').fontSize(9.5).fillColor(ink).text(s.title, x + 6, y, { width: column - 12, align: 'center' });
    doc.moveTo(x + 40, y + 56).lineTo(x + column - 40, y + 56).lineWidth(0.6).strokeColor(ink).stroke();
    doc.font('Helvetica-Bold').fontSize(10.5).text(s.name, x + 6, y + 60, { width: column - 12, align: 'center' });
  });

  // Verification: QR code, the short code and the address of the verification page.
  const qr = await QRCode.toBuffer(verifyUrl, { errorCorrectionLevel: 'M', margin: 0, width: 240 });
  const qrSize = 74;
  const qrY = H - 84 - qrSize;
  doc.image(qr, 50, qrY, { width: qrSize, height: qrSize });
  doc.font('Helvetica').fontSize(7.5).fillColor(ink).text('Periksa keaslian piagam ini:', 50, qrY + qrSize + 4, { width: 140 });
  doc.font('Helvetica-Bold').fontSize(10).text(formatCode(p.code), 50, doc.y + 1, { width: 140 });
  doc.font('Helvetica').fontSize(6.5).fillColor('#495057').text(verifyUrl, 50, doc.y + 1, { width: 135 });
  return out.finish();
}
