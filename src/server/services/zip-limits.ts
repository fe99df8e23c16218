import { inflateRawSync } from 'node:zlib';
import { AppError } from '../../domain/errors.ts';

/** What an uploaded spreadsheet (a zip) may hold once opened. */
export const zipLimits = { maxUncompressedBytes: 50 * 1024 * 1024, maxEntries: 100 };

const refuse = (reason: string) =>
  new AppError('VALIDATION_FAILED', `Berkas XLSX ditolak: ${reason} / XLSX file refused`, [{ path: 'file', message: reason }]);

/**
 * Checks a zip (an XLSX) before anything inflates it: reads the central
 * directory and refuses more than `maxEntries` entries or more than
 * `maxUncompressedBytes` in all once opened. Then inflates each entry with
 * its declared size as the ceiling, so that a directory that lies about
 * sizes is refused too, never inflated past the limit.
 */
export function checkZipLimits(zip: Buffer, limits = zipLimits): void {
  // End of central directory: 22 bytes plus a comment of at most 65,535.
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65_535); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw refuse('bukan arsip zip yang utuh');
  const entries = zip.readUInt16LE(eocd + 10);
  const directorySize = zip.readUInt32LE(eocd + 12);
  const directoryOffset = zip.readUInt32LE(eocd + 16);
  if (entries === 0xffff || directoryOffset === 0xffffffff) throw refuse('arsip zip64 tidak diterima');
  if (entries > limits.maxEntries) throw refuse(`berisi ${entries} berkas, paling banyak ${limits.maxEntries}`);
  if (directoryOffset + directorySize > eocd) throw refuse('direktori zip rusak');
  const found: { method: number; compressed: number; size: number; localOffset: number }[] = [];
  let total = 0;
  let at = directoryOffset;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > eocd || zip.readUInt32LE(at) !== 0x02014b50) throw refuse('direktori zip rusak');
    const entry = { method: zip.readUInt16LE(at + 10), compressed: zip.readUInt32LE(at + 20), size: zip.readUInt32LE(at + 24), localOffset: zip.readUInt32LE(at + 42) };
    total += entry.size;
    if (total > limits.maxUncompressedBytes) {
      throw refuse(`isinya lebih dari ${Math.round(limits.maxUncompressedBytes / 1024 / 1024)} MB setelah dibuka`);
    }
    found.push(entry);
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  for (const entry of found) {
    const local = entry.localOffset;
    if (local + 30 > zip.length || zip.readUInt32LE(local) !== 0x04034b50) throw refuse('direktori zip rusak');
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + entry.compressed);
    if (entry.method === 0) {
      if (entry.compressed !== entry.size) throw refuse('ukuran berkas dalam zip tidak cocok');
      continue;
    }
    if (entry.method !== 8) throw refuse('metode kompresi tidak dikenal');
    try {
      // One byte over the declared size is enough to know the directory lied.
      const out = inflateRawSync(data, { maxOutputLength: entry.size + 1 });
      if (out.length !== entry.size) throw new Error('size');
    } catch {
      throw refuse('ukuran berkas dalam zip tidak sesuai isinya');
    }
  }
}
