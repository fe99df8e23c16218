import { inflateSync } from 'node:zlib';

/** The characters of WinAnsi (the encoding of PDF's standard fonts) that differ from Latin-1. */
const winAnsi: Record<number, string> = { 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x95: '•', 0x96: '–', 0x97: '—', 0x85: '…' };

/**
 * The text a PDF drawn by pdfkit with its standard fonts shows, one string
 * per text run in drawing order, and its number of pages: the content
 * streams are inflated and their `TJ` runs decoded. Enough to check what a
 * document says without a PDF library.
 */
export function pdfText(pdf: Buffer): { lines: string[]; pages: number } {
  const raw = pdf.toString('latin1');
  const lines: string[] = [];
  let at = 0;
  for (;;) {
    const start = raw.indexOf('>>\nstream\n', at);
    if (start < 0) break;
    const end = raw.indexOf('\nendstream', start);
    if (end < 0) break;
    at = end + 10;
    let content: string;
    try {
      content = inflateSync(pdf.subarray(start + 10, end)).toString('latin1');
    } catch {
      continue; // an image or font stream, not compressed content
    }
    for (const run of content.matchAll(/\[(.*?)\] TJ/g)) {
      const bytes = [...run[1]!.matchAll(/<([0-9a-f]*)>/g)].flatMap((h) => [...Buffer.from(h[1]!, 'hex')]);
      lines.push(bytes.map((b) => winAnsi[b] ?? String.fromCharCode(b)).join(''));
    }
  }
  return { lines, pages: (raw.match(/\/Type \/Page\b/g) ?? []).length };
}
