import { beforeAll, describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { id } from '../../shared/i18n/id.ts';
import { en } from '../../shared/i18n/en.ts';
import { editionPhaseKinds, roles } from '../../shared/contracts/index.ts';
import { actionLabel, categoryName, levelTitle, missingLabel, roleLabel } from './labels.ts';

describe('labels shown instead of codes', () => {
  const t = i18next.createInstance({ resources: { id: { translation: id }, en: { translation: en } }, lng: 'id' });
  beforeAll(async () => {
    await t.init();
  });

  it("say the levels every edition starts with in the reader's language, and a zone by its own name", async () => {
    // The names every new edition's levels start with (src/domain/editions/catalogue.ts).
    const names = ['Tingkat Provinsi', 'Tingkat Nasional'];
    expect(names.map((n) => levelTitle(n, t.t))).toEqual(['Tingkat Provinsi', 'Tingkat Nasional']);
    const english = t.cloneInstance({ lng: 'en' });
    await english.changeLanguage('en');
    expect(names.map((n) => levelTitle(n, english.t))).toEqual(['Provincial level', 'National level']);
    expect(levelTitle('Zona Sumatera', english.t)).toBe('Zona Sumatera');
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

  it('name roles with their province by name, never by code', async () => {
    const provinces = [{ code: '52', name: 'Nusa Tenggara Barat' }];
    expect(roleLabel({ role: 'provincial_admin', provinceCode: '52' }, t.t, provinces)).toBe('Admin provinsi, Nusa Tenggara Barat');
    expect(roleLabel({ role: 'provincial_admin', provinceCode: '52' }, t.t, undefined)).toBe('Admin provinsi, Provinsi berkode 52');
    expect(roleLabel({ role: 'national_admin', provinceCode: null }, t.t, provinces)).toBe('Admin nasional');
    await t.changeLanguage('en');
    expect(roleLabel({ role: 'verifier', provinceCode: '52' }, t.t, provinces)).toBe('Verifier, Nusa Tenggara Barat');
    await t.changeLanguage('id');
  });

  it('have a label in both languages for every role and edition phase', () => {
    for (const messages of [id, en]) {
      for (const role of roles) expect(messages.roles[role], role).toMatch(/\S/);
      for (const kind of editionPhaseKinds) expect(messages.phase[kind], kind).toMatch(/\S/);
    }
  });
});
