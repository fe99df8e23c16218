import { beforeAll, describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { id } from '../../shared/i18n/id.ts';
import { en } from '../../shared/i18n/en.ts';
import { actionLabel, categoryName, missingLabel } from './labels.ts';

describe('labels shown instead of codes', () => {
  const t = i18next.createInstance({ resources: { id: { translation: id }, en: { translation: en } }, lng: 'id' });
  beforeAll(async () => {
    await t.init();
  });

  it('say what is missing from a self-assessment in words', () => {
    expect(missingLabel('regulations.0.evidenceIds', t.t)).toBe('Regulasi #1: bukti terlampir');
    expect(missingLabel('innovation.narrative', t.t)).toBe('Inovasi: uraian (minimal 50 karakter)');
    expect(missingLabel('regulations', t.t)).toBe('Regulasi: minimal satu entri');
    expect(missingLabel('workers', t.t)).toBe('Jumlah pekerja: wajib diisi');
  });

  it('name categories and history entries in the reader’s language', () => {
    const categories = [{ code: 'pemkab-kota', nameId: 'Pemerintah Kabupaten/Kota', nameEn: 'Regency/City Government' }];
    expect(categoryName(categories, 'pemkab-kota', 'en')).toBe('Regency/City Government');
    expect(categoryName(categories, 'desa', 'id')).toBe('desa');
    expect(actionLabel('self-assessment.submit', t.t)).toBe('Penilaian mandiri dikirim');
    expect(actionLabel('candidate.registration.approve', t.t)).toBe('Pendaftaran disetujui');
  });
});
