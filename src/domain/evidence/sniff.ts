/**
 * Evidence types, told by their content and never by their file name.
 */
export type EvidenceType = 'pdf' | 'png' | 'jpeg' | 'xlsx' | 'pptx' | 'docx';

export const evidenceMime: Record<EvidenceType, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((b, i) => bytes[i] === b);

function contains(bytes: Uint8Array, text: string): boolean {
  const needle = Array.from(text, (c) => c.charCodeAt(0));
  outer: for (let i = 0; i <= bytes.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** The type of a file from its bytes, or null when it is none of the accepted ones. */
export function sniffEvidence(bytes: Uint8Array): EvidenceType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  // XLSX is a ZIP package holding a workbook part.
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) && contains(bytes, 'xl/workbook.xml')) return 'xlsx';
  // Slides (PPTX) and documents (DOCX) are ZIP packages too: an Open XML
  // package declares its parts in [Content_Types].xml and holds the
  // presentation under ppt/ or the document under word/ (names are stored
  // uncompressed in the ZIP headers).
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) && contains(bytes, '[Content_Types].xml')) {
    if (contains(bytes, 'ppt/presentation.xml')) return 'pptx';
    if (contains(bytes, 'word/document.xml')) return 'docx';
  }
  return null;
}
