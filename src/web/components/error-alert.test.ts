import { beforeAll, describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { id } from '../../shared/i18n/id.ts';
import { en } from '../../shared/i18n/en.ts';
import { ApiError } from '../api.ts';
import { alertContent } from './error-alert.tsx';

const refusal = (...paths: string[]) =>
  new ApiError(
    400,
    'VALIDATION_FAILED',
    'body.name: too short',
    paths.map((path) => ({ path, message: 'Too small: expected string to have >=2 characters' })),
  );

describe('the error alert of a form', () => {
  const i = i18next.createInstance({ resources: { id: { translation: id }, en: { translation: en } }, lng: 'id' });
  beforeAll(async () => {
    await i.init();
  });
  const t = (key: string, options?: Record<string, unknown>) => i.t(key, options);

  it('says "check the marked fields" only when a field on screen is marked, and lists only the rest', () => {
    const both = refusal('body.name', 'body.roles.0.provinceCode');
    expect(alertContent(both, { marked: { name: 'Nama 2–120 karakter.' }, form: 'user', english: false }, t)).toEqual({
      title: 'Data belum benar. Periksa isian yang ditandai.',
      message: null,
      lines: ['Pilih provinsi dari daftar.'],
    });
  });

  it('names the rules under another title when no field is marked', async () => {
    expect(alertContent(refusal('body.name'), { marked: {}, form: 'user', english: false }, t)).toEqual({
      title: 'Isian belum lengkap atau tidak valid',
      message: null,
      lines: ['Nama 2–120 karakter.'],
    });
    // A form that marks nothing at all, in English: the rule, never the server's words.
    await i.changeLanguage('en');
    const said = alertContent(refusal('body.password'), { english: true }, t);
    expect(said).toEqual({ title: 'Some entries are missing or invalid', message: null, lines: ['At least 12 characters; common passwords are refused.'] });
    expect(JSON.stringify(said)).not.toMatch(/body\.|expected string|Too small/);
    await i.changeLanguage('id');
  });

  it("says another refusal by its translated title, and on English pages by the server's sentence, never by its raw details", async () => {
    const stale = new ApiError(409, 'CONFLICT', 'The self-assessment changed elsewhere; reload to see the newest version', [{ path: 'version', message: '3' }]);
    const indonesian = alertContent(stale, { english: false }, t);
    expect(indonesian.lines).toEqual([]);
    expect(indonesian.message).toBeNull();
    await i.changeLanguage('en');
    const english = alertContent(stale, { english: true }, t);
    expect(english).toEqual({ title: english.title, message: 'The self-assessment changed elsewhere; reload to see the newest version', lines: [] });
    expect(JSON.stringify(english)).not.toContain('version: 3');
    await i.changeLanguage('id');
  });
});
