import { createPublicKey, verify } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers } from '../support/database.ts';
import { anonymous, makeUser, roles, signIn, startTestApp, type Client, type TestApp } from '../support/app.ts';
import { finalisedPool, type FinalisedPool } from '../support/publication.ts';
import { seedDemo } from '../../src/server/services/demo.ts';
import { canonicalJson } from '../../src/db/canonical-json.ts';
import { candidateValues, certificates } from '../../src/db/schema/index.ts';
import { listAudit, verifyAuditChain } from '../../src/db/repositories/audit.ts';
import { scorePackage, type ScoringPackage } from '../../src/domain/scoring/index.ts';
import { codeAlphabet } from '../../src/domain/publication/certificate-code.ts';
import type { CertificateVerification, PressRelease, PublicationStatus, PublicEdition, PublicEditionDetail, PublicResult } from '../../src/shared/contracts/index.ts';

type ErrorAnswer = { error: { code: string; details?: { path: string; message: string }[] } };

/** The same code with one character changed (the check character then no longer matches). */
const altered = (code: string, at = 5) => code.slice(0, at) + codeAlphabet[(codeAlphabet.indexOf(code[at]!) + 1) % 32] + code.slice(at + 1);

describe.each(drivers())('publication of results on %s', (driver) => {
  let t: TestApp;
  let f: FinalisedPool;
  let admin: Client;
  let otherProvince: Client;
  let national: Client;
  let juror: Client;
  let publicClient: Client;
  let codes: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp(driver, { PARITRANA_DATA_DIR: mkdtempSync(join(tmpdir(), 'paritrana-pub-')) });
    await seedDemo(t.database.db);
    f = await finalisedPool(t.database.db);
    admin = await signIn(t, f.provincial.email);
    national = await signIn(t, f.national.email);
    otherProvince = await signIn(t, (await makeUser(t, roles.provincialAdmin('18'))).email);
    juror = await signIn(t, f.chair.email);
    publicClient = anonymous(t);
  });
  afterAll(async () => t?.close());

  it('shows nothing to the public before the committee publishes', async () => {
    expect((await publicClient.request('GET', '/api/public/editions')).json()).toEqual([]);
    expect((await publicClient.request('GET', `/api/public/pools/${f.poolId}/result`)).statusCode).toBe(404);
    expect((await publicClient.request('GET', `/api/public/editions/${f.editionId}`)).statusCode).toBe(404);
  });

  it('lets only the committee of the pool’s area publish, and says what is missing first', async () => {
    expect((await juror.request('POST', `/api/pools/${f.poolId}/publish`)).statusCode).toBe(403);
    expect((await otherProvince.request('POST', `/api/pools/${f.poolId}/publish`)).statusCode).toBe(403);
    expect((await otherProvince.request('GET', `/api/pools/${f.poolId}/publication`)).statusCode).toBe(403);
    const saved = (await national.request('GET', `/api/editions/${f.editionId}/signatories`)).json<{ level: string; area: string; name: string; title: string; handsOver: boolean }[]>();
    const body = { signatories: saved.map(({ level, area, name, title, handsOver }) => ({ level, area, name, title, handsOver })) };
    // Only the national committee sets the signatories; an empty list leaves the certificates unsigned.
    expect((await admin.request('PUT', `/api/editions/${f.editionId}/signatories`, { signatories: [] })).statusCode).toBe(403);
    expect((await national.request('PUT', `/api/editions/${f.editionId}/signatories`, { signatories: [] })).statusCode).toBe(200);
    const status = (await admin.request('GET', `/api/pools/${f.poolId}/publication`)).json<PublicationStatus>();
    expect(status.problems).toEqual(['no-signatories']);
    expect(status.ceremony).toEqual({ date: '2025-08-13', place: 'Gedung Sangkareang, Kantor Gubernur NTB, Mataram', source: 'province' });
    const refused = await admin.request('POST', `/api/pools/${f.poolId}/publish`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json<ErrorAnswer>().error.details!.map((d) => d.path)).toEqual(['signatories']);
    const twoPresenters = { signatories: body.signatories.map((s) => ({ ...s, handsOver: true })) };
    expect((await national.request('PUT', `/api/editions/${f.editionId}/signatories`, twoPresenters)).statusCode).toBe(400);
    expect((await national.request('PUT', `/api/editions/${f.editionId}/signatories`, body)).statusCode).toBe(200);
  });

  it('holds one award ceremony per province, and socialization events are not ceremonies', async () => {
    const ceremony = { kind: 'provincial_ceremony', provinceCode: '52', heldOn: '2025-08-21', place: 'Pendopo Gubernur NTB, Mataram', attendees: null, notes: null };
    const second = await admin.request('POST', `/api/editions/${f.editionId}/events`, ceremony);
    expect(second.statusCode).toBe(409);
    expect(second.json<ErrorAnswer>().error.details!.map((d) => d.path)).toEqual(['kind']);
    const socialization = await admin.request('POST', `/api/editions/${f.editionId}/events`, { ...ceremony, kind: 'socialization', heldOn: '2025-03-10' });
    expect(socialization.statusCode).toBe(201);
    expect((await otherProvince.request('POST', `/api/editions/${f.editionId}/events`, ceremony)).statusCode).toBe(403);
    expect((await admin.request('GET', `/api/pools/${f.poolId}/publication`)).json<PublicationStatus>().ceremony).toEqual({
      date: '2025-08-13',
      place: 'Gedung Sangkareang, Kantor Gubernur NTB, Mataram',
      source: 'province',
    });
    expect((await admin.request('DELETE', `/api/editions/${f.editionId}/events/${socialization.json<{ id: string }>().id}`)).statusCode).toBe(200);
  });

  it('publishes the final result with a signed certificate for every winner (audited)', async () => {
    const stateOfPool = async () => (await admin.request('GET', `/api/editions/${f.editionId}/pools`)).json<{ id: string; publication: string }[]>().find((p) => p.id === f.poolId)!.publication;
    expect(await stateOfPool()).toBe('final');
    const published = await admin.request('POST', `/api/pools/${f.poolId}/publish`);
    expect(published.statusCode, published.body).toBe(200);
    const status = published.json<PublicationStatus>();
    expect(status.problems).toEqual([]);
    expect(status.result!.publishedAt).not.toBeNull();
    expect(status.winners.map((w) => [w.name, w.award])).toEqual([
      ['Kabupaten Lombok Timur', 1],
      ['Kabupaten Lombok Barat', 2],
      ['Kabupaten Lombok Tengah', 3],
    ]);
    for (const w of status.winners) expect(w.certificate!.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
    codes = Object.fromEntries(status.winners.map((w) => [w.candidate, w.certificate!.code]));
    // An announced pool is listed as announced, not as "final, not announced".
    expect(await stateOfPool()).toBe('published');
    const [entry] = await listAudit(t.database.db, { entityType: 'pool', entityId: f.poolId, limit: 1 });
    expect(entry).toMatchObject({ action: 'result.publish', after: { resultId: f.resultId, certificates: codes } });
  });

  it('shows the published ranking to anyone, with scores per stage and aspect and the winners’ key figures', async () => {
    const editions = (await publicClient.request('GET', '/api/public/editions')).json<PublicEdition[]>();
    expect(editions.map((e) => [e.label, e.results, e.ceremonies.provincial])).toEqual([
      ['Paritrana Award 2025', 1, { date: '2025-08-13', place: 'Balai Keratun, Kantor Gubernur Lampung' }],
    ]);
    const edition = (await publicClient.request('GET', `/api/public/editions/${f.editionId}`)).json<PublicEditionDetail>();
    expect(edition.published.map((p) => [p.category.code, p.level.kind, p.area, p.winners.map((w) => w.award)])).toEqual([
      ['pemkab-kota', 'provinsi', { code: '52', name: 'Nusa Tenggara Barat' }, [1, 2, 3]],
    ]);
    const result = (await publicClient.request('GET', `/api/public/pools/${f.poolId}/result`)).json<PublicResult>();
    expect(result.rows.map((r) => [r.candidate, r.name, r.rank, r.award])).toEqual([
      ['52.03', 'Kabupaten Lombok Timur', 1, 1],
      ['52.01', 'Kabupaten Lombok Barat', 2, 2],
      ['52.02', 'Kabupaten Lombok Tengah', 3, 3],
    ]);
    expect(result.stages.map((s) => [s.id, s.labelId, s.aspects.map((a) => a.id)])).toEqual([
      ['desk', 'Penilaian dokumen', ['regulasi', 'anggaran', 'kinerja', 'inovasi']],
      ['wawancara', 'Wawancara', expect.any(Array)],
    ]);
    expect(Object.keys(result.rows[0]!.aspects)).toEqual(expect.arrayContaining(['regulasi', 'anggaran', 'kinerja', 'inovasi']));
    const lotim = result.winners.find((w) => w.candidate === '52.03')!;
    expect(lotim.certificateCode).toBe(codes['52.03']);
    expect(lotim.figures).toMatchObject({
      coveragePct: 41.2,
      govFunded: 4871,
      // 17.000 tobacco farmers + 4.871 village officials; Rp2.856.000.000 + Rp600.100.000.
      peopleProtected: 21_871,
      budgetRupiah: 3_456_100_000,
      regulations: [{ type: 'instruksi', name: 'Instruksi Bupati Lombok Timur', number: '188.45/123/NAKERTRANS/2024' }],
    });
    // Another candidate has no verified self-assessment: its figures say so rather than guess.
    expect(result.winners.find((w) => w.candidate === '52.02')!.figures).toMatchObject({ peopleProtected: null, budgetRupiah: null, regulations: [] });
    const filtered = await publicClient.request('GET', `/api/public/editions/${f.editionId}/results?level=provinsi&area=18`);
    expect(filtered.json()).toEqual([]);
    const coverage = await publicClient.request('GET', `/api/public/editions/${f.editionId}/coverage`);
    expect(coverage.statusCode).toBe(200);
    expect(coverage.json()).toMatchObject({ snapshot: null, targetPct: 52.15, provinces: [] });
  });

  it('answers repeated requests by ETag with 304 and public caching, and a new ETag once the data change', async () => {
    const first = await publicClient.request('GET', `/api/public/pools/${f.poolId}/result`);
    expect(first.headers['cache-control']).toBe('public, max-age=60, stale-while-revalidate=600');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]{32}"$/);
    const again = await t.app.inject({ method: 'GET', url: `/api/public/pools/${f.poolId}/result`, headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(etag);
    const other = await t.app.inject({ method: 'GET', url: `/api/public/pools/${f.poolId}/result`, headers: { 'if-none-match': '"stale"' } });
    expect(other.statusCode).toBe(200);
    expect(other.body).toBe(first.body);
  });

  it('lets anyone recompute the published numbers from the published package', async () => {
    const res = await publicClient.request('GET', `/api/public/pools/${f.poolId}/package`);
    expect(res.statusCode).toBe(200);
    const result = (await publicClient.request('GET', `/api/public/pools/${f.poolId}/result`)).json<PublicResult>();
    expect(res.headers['x-package-sha256']).toBe(result.packageSha256);
    const recomputed = scorePackage(JSON.parse(res.body) as ScoringPackage);
    expect(recomputed.results.map((r) => [r.candidate, r.rank, r.score, r.stages, r.aspects])).toEqual(result.rows.map((r) => [r.candidate, r.rank, r.score, r.stages, r.aspects]));
  });

  it('verifies a genuine certificate, which anyone can check with the published public key', async () => {
    const res = await publicClient.request('GET', `/api/public/certificates/${codes['52.03']!.slice(0, 4)}-${codes['52.03']!.slice(4, 8)}-${codes['52.03']!.slice(8).toLowerCase()}`);
    const v = res.json<CertificateVerification>();
    expect(v).toMatchObject({ code: codes['52.03'], status: 'valid', reason: null, poolId: f.poolId });
    expect(v.certificate).toMatchObject({
      edition: { label: 'Paritrana Award 2025' },
      level: { kind: 'provinsi' },
      area: { code: '52', name: 'Nusa Tenggara Barat' },
      category: { code: 'pemkab-kota', name: 'Pemerintah Kabupaten/Kota' },
      candidate: { id: '52.03', name: 'Kabupaten Lombok Timur', displayName: 'Pemerintah Kabupaten Lombok Timur' },
      rank: 1,
      award: 1,
      ceremony: { date: '2025-08-13', place: 'Gedung Sangkareang, Kantor Gubernur NTB, Mataram' },
      signatories: [
        { name: 'Dr. H. Lalu Muhamad Iqbal', title: 'Gubernur Nusa Tenggara Barat' },
        { name: 'Adventus Edison Souhuwat', title: 'Kepala Kantor Wilayah BPJS Ketenagakerjaan Bali Nusa Tenggara dan Papua' },
      ],
    });
    const keys = (await publicClient.request('GET', '/api/public/signing-keys')).json<{ id: string; publicKeyPem: string }[]>();
    const key = keys.find((k) => k.id === v.signature!.keyId)!;
    expect(verify(null, Buffer.from(canonicalJson(v.certificate)), createPublicKey(key.publicKeyPem), Buffer.from(v.signature!.value, 'base64url'))).toBe(true);
    const pdf = await publicClient.request('GET', `/api/public/certificates/${codes['52.03']}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('reports an altered, an unknown or a tampered certificate as not genuine', async () => {
    const code = codes['52.01']!;
    const altered1 = (await publicClient.request('GET', `/api/public/certificates/${altered(code)}`)).json<CertificateVerification>();
    expect(altered1).toEqual({ code: altered(code), status: 'not-genuine', reason: 'malformed', certificate: null, signature: null, poolId: null });
    expect((await publicClient.request('GET', '/api/public/certificates/bukan-kode')).json<CertificateVerification>()).toMatchObject({ status: 'not-genuine', reason: 'malformed' });
    // A well-formed code (its check character is right) that was never issued.
    expect((await publicClient.request('GET', '/api/public/certificates/0000000000AC')).json<CertificateVerification>()).toMatchObject({ status: 'not-genuine', reason: 'unknown' });
    expect((await publicClient.request('GET', `/api/public/certificates/${altered(code)}/pdf`)).statusCode).toBe(404);
    // Someone with database access raises the award: the signature no longer matches.
    const [row] = await t.database.db.select().from(certificates).where(eq(certificates.code, codes['52.02']!));
    await t.database.db
      .update(certificates)
      .set({ payload: { ...(row!.payload as object), award: 1, rank: 1 } })
      .where(eq(certificates.id, row!.id));
    expect((await publicClient.request('GET', `/api/public/certificates/${codes['52.02']}`)).json<CertificateVerification>()).toMatchObject({
      status: 'not-genuine',
      reason: 'bad-signature',
      certificate: null,
    });
    await t.database.db.update(certificates).set({ payload: row!.payload }).where(eq(certificates.id, row!.id));
  });

  let releaseId = '';
  it('drafts a factual press release for a winner, which the committee edits (audited, never over a newer version)', async () => {
    const drafted = await admin.request('POST', `/api/results/${f.resultId}/press-releases`, { candidateId: f.ids.get('52.03') });
    expect(drafted.statusCode, drafted.body).toBe(200);
    const release = drafted.json<PressRelease>();
    releaseId = release.id;
    expect(release.title).toBe('Pemerintah Kabupaten Lombok Timur Raih Juara 1 Paritrana Award 2025 Tingkat Provinsi Nusa Tenggara Barat');
    const paragraphs = release.body.split('\n\n');
    expect(paragraphs[0]).toBe(
      'Pemerintah Kabupaten Lombok Timur meraih Juara 1 Paritrana Award 2025 tingkat Provinsi Nusa Tenggara Barat untuk kategori Pemerintah Kabupaten/Kota. ' +
        'Penghargaan tersebut diserahkan oleh Gubernur Nusa Tenggara Barat, Dr. H. Lalu Muhamad Iqbal, pada Rabu, 13 Agustus 2025 di Gedung Sangkareang, Kantor Gubernur NTB, Mataram. ' +
        'Piagam penghargaan ditandatangani oleh Dr. H. Lalu Muhamad Iqbal selaku Gubernur Nusa Tenggara Barat dan Adventus Edison Souhuwat selaku Kepala Kantor Wilayah BPJS Ketenagakerjaan Bali Nusa Tenggara dan Papua.',
    );
    expect(paragraphs[1]).toContain('Capaian cakupan kepesertaan jaminan sosial ketenagakerjaan di Kabupaten Lombok Timur tercatat 41,20 persen.');
    expect(paragraphs[1]).toContain('Komitmen tersebut dituangkan dalam Instruksi Bupati Lombok Timur Nomor 188.45/123/NAKERTRANS/2024 tentang Perluasan Kepesertaan Jaminan Sosial Ketenagakerjaan.');
    expect(paragraphs[1]).toContain(
      'Melalui program perlindungan pekerja, Pemkab Lombok Timur telah melindungi 17.000 petani tembakau dengan anggaran Rp2,9 miliar dari Dana Bagi Hasil Cukai Hasil Tembakau (DBH CHT) dan 4.871 perangkat desa dengan anggaran Rp600,1 juta dari Alokasi Dana Desa (ADD).',
    );
    expect(paragraphs[1]).toContain('Secara keseluruhan, 21.871 pekerja terlindungi dengan total anggaran Rp3,5 miliar.');
    expect(paragraphs[2]).toBe('Sebagai Juara 1, Pemkab Lombok Timur selanjutnya mewakili Provinsi Nusa Tenggara Barat dalam penilaian tingkat nasional.');
    expect(release.facts.find((x) => x.key === 'coverage_pct')).toEqual({ key: 'coverage_pct', label: 'Cakupan kepesertaan', value: '41,20%' });

    // Juara 3 has no verified self-assessment: its release states none of those facts.
    const third = (await admin.request('POST', `/api/results/${f.resultId}/press-releases`, { candidateId: f.ids.get('52.02') })).json<PressRelease>();
    expect(third.body).not.toMatch(/melindungi|dituangkan|inovasi|mewakili/);
    expect(third.draft.paragraphs.flat().flatMap((s) => s.facts)).not.toContain('programs');
    const notWinner = await admin.request('POST', `/api/results/${f.resultId}/press-releases`, { candidateId: f.national.id });
    expect(notWinner.statusCode).toBe(400);

    const edited = await admin.request('PUT', `/api/press-releases/${releaseId}`, { title: release.title, body: `${release.body}\n\n“Ini kerja bersama,” kata Bupati.`, version: release.version });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json<PressRelease>().version).toBe(release.version + 1);
    const stale = await admin.request('PUT', `/api/press-releases/${releaseId}`, { title: release.title, body: release.body, version: release.version });
    expect(stale.statusCode).toBe(409);
    expect((await otherProvince.request('GET', `/api/press-releases/${releaseId}`)).statusCode).toBe(403);
    const [entry] = await listAudit(t.database.db, { entityType: 'press-release', entityId: releaseId, limit: 1 });
    expect(entry).toMatchObject({ action: 'press-release.edit', before: { version: 1 }, after: { version: 2 } });
    const status = (await admin.request('GET', `/api/pools/${f.poolId}/publication`)).json<PublicationStatus>();
    expect(status.winners[0]!.pressRelease).toMatchObject({ id: releaseId, version: 2 });
  });

  it('exports results, candidates, confirmed data and the marks behind a published result', async () => {
    const csv = await admin.request('GET', `/api/editions/${f.editionId}/exports/results?format=csv`);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = csv.body.trim().split('\r\n');
    // Headed in Bahasa Indonesia unless English is asked for.
    expect(lines[0]!.split(',').slice(0, 15)).toEqual([
      'Tingkat',
      'Kode wilayah',
      'Provinsi',
      'Kode kategori',
      'Kategori',
      'Versi hasil',
      'Ditetapkan (WIB)',
      'Diumumkan (WIB)',
      'SHA-256 paket penilaian',
      'Peringkat',
      'Kode kandidat',
      'Nama',
      'Nilai akhir',
      'Juara',
      'Maju ke tingkat berikutnya',
    ]);
    expect(lines.slice(1).map((l) => l.split(',').slice(9, 12))).toEqual([
      ['1', '52.03', 'Kabupaten Lombok Timur'],
      ['2', '52.01', 'Kabupaten Lombok Barat'],
      ['3', '52.02', 'Kabupaten Lombok Tengah'],
    ]);
    // Times are WIB with their offset, not UTC.
    expect(lines[1]!.split(',')[6]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/);
    const english = (await admin.request('GET', `/api/editions/${f.editionId}/exports/results?format=csv&lang=en`)).body.split('\r\n')[0]!.split(',');
    expect(english.slice(0, 5)).toEqual(['Level', 'Area code', 'Province', 'Category code', 'Category']);
    // A province's admin exports only its own province.
    expect((await otherProvince.request('GET', `/api/editions/${f.editionId}/exports/results?format=csv`)).body.trim().split('\r\n')).toHaveLength(1);
    const marks = (await admin.request('GET', `/api/editions/${f.editionId}/exports/marks?format=csv`)).body.trim().split('\r\n');
    // 3 jurors × 3 candidates × every rubric indicator of both stages.
    expect(marks.length - 1).toBe((JSON.parse((await admin.request('GET', `/api/results/${f.resultId}/package`)).body) as ScoringPackage).marks!.length);
    expect(marks.filter((l) => l.includes('Sesuai bukti'))).toHaveLength((marks.length - 1) / 3);
    const xlsx = await admin.request('GET', `/api/editions/${f.editionId}/exports/values`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'ID kandidat',
      'Tingkat',
      'Kode kategori',
      'Kode wilayah / NPP',
      'Nama',
      'Kunci data',
      'Data',
      'Nilai',
      'Sumber',
      'Versi data kepesertaan',
      'Catatan',
      'Diperbarui (WIB)',
    ]);
    const rows = sheet.getSheetValues().slice(2) as unknown[][];
    const coverage = rows.find((r) => r[4] === '52.03' && r[6] === 'coverage_pct')!;
    // A number stays a number, a label replaces the key, and the time is an Excel date holding Jakarta's wall clock.
    expect(coverage[7]).toBe('Cakupan kepesertaan');
    expect(coverage[8]).toBe(41.2);
    expect(coverage[9]).toBe('Verifikasi');
    expect(coverage[12]).toBeInstanceOf(Date);
    expect(sheet.getRow(2).getCell(12).numFmt).toBe('dd/mm/yyyy hh:mm');
    const [stored] = await t.database.db
      .select()
      .from(candidateValues)
      .where(and(eq(candidateValues.candidateId, coverage[1] as string), eq(candidateValues.key, 'coverage_pct')));
    expect(Math.round((coverage[12] as Date).getTime() / 1000)).toBe(Math.round((stored!.updatedAt.getTime() + 7 * 3600_000) / 1000));
    expect((await juror.request('GET', `/api/editions/${f.editionId}/exports/candidates`)).statusCode).toBe(403);
  });

  it('withdraws a publication with a reason: the public no longer sees it and its certificates say so', async () => {
    expect((await admin.request('POST', `/api/pools/${f.poolId}/withdraw`, { reason: 'salah' })).statusCode).toBe(400);
    const withdrawn = await admin.request('POST', `/api/pools/${f.poolId}/withdraw`, { reason: 'Nama penanda tangan piagam perlu dikoreksi' });
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json<PublicationStatus>().result).toMatchObject({ publishedAt: null, withdrawReason: 'Nama penanda tangan piagam perlu dikoreksi' });
    expect((await admin.request('GET', `/api/editions/${f.editionId}/pools`)).json<{ id: string; publication: string }[]>().find((p) => p.id === f.poolId)!.publication).toBe('withdrawn');
    expect((await publicClient.request('GET', `/api/public/pools/${f.poolId}/result`)).statusCode).toBe(404);
    expect((await publicClient.request('GET', '/api/public/editions')).json()).toEqual([]);
    expect((await publicClient.request('GET', `/api/public/certificates/${codes['52.03']}`)).json<CertificateVerification>()).toMatchObject({ status: 'withdrawn', poolId: null });
    expect((await publicClient.request('GET', `/api/public/certificates/${codes['52.03']}/pdf`)).statusCode).toBe(409);
    expect((await admin.request('POST', `/api/pools/${f.poolId}/withdraw`, { reason: 'Nama penanda tangan piagam perlu dikoreksi' })).statusCode).toBe(409);
  });

  it('publishes again after a correction: unchanged certificates keep their code, changed ones are replaced', async () => {
    const saved = (await national.request('GET', `/api/editions/${f.editionId}/signatories`)).json<{ level: string; area: string; name: string; title: string; handsOver: boolean }[]>();
    const corrected = saved.map(({ level, area, name, title, handsOver }) => ({ level, area, title, handsOver, name: name === 'Adventus Edison Souhuwat' ? 'Adventus Edison Souhuwat, S.E.' : name }));
    expect((await national.request('PUT', `/api/editions/${f.editionId}/signatories`, { signatories: corrected })).statusCode).toBe(200);
    const status = (await admin.request('POST', `/api/pools/${f.poolId}/publish`)).json<PublicationStatus>();
    const fresh = Object.fromEntries(status.winners.map((w) => [w.candidate, w.certificate!.code]));
    for (const candidate of ['52.03', '52.01', '52.02']) expect(fresh[candidate]).not.toBe(codes[candidate]);
    expect((await publicClient.request('GET', `/api/public/certificates/${codes['52.03']}`)).json<CertificateVerification>()).toMatchObject({ status: 'replaced' });
    expect((await publicClient.request('GET', `/api/public/certificates/${fresh['52.03']}`)).json<CertificateVerification>()).toMatchObject({ status: 'valid' });
    const again = (await admin.request('POST', `/api/pools/${f.poolId}/publish`)).json<PublicationStatus>();
    expect(Object.fromEntries(again.winners.map((w) => [w.candidate, w.certificate!.code]))).toEqual(fresh);
    codes = fresh;
  });

  it('takes a reopened result off the public pages; its certificates are superseded', async () => {
    expect((await national.request('POST', `/api/pools/${f.poolId}/reopen`, { reason: 'Nilai wawancara Lombok Tengah dikoreksi oleh juri', stage: null })).statusCode).toBe(200);
    expect((await publicClient.request('GET', `/api/public/pools/${f.poolId}/result`)).statusCode).toBe(404);
    expect((await publicClient.request('GET', `/api/public/certificates/${codes['52.01']}`)).json<CertificateVerification>()).toMatchObject({ status: 'superseded' });
    expect((await admin.request('GET', `/api/pools/${f.poolId}/publication`)).json<PublicationStatus>()).toMatchObject({ result: null, problems: ['no-final-result'], winners: [] });
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });
});
