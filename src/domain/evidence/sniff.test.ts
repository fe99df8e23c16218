import { describe, expect, it } from 'vitest';
import { sniffEvidence } from './sniff.ts';

const bytes = (...parts: (number[] | string)[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? Array.from(p, (c) => c.charCodeAt(0)) : p)));

describe('sniffEvidence', () => {
  it('knows PDF, PNG, JPEG and XLSX by their bytes', () => {
    expect(sniffEvidence(bytes('%PDF-1.7\n'))).toBe('pdf');
    expect(sniffEvidence(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toBe('png');
    expect(sniffEvidence(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
    expect(sniffEvidence(bytes([0x50, 0x4b, 0x03, 0x04], '....[Content_Types].xml....xl/workbook.xml'))).toBe('xlsx');
  });
  it('knows presentation slides (PPTX) and documents (DOCX) by their package parts', () => {
    const zip = (...names: string[]) => bytes([0x50, 0x4b, 0x03, 0x04], ...names.map((n) => `....${n}....`));
    expect(sniffEvidence(zip('[Content_Types].xml', '_rels/.rels', 'ppt/presentation.xml', 'ppt/slides/slide1.xml'))).toBe('pptx');
    expect(sniffEvidence(zip('[Content_Types].xml', '_rels/.rels', 'word/document.xml'))).toBe('docx');
    // A ZIP naming the part without declaring its content types is not an Open XML package.
    expect(sniffEvidence(zip('ppt/presentation.xml'))).toBeNull();
    // Nor is a package without the part, or the same names outside a ZIP.
    expect(sniffEvidence(zip('[Content_Types].xml', 'docProps/app.xml'))).toBeNull();
    expect(sniffEvidence(bytes('....[Content_Types].xml....word/document.xml'))).toBeNull();
  });
  it('refuses anything else, whatever its name would say', () => {
    expect(sniffEvidence(bytes('MZ\x90\x00'))).toBeNull(); // a Windows program
    expect(sniffEvidence(bytes([0x50, 0x4b, 0x03, 0x04], 'word/document.xml'))).toBeNull(); // a DOCX
    expect(sniffEvidence(bytes('<html>%PDF-'))).toBeNull();
    expect(sniffEvidence(new Uint8Array())).toBeNull();
  });
});
