import { AppError, notFound } from '../../domain/errors.ts';
import { mayChange } from '../../domain/editions/status.ts';
import {
  checkProvinceDates,
  emptyProvinceDates,
  effectiveDeadline,
  nationalDeadline,
  nationalWindow,
  provinceDateFields,
  type DeadlineSource,
  type ProvinceDates,
} from '../../domain/editions/calendar.ts';
import type { Db } from '../../db/client.ts';
import * as repo from '../../db/repositories/calendars.ts';
import { findEdition, listLevels, listMilestones, lockEdition, type MilestoneRow } from '../../db/repositories/editions.ts';
import { findProvince } from '../../db/repositories/regions.ts';
import { appendAudit } from '../../db/repositories/audit.ts';
import type { ProvinceCalendar, ProvinceCalendarInput, ProvinceCalendars } from '../../shared/contracts/index.ts';
import { auditActor, provincesAs, isNationalAdmin } from '../policies/actor.ts';
import { provinceCalendarAbilities } from '../policies/calendars.ts';
import type { ServiceContext } from './context.ts';


function datesOf(row: ProvinceDates): ProvinceDates {
  return Object.fromEntries(provinceDateFields.map((f) => [f, row[f] ?? null])) as unknown as ProvinceDates;
}

/** The national timeline in the fields of a province's calendar. */
export function nationalDates(milestones: MilestoneRow[]): ProvinceDates {
  const of = (kind: string) => milestones.find((m) => m.kind === kind);
  const verification = of('verification');
  const interview = of('provincial_interview');
  return {
    selfAssessmentDeadline: nationalDeadline(milestones),
    verificationStartsOn: verification?.startsOn ?? null,
    verificationEndsOn: verification ? (verification.endsOn ?? verification.startsOn) : null,
    interviewStartsOn: interview?.startsOn ?? null,
    interviewEndsOn: interview ? (interview.endsOn ?? interview.startsOn) : null,
    ceremonyOn: of('provincial_ceremony')?.startsOn ?? null,
  };
}

/** The national window, each province's own dates, and which the caller may edit. */
export async function listCalendars(ctx: ServiceContext, editionId: string): Promise<ProvinceCalendars> {
  const { db, actor } = ctx;
  const edition = await findEdition(db, editionId);
  if (!edition) throw notFound('edition');
  const milestones = await listMilestones(db, editionId);
  const stored = await repo.listProvinceCalendars(db, editionId);
  const editable = mayChange({ status: edition.status, change: 'timeline' });
  const shown: ProvinceCalendar[] = stored.map((row) => ({
    ...datesOf(row),
    provinceCode: row.provinceCode,
    provinceName: row.provinceName,
    updatedAt: row.updatedAt.toISOString(),
    canEdit: editable && provinceCalendarAbilities.can(actor, 'edit', row),
  }));
  // A provincial admin sees its own province even before it set any date.
  const own = isNationalAdmin(actor) ? [] : provincesAs(actor, 'provincial_admin');
  for (const code of own) {
    if (shown.some((c) => c.provinceCode === code)) continue;
    const province = await findProvince(db, code);
    if (province) shown.push({ ...emptyProvinceDates, provinceCode: code, provinceName: province.name, updatedAt: null, canEdit: editable });
  }
  shown.sort((a, b) => a.provinceCode.localeCompare(b.provinceCode));
  return { window: nationalWindow(edition, milestones), national: nationalDates(milestones), provinces: shown };
}

/**
 * Sets a province's own dates (replacing the ones before), each within the
 * national window and in order; refused whole with one detail per field.
 */
export async function setProvinceCalendar(ctx: ServiceContext, editionId: string, provinceCode: string, input: ProvinceCalendarInput): Promise<ProvinceCalendar> {
  const { db, actor } = ctx;
  provinceCalendarAbilities.authorize(actor, 'edit', { provinceCode });
  return db.transaction(async (tx) => {
    const edition = await lockEdition(tx, editionId);
    if (!edition) throw notFound('edition');
    if (!mayChange({ status: edition.status, change: 'timeline' })) {
      throw new AppError('EDITION_LOCKED', `The edition is ${edition.status}: the calendar can no longer change`, [{ path: 'timeline', message: edition.status }]);
    }
    const province = await findProvince(tx, provinceCode);
    if (!province) throw notFound('province');
    const milestones = await listMilestones(tx, editionId);
    const problems = checkProvinceDates(input, nationalWindow(edition, milestones), nationalDates(milestones));
    if (problems.length > 0) {
      throw new AppError(
        'VALIDATION_FAILED',
        problems.map((p) => p.en).join('; '),
        problems.map((p) => ({ path: p.path, message: p.rule })),
      );
    }
    const before = await repo.findProvinceCalendar(tx, editionId, provinceCode, true);
    const row = await repo.upsertProvinceCalendar(tx, editionId, provinceCode, datesOf(input), actor?.id ?? null);
    await appendAudit(tx, auditActor(actor), {
      action: 'province-calendar.set',
      entityType: 'edition',
      entityId: editionId,
      before: before ? { provinceCode, ...datesOf(before) } : null,
      after: { provinceCode, ...datesOf(row) },
    });
    return { ...datesOf(row), provinceCode, provinceName: province.name, updatedAt: row.updatedAt.toISOString(), canEdit: true };
  });
}

/** The candidate's effective self-assessment deadline (extension → province → nation). */
export async function candidateDeadline(
  db: Db,
  candidate: { id: string; editionId: string; provinceCode: string; level: string },
): Promise<{ deadline: string | null; source: DeadlineSource; extension: repo.DeadlineExtensionRow | null }> {
  const milestones = await listMilestones(db, candidate.editionId);
  const extension = await repo.findExtension(db, candidate.id);
  // A province's own dates hold for its provincial round only; a zone or the nation keeps the national ones.
  const level = (await listLevels(db, candidate.editionId)).find((l) => l.code === candidate.level);
  const provincial = level ? level.kind === 'provinsi' : candidate.level === 'provinsi';
  const calendar = provincial ? await repo.findProvinceCalendar(db, candidate.editionId, candidate.provinceCode) : null;
  const effective = effectiveDeadline({
    extension: extension?.until ?? null,
    province: calendar?.selfAssessmentDeadline ?? null,
    national: nationalDeadline(milestones),
  });
  return { ...effective, extension };
}
