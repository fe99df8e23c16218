import { describe, expect, it } from 'vitest';
import { checkImportRows, type ImportContext } from './import-rows.ts';

const context = (): ImportContext => ({
  categories: new Map([
    ['pemkab-kota', { id: 'cat-pemda', family: 'pemda', levels: ['provinsi'] }],
    ['usaha-besar', { id: 'cat-besar', family: 'badan-usaha', levels: ['provinsi'] }],
  ]),
  regencies: new Map([
    ['52.03', { name: 'Kabupaten Lombok Timur', provinceCode: '52' }],
    ['52.02', { name: 'Kabupaten Lombok Tengah', provinceCode: '52' }],
    ['18.02', { name: 'Kabupaten Lampung Tengah', provinceCode: '18' }],
  ]),
  provinceCode: '52',
  existing: new Set(['cat-pemda|52.02']),
});

describe('checkImportRows', () => {
  it('turns valid rows into candidates, taking a regency’s official name', () => {
    const { candidates, problems } = checkImportRows(
      [
        { kategori: 'pemkab-kota', kode_wilayah: '52.03', nama: 'ignored', nama_kontak: 'Sekda', email_kontak: 'sekda@lotim.go.id' },
        { kategori: 'usaha-besar', npp: 'NPP12345', nama: 'Bank NTB Syariah', kelas_usaha: 'besar', sektor: 'Keuangan' },
      ],
      context(),
    );
    expect(problems).toEqual([]);
    expect(candidates).toEqual([
      {
        categoryId: 'cat-pemda',
        kind: 'pemda',
        provinceCode: '52',
        regencyCode: '52.03',
        npp: null,
        name: 'Kabupaten Lombok Timur',
        sizeClass: null,
        sector: null,
        address: null,
        contacts: [{ name: 'Sekda', position: null, phone: null, email: 'sekda@lotim.go.id' }],
      },
      {
        categoryId: 'cat-besar',
        kind: 'badan-usaha',
        provinceCode: '52',
        regencyCode: null,
        npp: 'NPP12345',
        name: 'Bank NTB Syariah',
        sizeClass: 'besar',
        sector: 'Keuangan',
        address: null,
        contacts: [],
      },
    ]);
  });

  it('names every problem of every row with its sheet row and column, in Indonesian', () => {
    const { candidates, problems } = checkImportRows(
      [
        { kategori: 'desa' },
        { kategori: 'pemkab-kota', kode_wilayah: '18.02' },
        { kategori: 'pemkab-kota', kode_wilayah: '52.02' },
        { kategori: 'usaha-besar', npp: 'x', kelas_usaha: 'raksasa', email_kontak: 'bukan-email' },
        { kategori: 'pemkab-kota', kode_wilayah: '52.03' },
        { kategori: 'pemkab-kota', kode_wilayah: '52.03' },
        { kategori: '' },
      ],
      context(),
    );
    expect(candidates).toHaveLength(1);
    expect(problems).toEqual([
      { row: 2, column: 'kategori', message: 'kategori "desa" tidak ada dalam edisi ini' },
      { row: 3, column: 'kode_wilayah', message: 'Kabupaten Lampung Tengah bukan wilayah provinsi 52' },
      { row: 4, column: 'baris', message: '52.02 sudah menjadi kandidat kategori pemkab-kota' },
      { row: 5, column: 'npp', message: 'NPP "x" tidak sah (5–20 huruf atau angka)' },
      { row: 5, column: 'nama', message: 'wajib diisi untuk badan usaha' },
      { row: 5, column: 'kelas_usaha', message: 'harus salah satu dari besar, menengah, kecil, mikro' },
      { row: 5, column: 'email_kontak', message: 'alamat e-mail "bukan-email" tidak sah' },
      { row: 5, column: 'nama_kontak', message: 'wajib diisi bila ada telepon atau e-mail kontak' },
      { row: 7, column: 'baris', message: 'sama dengan baris 6' },
      { row: 8, column: 'kategori', message: 'wajib diisi' },
    ]);
  });
});
