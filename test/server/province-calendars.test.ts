import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers } from '../support/database.ts';
import { makeUser, roles, signIn, startTestApp, type Client, type TestApp } from '../support/app.ts';
import { seedDemo } from '../../src/server/services/demo.ts';
import { listEditions, listMilestones } from '../../src/db/repositories/editions.ts';
import { listCandidates } from '../../src/db/repositories/candidates.ts';
import { findSubmission, insertSubmission, updateSubmission } from '../../src/db/repositories/submissions.ts';
import { itemsOf, upsertItem } from '../../src/db/repositories/verification.ts';
import { listAudit } from '../../src/db/repositories/audit.ts';
import { emptyAnswers } from '../../src/domain/candidates/self-assessment.ts';
import { and, eq } from 'drizzle-orm';
import { notifications } from '../../src/db/schema/index.ts';
import { sweepReminders } from '../../src/server/notifications/reminders.ts';
import type { ProvinceCalendar, ProvinceCalendars, SelfAssessment } from '../../src/shared/contracts/index.ts';

type ErrorBody = { error: { code: string; message: string; details?: { path: string; message: string }[] } };

const noDates = { selfAssessmentDeadline: null, verificationStartsOn: null, verificationEndsOn: null, interviewStartsOn: null, interviewEndsOn: null, ceremonyOn: null };

