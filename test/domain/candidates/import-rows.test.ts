import { describe, expect, it } from 'vitest';
import { reasoned } from '../../../src/domain/sheets/row-reasons.ts';
import { checkImportRows, checkImportRowsInSlices, checkSliceRows, isEmailAddress, maxCellLength, type ImportContext } from '../../../src/domain/candidates/import-rows.ts';

const context: ImportContext = {
  categories: new Map([['pemkab-kota', { id: 'cat-pemda', family: 'pemda', levels: ['provinsi'] }]]),
  regencies: new Map([['52.04', { name: 'Kabupaten Sumbawa', provinceCode: '52' }]]),
  provinceCode: '52',
  existing: new Set(),
};
const row = { kategori: 'pemkab-kota', kode_wilayah: '52.04', nama_kontak: 'Kepala Disnaker' };

describe('import rows', () => {
  it('refuse a 60 KB cell with a row error, before any other check reads it', () => {
    const long = `x@${'a'.repeat(60_000)}`;
    expect(checkImportRows([{ ...row, email_kontak: long }], context)).toEqual({
      candidates: [],
      problems: [{ row: 2, column: 'email_kontak', ...reasoned('too-long', { length: 60002, max: 500 }) }],
    });
    expect(checkImportRows([{ ...row, alamat: 'j'.repeat(maxCellLength + 1), sektor: 's'.repeat(maxCellLength) }], context).problems).toEqual([
      { row: 2, column: 'alamat', ...reasoned('too-long', { length: 501, max: 500 }) },
    ]);
  });

  it('still take an ordinary row with its contact’s e-mail', () => {
    const { candidates, problems } = checkImportRows([{ ...row, email_kontak: 'disnaker@sumbawakab.go.id' }], context);
    expect(problems).toEqual([]);
    expect(candidates.map((c) => [c.name, c.contacts[0]?.email])).toEqual([['Kabupaten Sumbawa', 'disnaker@sumbawakab.go.id']]);
    expect(checkImportRows([{ ...row, email_kontak: 'bukan e-mail' }], context).problems).toEqual([{ row: 2, column: 'email_kontak', ...reasoned('email-invalid', { value: 'bukan e-mail' }) }]);
  });

  it('check a long sheet in slices with turns of the event loop between them, finding the same problems', async () => {
    const employers: ImportContext = { ...context, categories: new Map([['usaha-besar', { id: 'cat-ub', family: 'badan-usaha', levels: ['provinsi'] }]]) };
    const rows = Array.from({ length: 3 * checkSliceRows + 7 }, (_, i) => ({ kategori: 'usaha-besar', npp: `NPP${100000 + i}`, nama: `PT Uji ${i}`, kelas_usaha: 'besar' }));
    // A duplicate in the last slice of a row in the first, and a bad row in the middle.
    rows[3 * checkSliceRows + 2] = { ...rows[1]! };
    rows[checkSliceRows + 5] = { ...rows[checkSliceRows + 5]!, kelas_usaha: 'raksasa' };
    let turns = 0;
    const sliced = await checkImportRowsInSlices(rows, employers, {
      yieldNow: async () => {
        turns++;
        await new Promise<void>((resolve) => setImmediate(resolve));
      },
    });
    expect(turns).toBe(3);
    expect(sliced).toEqual(checkImportRows(rows, employers));
    expect(sliced.problems).toEqual([
      { row: checkSliceRows + 7, column: 'kelas_usaha', ...reasoned('size-class', { allowed: 'besar, menengah, kecil, mikro' }) },
      { row: 3 * checkSliceRows + 4, column: 'baris', ...reasoned('same-as-row', { row: 3 }) },
    ]);
    expect(sliced.candidates).toHaveLength(rows.length - 2);
  });

  it('check an e-mail address the way the template explains it', () => {
    expect(['a@b.co', 'nama.depan+tag@dinas.sumbawakab.go.id', 'x@y.z'].map(isEmailAddress)).toEqual([true, true, true]);
    expect(['', '@b.co', 'a@', 'a@b', 'a@b.', 'a@.b', 'a@@b.co', 'a@b@c.co', 'a b@c.co', 'a@b.c o', 'a@b.co\n'].map(isEmailAddress)).toEqual(Array(11).fill(false));
  });

  it('answer at once on the input that made the old pattern quadratic', () => {
    // "a@" followed by tens of thousands of characters and no dot made /^[^\s@]+@[^\s@]+\.[^\s@]+$/ try every split.
    expect(isEmailAddress(`a@${'a'.repeat(200_000)}`)).toBe(false);
    expect(isEmailAddress(`a@${'a'.repeat(200_000)}@`)).toBe(false);
    expect(isEmailAddress(`${'a'.repeat(200_000)}@b.co`)).toBe(true);
  });
});
