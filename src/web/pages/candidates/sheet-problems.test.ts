import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { id } from '../../../shared/i18n/id.ts';
import { en } from '../../../shared/i18n/en.ts';
import { ApiError } from '../../api.ts';
import { sheetProblems } from './sheet-problems.ts';

const i18n = i18next.createInstance();
await i18n.init({ resources: { id: { translation: id }, en: { translation: en } }, lng: 'id', interpolation: { escapeValue: false } });
const tId = i18n.getFixedT('id');
const tEn = i18n.getFixedT('en');

const refused = (details: ApiError['details']) => new ApiError(400, 'VALIDATION_FAILED', 'refused', details);

describe('the problems of a refused sheet', () => {
  const error = refused([
    { path: 'baris 3.kode_wilayah', message: 'Kabupaten Lampung Tengah is not a region of province 52', reason: 'regency-other-province', values: { name: 'Kabupaten Lampung Tengah', province: '52' } },
    { path: 'baris 4.email', message: 'same as row 2', reason: 'same-as-row', values: { row: 2 } },
    { path: 'province', message: 'unknown province' },
  ]);
  it('says each row in Indonesian, and leaves details without a reason code to the form', () => {
    expect(sheetProblems(error, tId, 'id')).toEqual({
      rows: [
        { row: '3', column: 'kode_wilayah', reason: 'Kabupaten Lampung Tengah bukan wilayah provinsi 52' },
        { row: '4', column: 'email', reason: 'sama dengan baris 2' },
      ],
      file: null,
      noRows: false,
    });
  });
  it('says each row in English', () => {
    expect(sheetProblems(error, tEn, 'en').rows.map((p) => p.reason)).toEqual(['Kabupaten Lampung Tengah is not a region of province 52', 'same as row 2']);
  });
  it('says the file as a whole with its figures in the page’s language, and knows a sheet without rows by its code', () => {
    const tooMany = refused([{ path: 'file', message: 'the file has 5001 rows; at most 5000', reason: 'too-many-rows', values: { count: 5001, max: 5000 } }]);
    expect(sheetProblems(tooMany, tId, 'id')).toEqual({ rows: [], file: 'Berkas berisi 5.001 baris; satu impor paling banyak 5.000 baris. Bagi menjadi beberapa berkas.', noRows: false });
    expect(sheetProblems(refused([{ path: 'file', message: 'no rows', reason: 'no-rows' }]), tEn, 'en')).toEqual({ rows: [], file: 'The file holds the column names only, no rows.', noRows: true });
  });
  it('says an unknown reason code in general words, never the server’s', () => {
    expect(sheetProblems(refused([{ path: 'baris 2.nama', message: 'something new', reason: 'something-new' }]), tId, 'id').rows).toEqual([{ row: '2', column: 'nama', reason: 'baris ini belum benar' }]);
  });
  it('finds nothing in another error', () => {
    expect(sheetProblems(new ApiError(409, 'CONFLICT', 'x'), tId, 'id')).toEqual({ rows: [], file: null, noRows: false });
  });
});
