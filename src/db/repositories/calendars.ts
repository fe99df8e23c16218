import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { deadlineExtensions, provinceCalendars, provinces, verificationItems } from '../schema/index.ts';
import type { ProvinceDates } from '../../domain/editions/calendar.ts';

export type ProvinceCalendarRow = typeof provinceCalendars.$inferSelect;
export type DeadlineExtensionRow = typeof deadlineExtensions.$inferSelect;

export async function listProvinceCalendars(db: Db, editionId: string): Promise<(ProvinceCalendarRow & { provinceName: string })[]> {
  const rows = await db
    .select({ calendar: provinceCalendars, provinceName: provinces.name })
    .from(provinceCalendars)
    .innerJoin(provinces, eq(provinces.code, provinceCalendars.provinceCode))
    .where(eq(provinceCalendars.editionId, editionId))
    .orderBy(asc(provinceCalendars.provinceCode));
  return rows.map((r) => ({ ...r.calendar, provinceName: r.provinceName }));
}

export async function findProvinceCalendar(db: Db, editionId: string, provinceCode: string, lock = false): Promise<ProvinceCalendarRow | null> {
  const query = db
    .select()
    .from(provinceCalendars)
    .where(and(eq(provinceCalendars.editionId, editionId), eq(provinceCalendars.provinceCode, provinceCode)));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function upsertProvinceCalendar(db: Db, editionId: string, provinceCode: string, dates: ProvinceDates, updatedBy: string | null): Promise<ProvinceCalendarRow> {
  const values = { ...dates, updatedBy, updatedAt: new Date() };
  const [row] = await db
    .insert(provinceCalendars)
    .values({ editionId, provinceCode, ...values })
    .onConflictDoUpdate({ target: [provinceCalendars.editionId, provinceCalendars.provinceCode], set: values })
    .returning();
  return row!;
}

export async function findExtension(db: Db, candidateId: string): Promise<DeadlineExtensionRow | null> {
  const [row] = await db.select().from(deadlineExtensions).where(eq(deadlineExtensions.candidateId, candidateId));
  return row ?? null;
}

export async function upsertExtension(db: Db, candidateId: string, input: { until: string; reason: string; extendedBy: string | null }): Promise<DeadlineExtensionRow> {
  const values = { ...input, extendedAt: new Date() };
  const [row] = await db
    .insert(deadlineExtensions)
    .values({ candidateId, ...values })
    .onConflictDoUpdate({ target: deadlineExtensions.candidateId, set: values })
    .returning();
  return row!;
}

/** Moves the deadline of a candidate's open revision requests. */
export async function moveRevisionDeadlines(db: Db, candidateId: string, until: string): Promise<number> {
  const rows = await db
    .update(verificationItems)
    .set({ deadline: until })
    .where(and(eq(verificationItems.candidateId, candidateId), eq(verificationItems.status, 'revision')))
    .returning({ key: verificationItems.itemKey });
  return rows.length;
}
