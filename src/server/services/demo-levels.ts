import type { Db } from '../../db/client.ts';
import { findCategoryByCode, findEdition, listMilestones } from '../../db/repositories/editions.ts';
import { checkProvinceDates, emptyProvinceDates, nationalWindow, type ProvinceDates } from '../../domain/editions/calendar.ts';
import { fromDayNumber, toDayNumber } from '../../domain/editions/dates.ts';
import type { Actor } from '../policies/actor.ts';
import { addEvent, addLevel, updateCategory } from './editions.ts';
import { nationalDates, setProvinceCalendar } from './calendars.ts';

/** The demo's second zone, beside Zona Sumatera: Bali and Nusa Tenggara (NTB among them). */
export const demoBaliNusra = { code: 'zona-bali-nusra', kind: 'zona' as const, name: 'Zona Bali dan Nusa Tenggara', provinceCodes: ['51', '52', '53'] };

/**
 * The award's levels in the demo edition (still a draft when called): a
 * second zone, Usaha Besar running province → zone → nation through both
 * zones (Pemerintah Kabupaten/Kota stays province → nation), and the
 * provinces' own award ceremonies as the seed reports give them
 * (Kalimantan Timur on 5 August, Lampung on 13 August 2025).
 */
export async function seedDemoLevels(db: Db, actor: Actor, editionId: string): Promise<void> {
  const ctx = { db, actor };
  await addLevel(ctx, editionId, demoBaliNusra);
  const usahaBesar = (await findCategoryByCode(db, editionId, 'usaha-besar'))!;
  await updateCategory(ctx, editionId, usahaBesar.id, {
    code: usahaBesar.code,
    family: usahaBesar.family as 'badan-usaha',
    nameId: usahaBesar.nameId,
    nameEn: usahaBesar.nameEn,
    levels: ['provinsi', 'zona-sumatera', demoBaliNusra.code, 'nasional'],
    awards: usahaBesar.awards,
    advance: usahaBesar.advance,
    eligibility: usahaBesar.eligibility as ('active-participant' | 'no-arrears')[],
  });
  await addEvent(ctx, editionId, {
    kind: 'provincial_ceremony',
    provinceCode: '64',
    heldOn: '2025-08-05',
    place: 'Pendopo Odah Etam, Samarinda',
    attendees: null,
    notes: 'Penyerahan Paritrana Award tingkat Provinsi Kalimantan Timur.',
  });
  await addEvent(ctx, editionId, {
    kind: 'provincial_ceremony',
    provinceCode: '18',
    heldOn: '2025-08-13',
    place: 'Balai Keratun, Kantor Gubernur Lampung',
    attendees: null,
    notes: 'Penyerahan Paritrana Award tingkat Provinsi Lampung.',
  });
}

/** Today in Western Indonesia Time, as `YYYY-MM-DD`. */
const todayWib = (now: Date) => new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
const addDays = (date: string, days: number) => fromDayNumber(toDayNumber(date) + days);

/**
 * Provinces on their own calendars, set through the same checks as the page
 * (call once the national timeline is in place): NTB interviews on 14–15 July
 * (seed report from Mataram), Lampung closes its self-assessment ten days
 * before the nation (never sooner than a week from today, so a Lampung
 * candidate can still fill it in), and Bengkulu a week after the nation, with
 * its verification after that. A date the national timeline cannot hold is
 * left to follow the national one.
 */
export async function seedDemoCalendars(db: Db, actor: Actor, editionId: string, now = new Date()): Promise<void> {
  const ctx = { db, actor };
  const milestones = await listMilestones(db, editionId);
  const national = nationalDates(milestones);
  const edition = (await findEdition(db, editionId))!;
  const window = nationalWindow(edition, milestones);
  const valid = (dates: ProvinceDates) => checkProvinceDates(dates, window, national).length === 0;
  const set = (code: string, dates: ProvinceDates) => setProvinceCalendar(ctx, editionId, code, dates);

  const year = Number((national.interviewStartsOn ?? window.closesOn).slice(0, 4));
  const ntb = [year, year + 1]
    .map((y) => ({ ...emptyProvinceDates, interviewStartsOn: `${y}-07-14`, interviewEndsOn: `${y}-07-15` }))
    .find(valid);
  if (ntb) await set('52', ntb);

  const deadline = national.selfAssessmentDeadline;
  if (!deadline) return;
  const soonest = addDays(todayWib(now), 7);
  const early = addDays(deadline, -10);
  const lampung = { ...emptyProvinceDates, selfAssessmentDeadline: early < soonest && soonest <= deadline ? soonest : early };
  if (valid(lampung)) await set('18', lampung);
  const late = addDays(deadline, 7);
  const bengkulu = { ...emptyProvinceDates, selfAssessmentDeadline: late, verificationStartsOn: addDays(late, 1) };
  if (valid(bengkulu)) await set('17', bengkulu);
}