/** Issue 13 item 8: each province on its own calendar, and a deadline extended for one candidate. */
describe.each(drivers())('province calendars and deadline extensions on %s', (driver) => {
  let t: TestApp;
  let editionId: string;
  let bontang: string;
  let lampungTengah: string;
  let tanggamus: string;
  let national: Client;
  let ntbAdmin: Client;
  let lampungAdmin: Client;
  let bontangUser: Client;
  let lampungTengahUser: Client;
  let lampungTengahUserId = '';

  beforeAll(async () => {
    t = await startTestApp(driver);
    await seedDemo(t.database.db);
    editionId = (await listEditions(t.database.db))[0]!.id;
    const all = await listCandidates(t.database.db, editionId, { all: true });
    bontang = all.find((c) => c.name === 'Kota Bontang')!.id;
    lampungTengah = all.find((c) => c.name === 'Kabupaten Lampung Tengah')!.id;
    tanggamus = all.find((c) => c.name === 'Kabupaten Tanggamus')!.id;
    national = await signIn(t, 'admin@paritrana.demo', 'paritrana-demo-2025');
    ntbAdmin = await signIn(t, 'ntb@paritrana.demo', 'paritrana-demo-2025');
    lampungAdmin = await signIn(t, (await makeUser(t, roles.provincialAdmin('18'))).email);
    bontangUser = await signIn(t, (await makeUser(t, roles.candidate(bontang))).email);
    const lampungTengahAccount = await makeUser(t, roles.candidate(lampungTengah));
    lampungTengahUserId = lampungTengahAccount.id;
    lampungTengahUser = await signIn(t, lampungTengahAccount.email);
    // A national window from 2020 to 2099: the national deadline open, a province's own one possibly past.
    const timeline = [
      { kind: 'socialization', startsOn: '2020-03-15', endsOn: null, place: null },
      { kind: 'registration', startsOn: '2020-04-01', endsOn: '2099-05-31', place: null },
      { kind: 'verification', startsOn: '2099-06-01', endsOn: '2099-06-30', place: null },
      { kind: 'provincial_interview', startsOn: '2099-07-01', endsOn: '2099-07-02', place: null },
      { kind: 'provincial_ceremony', startsOn: '2099-08-13', endsOn: null, place: null },
      { kind: 'national_ceremony', startsOn: '2099-12-10', endsOn: null, place: 'Jakarta' },
    ];
    expect((await national.request('PUT', `/api/editions/${editionId}/timeline`, { milestones: timeline })).statusCode).toBe(200);
    expect((await listMilestones(t.database.db, editionId)).length).toBe(6);
  });
  afterAll(async () => t?.close());

  it('shows the national window and dates; a provincial admin sees its own province to edit', async () => {
    const res = await ntbAdmin.request('GET', `/api/editions/${editionId}/province-calendars`);
    expect(res.statusCode).toBe(200);
    const body = res.json<ProvinceCalendars>();
    expect(body.window).toEqual({ opensOn: '2020-03-15', closesOn: '2099-12-10' });
    expect(body.national).toEqual({
      selfAssessmentDeadline: '2099-05-31',
      verificationStartsOn: '2099-06-01',
      verificationEndsOn: '2099-06-30',
      interviewStartsOn: '2099-07-01',
      interviewEndsOn: '2099-07-02',
      ceremonyOn: '2099-08-13',
    });
    const ntb = body.provinces.find((p) => p.provinceCode === '52')!;
    expect(ntb).toMatchObject({ canEdit: true, provinceName: 'Nusa Tenggara Barat' });
    expect(body.provinces.filter((p) => p.canEdit).map((p) => p.provinceCode)).toEqual(['52']);
  });

  it('lets NTB set its interviews on 14–15 July, audited, and refuses it another province’s calendar', async () => {
    const dates = { ...noDates, verificationStartsOn: '2099-06-02', verificationEndsOn: '2099-07-10', interviewStartsOn: '2099-07-14', interviewEndsOn: '2099-07-15' };
    const res = await ntbAdmin.request('PUT', `/api/editions/${editionId}/province-calendars/52`, dates);
    expect(res.statusCode).toBe(200);
    expect(res.json<ProvinceCalendar>()).toMatchObject({ ...dates, provinceCode: '52' });
    const listed = (await national.request('GET', `/api/editions/${editionId}/province-calendars`)).json<ProvinceCalendars>();
    expect(listed.provinces.find((p) => p.provinceCode === '52')).toMatchObject({ ...dates, canEdit: true });
    const [entry] = (await listAudit(t.database.db, { entityType: 'edition', entityId: editionId, limit: 10 })).filter((e) => e.action === 'province-calendar.set');
    expect(entry).toMatchObject({ before: { provinceCode: '52' }, after: { provinceCode: '52', verificationStartsOn: '2099-06-02', interviewStartsOn: '2099-07-14' } });
    expect((await ntbAdmin.request('PUT', `/api/editions/${editionId}/province-calendars/18`, noDates)).statusCode).toBe(403);
  });

  it('refuses dates outside the national window or out of order, naming the field', async () => {
    const outside = await ntbAdmin.request('PUT', `/api/editions/${editionId}/province-calendars/52`, { ...noDates, ceremonyOn: '2100-01-05' });
    expect(outside.statusCode).toBe(400);
    expect(outside.json<ErrorBody>().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'Provincial ceremony (2100-01-05) is outside the national window 2020-03-15 to 2099-12-10',
      details: [{ path: 'ceremonyOn', message: 'outside' }],
    });
    const early = await ntbAdmin.request('PUT', `/api/editions/${editionId}/province-calendars/52`, { ...noDates, selfAssessmentDeadline: '2099-06-10', verificationStartsOn: '2099-06-05' });
    expect(early.statusCode).toBe(400);
    expect(early.json<ErrorBody>().error.details).toEqual([{ path: 'verificationStartsOn', message: 'before:selfAssessmentDeadline' }]);
    const backwards = await ntbAdmin.request('PUT', `/api/editions/${editionId}/province-calendars/52`, { ...noDates, interviewStartsOn: '2099-07-15', interviewEndsOn: '2099-07-14' });
    expect(backwards.json<ErrorBody>().error.details).toEqual([{ path: 'interviewEndsOn', message: 'before:interviewStartsOn' }]);
    // Nothing of the refused requests was stored.
    const ntb = (await national.request('GET', `/api/editions/${editionId}/province-calendars`)).json<ProvinceCalendars>().provinces.find((p) => p.provinceCode === '52')!;
    expect(ntb.interviewStartsOn).toBe('2099-07-14');
    expect(ntb.ceremonyOn).toBeNull();
  });

  it('gives a candidate its province’s deadline, and refuses writes once that has passed', async () => {
    const lampung = await lampungAdmin.request('PUT', `/api/editions/${editionId}/province-calendars/18`, { ...noDates, selfAssessmentDeadline: '2099-05-20' });
    expect(lampung.statusCode).toBe(200);
    const shown = (await lampungTengahUser.request('GET', `/api/candidates/${lampungTengah}/self-assessment`)).json<SelfAssessment>();
    expect(shown).toMatchObject({ deadline: '2099-05-20', deadlineSource: 'province', extension: null });
    // Reminders count down to the province's deadline, not the nation's.
    const reminded = async () =>
      (await t.database.db.select().from(notifications).where(and(eq(notifications.userId, lampungTengahUserId), eq(notifications.kind, 'reminder.self-assessment')))).length;
    await sweepReminders(t.database.db, new Date('2099-05-24T03:00:00Z'), [7]);
    expect(await reminded()).toBe(0);
    await sweepReminders(t.database.db, new Date('2099-05-13T03:00:00Z'), [7]);
    expect(await reminded()).toBe(1);
    // Kalimantan Timur closed on 1 March 2021 while the national deadline is still open.
    expect((await national.request('PUT', `/api/editions/${editionId}/province-calendars/64`, { ...noDates, selfAssessmentDeadline: '2021-03-01' })).statusCode).toBe(200);
    expect((await bontangUser.request('GET', `/api/candidates/${bontang}/self-assessment`)).json<SelfAssessment>()).toMatchObject({ deadline: '2021-03-01', deadlineSource: 'province' });
    const late = await bontangUser.request('PUT', `/api/candidates/${bontang}/self-assessment`, { version: 0, answers: emptyAnswers('pemda') });
    expect(late.statusCode).toBe(409);
    expect(late.json<ErrorBody>().error).toMatchObject({ code: 'DEADLINE_PASSED', message: 'The deadline (2021-03-01) has passed; ask the committee to extend it' });
    expect((await bontangUser.request('POST', `/api/candidates/${bontang}/self-assessment/submit`)).statusCode).toBe(409);
  });

  it('lets the committee reopen a late draft never submitted by extending its deadline, with a reason', async () => {
    expect(await findSubmission(t.database.db, bontang)).toBeNull();
    const noReason = await national.request('POST', `/api/candidates/${bontang}/self-assessment/extend`, { until: '2099-01-31' });
    expect(noReason.statusCode).toBe(400);
    const past = await national.request('POST', `/api/candidates/${bontang}/self-assessment/extend`, { until: '2021-03-05', reason: 'Surat pengantar terlambat' });
    expect(past.statusCode).toBe(400);
    expect(past.json<ErrorBody>().error.details).toEqual([{ path: 'until', message: 'before today' }]);
    // NTB's committee has no say over a Kalimantan Timur candidacy.
    expect((await ntbAdmin.request('POST', `/api/candidates/${bontang}/self-assessment/extend`, { until: '2099-01-31', reason: 'Surat pengantar terlambat' })).statusCode).toBe(403);
    expect((await bontangUser.request('POST', `/api/candidates/${bontang}/self-assessment/extend`, { until: '2099-01-31', reason: 'Surat pengantar terlambat' })).statusCode).toBe(403);

    const extended = await national.request('POST', `/api/candidates/${bontang}/self-assessment/extend`, { until: '2099-01-31', reason: 'Surat pengantar terlambat' });
    expect(extended.statusCode).toBe(200);
    expect(extended.json<SelfAssessment>()).toMatchObject({
      status: 'draft',
      deadline: '2099-01-31',
      deadlineSource: 'extension',
      extension: { until: '2099-01-31', reason: 'Surat pengantar terlambat' },
    });
    const [entry] = (await listAudit(t.database.db, { entityType: 'candidate', entityId: bontang, limit: 10 })).filter((e) => e.action === 'self-assessment.extend');
    expect(entry).toMatchObject({
      before: { deadline: '2021-03-01', source: 'province', status: 'draft' },
      after: { deadline: '2099-01-31', reason: 'Surat pengantar terlambat', revisionsMoved: 0 },
    });
    const saved = await bontangUser.request('PUT', `/api/candidates/${bontang}/self-assessment`, { version: 0, answers: emptyAnswers('pemda') });
    expect(saved.statusCode).toBe(200);
    expect(saved.json<SelfAssessment>()).toMatchObject({ version: 1, deadline: '2099-01-31', deadlineSource: 'extension' });
  });

  it('refuses to extend a submitted self-assessment, and moves a revision’s deadline once it is reopened', async () => {
    await insertSubmission(t.database.db, { candidateId: tanggamus, answers: emptyAnswers('pemda'), version: 1 });
    await updateSubmission(t.database.db, tanggamus, { status: 'submitted', submittedAt: new Date(), version: 2 });
    const submitted = await lampungAdmin.request('POST', `/api/candidates/${tanggamus}/self-assessment/extend`, { until: '2099-02-01', reason: 'Revisi dokumen Perda' });
    expect(submitted.statusCode).toBe(409);
    expect(submitted.json<ErrorBody>().error.details).toEqual([{ path: 'status', message: 'submitted' }]);
    await updateSubmission(t.database.db, tanggamus, { status: 'reopened', version: 3 });
    await upsertItem(t.database.db, { candidateId: tanggamus, itemKey: 'regulations.r1', status: 'revision', comment: 'Lampirkan Perda', deadline: '2099-01-10', decidedBy: null });
    await upsertItem(t.database.db, { candidateId: tanggamus, itemKey: 'programs.p1', status: 'valid', comment: null, deadline: null, decidedBy: null });
    const res = await lampungAdmin.request('POST', `/api/candidates/${tanggamus}/self-assessment/extend`, { until: '2099-02-01', reason: 'Revisi dokumen Perda' });
    expect(res.statusCode).toBe(200);
    expect(res.json<SelfAssessment>()).toMatchObject({ status: 'reopened', deadline: '2099-02-01', extension: { reason: 'Revisi dokumen Perda' } });
    const items = await itemsOf(t.database.db, [tanggamus]);
    expect(items.map((i) => [i.itemKey, i.deadline]).sort()).toEqual([
      ['programs.p1', null],
      ['regulations.r1', '2099-02-01'],
    ]);
  });
});
