import { beforeAll, describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { id } from '../../shared/i18n/id.ts';
import { en } from '../../shared/i18n/en.ts';
import { jobFailureReason } from '../../shared/contracts/index.ts';
import { jobFailureText } from './job-progress.tsx';

describe("a failed job's reason", () => {
  const i18n = i18next.createInstance({ resources: { id: { translation: id }, en: { translation: en } }, lng: 'id' });
  let english: typeof i18n;
  beforeAll(async () => {
    await i18n.init();
    english = i18n.cloneInstance({ lng: 'en' });
    await english.changeLanguage('en');
  });
  const server = 'A candidate in the file was added meanwhile; nothing was saved.';

  it("is said in the reader's language for every reason the server names", () => {
    expect(jobFailureText({ error: server, errorReason: 'added-meanwhile' }, i18n.t)).toBe('Kandidat dalam berkas ditambahkan selama impor berjalan; tidak ada yang disimpan.');
    expect(jobFailureText({ error: server, errorReason: 'added-meanwhile' }, english.t)).toBe(server);
    for (const reason of jobFailureReason.options) {
      const said = jobFailureText({ error: 'x', errorReason: reason }, i18n.t);
      expect(said, reason).not.toContain('jobs.errors');
      expect(said).not.toBe(jobFailureText({ error: 'x', errorReason: reason }, english.t));
    }
  });

  it("calls any other failure unexpected, in the reader's language, with the server's message as the detail", () => {
    expect(jobFailureText({ error: 'connection terminated', errorReason: null }, i18n.t)).toBe('kesalahan tak terduga di server. Sampaikan rincian ini kepada tim teknis: connection terminated');
    expect(jobFailureText({ error: null, errorReason: null }, english.t)).toBe('an unexpected error on the server. Tell the technical team this detail: —');
  });
});
