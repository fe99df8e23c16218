import { beforeAll, describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { id } from '../shared/i18n/id.ts';
import { en } from '../shared/i18n/en.ts';
import { ApiError } from './api.ts';
import { fieldErrorsOf, fieldMessage, requiredErrors, shownField } from './field-errors.ts';

const refusal = (...paths: string[]) =>
  new ApiError(
    400,
    'VALIDATION_FAILED',
    'Invalid input',
    paths.map((path) => ({ path, message: 'Invalid input: expected string, received null' })),
  );

describe('field errors in the user’s language', () => {
  const i = i18next.createInstance({ resources: { id: { translation: id }, en: { translation: en } }, lng: 'id' });
  beforeAll(async () => {
    await i.init();
  });
  const t = (key: string, options?: Record<string, unknown>) => i.t(key, options);

  it('say each form’s own rule: a user’s name is 2–120 characters, a candidate’s 2–200', async () => {
    expect(fieldMessage('body.name', t, 'user')).toBe('Nama 2–120 karakter.');
    expect(fieldMessage('body.name', t)).toBe('Nama 2–200 karakter.');
    expect(fieldMessage('body.name', t, 'panel')).toBe('Nama tim 3–200 karakter.');
    // A form without a rule of its own for a field falls back to the common one.
    expect(fieldMessage('body.email', t, 'user')).toBe('Tulis alamat e-mail yang sah, atau alamat ini sudah dipakai.');
    await i.changeLanguage('en');
    expect(fieldMessage('body.name', t, 'user')).toBe('A name of 2 to 120 characters.');
    expect(fieldMessage('body.unknownField', t, 'user')).toBe('This entry is not valid.');
    await i.changeLanguage('id');
  });

  it('mark only the fields the form shows, never with the server’s words', () => {
    const marked = fieldErrorsOf(refusal('body.name', 'body.roles.0.provinceCode'), t, { form: 'user', fields: ['name', 'email'] });
    expect(marked).toEqual({ name: 'Nama 2–120 karakter.' });
    expect(fieldErrorsOf(refusal('body.name'), t)).toEqual({ name: 'Nama 2–200 karakter.' });
    expect(fieldErrorsOf(new ApiError(409, 'CONFLICT', 'taken', [{ path: 'name', message: 'taken' }]), t)).toEqual({});
  });

  it('show an entry of a list on the list’s field, with the list’s rule', () => {
    expect(shownField('provinceCodes.2', ['code', 'provinceCodes'])).toBe('provinceCodes');
    expect(shownField('roles.0.provinceCode', ['name'])).toBeNull();
    expect(fieldErrorsOf(refusal('body.provinceCodes.1'), t, { form: 'level', fields: ['code', 'provinceCodes'] })).toEqual({
      provinceCodes: 'Zona memuat paling sedikit satu provinsi, masing-masing sekali dan tidak di zona lain; tingkat lain tidak memuat provinsi.',
    });
    // A form that names its fields otherwise than the server (a milestone by its kind, not its place in the list).
    const byKind = (path: string) => path.replace(/^milestones\.1\./, 'interview.');
    expect(fieldErrorsOf(refusal('body.milestones.1.endsOn'), t, { form: 'timeline', fields: ['interview.endsOn'], name: byKind })).toEqual({
      'interview.endsOn': 'Tanggal selesai tidak boleh sebelum tanggal mulai.',
    });
  });

  it('say a path by the rule of the field the form shows it on, when the path itself has none', () => {
    // A file is refused by its own name; the import shows every file on one field.
    const byFile = (path: string) => (path.startsWith('files.') ? 'files' : path);
    expect(fieldErrorsOf(refusal('files.peserta.csv'), t, { form: 'coverageImport', fields: ['files', 'year'], name: byFile })).toEqual({
      files: 'Ekstrak memuat lima berkas bernama workforce, min_wage, employers, participants, dan contributions, masing-masing .csv, .csv.gz, atau .parquet.',
    });
    // The form's own rule for the field it shows comes before the common rule of the path's last word.
    expect(fieldMessage('body.roles.0.provinceCode', t, 'user', 'province')).toBe(
      'Pilih provinsi dari daftar; admin provinsi dan verifikator wajib berprovinsi, dan panitia provinsi hanya memberi peran di provinsinya.',
    );
    expect(fieldMessage('body.provinceCode', t)).toBe('Pilih provinsi dari daftar.');
  });

  it('find blank required fields, lists included, before sending', () => {
    expect(requiredErrors({ name: ' ', area: null, codes: [], label: 'ok', minJurors: 5 }, t)).toEqual({ name: 'Wajib diisi.', area: 'Wajib diisi.', codes: 'Wajib diisi.' });
  });
});
