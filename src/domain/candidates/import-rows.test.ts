import { describe, expect, it } from 'vitest';
import { reasoned } from '../sheets/row-reasons.ts';
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
        level: 'provinsi',
        kind: 'pemda',
        provinceCode: '52',
        regencyCode: '52.03',
        villageCode: null,
        npp: null,
        name: 'Kabupaten Lombok Timur',
        sizeClass: null,
        sector: null,
        address: null,
        contacts: [{ name: 'Sekda', position: null, phone: null, email: 'sekda@lotim.go.id' }],
      },
      {
        categoryId: 'cat-besar',
        level: 'provinsi',
        kind: 'badan-usaha',
        provinceCode: '52',
        regencyCode: null,
        villageCode: null,
        npp: 'NPP12345',
        name: 'Bank NTB Syariah',
        sizeClass: 'besar',
        sector: 'Keuangan',
        address: null,
        contacts: [],
      },
    ]);
  });

  it('takes a provincial government by its province, keeping its name, at the category’s first level', () => {
    const ctx = {
      ...context(),
      categories: new Map([['pemprov', { id: 'cat-prov', family: 'pemda', levels: ['nasional'] }]]),
      provinces: new Map([['52', 'Nusa Tenggara Barat']]),
    };
    const { candidates, problems } = checkImportRows([{ kategori: 'pemprov', kode_wilayah: '52' }], ctx);
    expect(problems).toEqual([]);
    expect(candidates[0]).toMatchObject({ categoryId: 'cat-prov', level: 'nasional', kind: 'pemda', provinceCode: '52', regencyCode: null, villageCode: null, name: 'Pemerintah Provinsi Nusa Tenggara Barat' });
    expect(checkImportRows([{ kategori: 'pemprov', nama: 'Pemprov NTB' }], ctx).candidates[0]!.name).toBe('Pemprov NTB');
    expect(checkImportRows([{ kategori: 'pemprov', kode_wilayah: '52.03' }], ctx).problems).toEqual([
      { row: 2, column: 'kode_wilayah', ...reasoned('province-code', { province: '52', value: '52.03' }) },
    ]);
    expect(checkImportRows([{ kategori: 'pemprov' }, { kategori: 'pemprov' }], ctx).problems).toEqual([{ row: 3, column: 'baris', ...reasoned('same-as-row', { row: 2 }) }]);
    expect(checkImportRows([{ kategori: 'pemprov' }], { ...ctx, existing: new Set(['cat-prov|provinsi:52']) }).problems[0]).toMatchObject({
      reason: 'already-candidate',
      values: { name: 'Pemerintah Provinsi Nusa Tenggara Barat', category: 'pemprov' },
    });
  });

  it('takes villages by their village code, several of one regency, keeping the village’s name', () => {
    const villages = new Map([
      ['52.03.01.2001', { name: 'Tanjung Luar', regencyCode: '52.03' }],
      ['52.03.01.2002', { name: 'Pijot', regencyCode: '52.03' }],
      ['18.02.01.2001', { name: 'Gunung Sugih', regencyCode: '18.02' }],
    ]);
    const ctx = { ...context(), categories: new Map([['desa', { id: 'cat-desa', family: 'desa', levels: ['provinsi'] }]]), village: (code: string) => villages.get(code) };
    const { candidates, problems } = checkImportRows(
      [
        { kategori: 'desa', kode_wilayah: '52.03.01.2001' },
        { kategori: 'desa', kode_wilayah: '52.03.01.2002', nama: 'Desa Pijot Sejahtera' },
      ],
      ctx,
    );
    expect(problems).toEqual([]);
    expect(candidates.map((c) => [c.villageCode, c.regencyCode, c.name])).toEqual([
      ['52.03.01.2001', null, 'Desa Tanjung Luar'],
      ['52.03.01.2002', null, 'Desa Pijot Sejahtera'],
    ]);
    expect(checkImportRows([{ kategori: 'desa', kode_wilayah: '52.03' }, { kategori: 'desa', kode_wilayah: '18.02.01.2001' }, { kategori: 'desa' }], ctx).problems).toEqual([
      { row: 2, column: 'kode_wilayah', ...reasoned('village-unknown', { value: '52.03' }) },
      { row: 3, column: 'kode_wilayah', ...reasoned('village-other-province', { name: 'Gunung Sugih', province: '52' }) },
      { row: 4, column: 'kode_wilayah', ...reasoned('village-code-required') },
    ]);
  });

  it('names every problem of every row with its sheet row and column, by its reason code', () => {
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
      { row: 2, column: 'kategori', ...reasoned('category-unknown', { value: 'desa' }) },
      { row: 3, column: 'kode_wilayah', ...reasoned('regency-other-province', { name: 'Kabupaten Lampung Tengah', province: '52' }) },
      { row: 4, column: 'baris', ...reasoned('already-candidate', { name: '52.02', category: 'pemkab-kota' }) },
      { row: 5, column: 'npp', ...reasoned('npp-invalid', { value: 'x' }) },
      { row: 5, column: 'nama', ...reasoned('company-required') },
      { row: 5, column: 'kelas_usaha', ...reasoned('size-class', { allowed: 'besar, menengah, kecil, mikro' }) },
      { row: 5, column: 'email_kontak', ...reasoned('email-invalid', { value: 'bukan-email' }) },
      { row: 5, column: 'nama_kontak', ...reasoned('contact-name-required') },
      { row: 7, column: 'baris', ...reasoned('same-as-row', { row: 6 }) },
      { row: 8, column: 'kategori', ...reasoned('required') },
    ]);
  });
});
