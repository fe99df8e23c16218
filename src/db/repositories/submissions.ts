import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { submissions } from '../schema/index.ts';

export type SubmissionRow = typeof submissions.$inferSelect;

export async function findSubmission(db: Db, candidateId: string, forUpdate = false): Promise<SubmissionRow | null> {
  const query = db.select().from(submissions).where(eq(submissions.candidateId, candidateId));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

/** The submissions of many candidates at once, by candidate id. */
export async function submissionsOf(db: Db, candidateIds: string[]): Promise<Map<string, SubmissionRow>> {
  if (candidateIds.length === 0) return new Map();
  const rows = await db.select().from(submissions).where(inArray(submissions.candidateId, candidateIds));
  return new Map(rows.map((r) => [r.candidateId, r]));
}

export async function insertSubmission(db: Db, values: typeof submissions.$inferInsert): Promise<SubmissionRow> {
  const [row] = await db.insert(submissions).values(values).onConflictDoNothing().returning();
  return row ?? (await findSubmission(db, values.candidateId))!;
}

export async function updateSubmission(db: Db, candidateId: string, patch: Partial<typeof submissions.$inferInsert>): Promise<SubmissionRow> {
  const [row] = await db
    .update(submissions)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(submissions.candidateId, candidateId))
    .returning();
  return row!;
}
