import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { candidates, candidateValues, evidenceFiles, submissions, userRoles } from '../schema/index.ts';
import type { CandidateRow } from './candidates.ts';

/** Candidacies created at the next level from candidacies of a pool. */
export async function advancedFrom(db: Db, fromIds: string[]): Promise<CandidateRow[]> {
  if (fromIds.length === 0) return [];
  return db.select().from(candidates).where(inArray(candidates.advancedFrom, fromIds));
}

/**
 * Copies a candidacy's data to its candidacy at the next level: data values
 * (with their source), evidence (the same stored files), the submitted
 * self-assessment (evidence links remapped) and the candidate's user accounts.
 */
export async function copyCandidacy(db: Db, fromId: string, toId: string): Promise<{ values: number; evidence: number }> {
  const values = await db.select().from(candidateValues).where(eq(candidateValues.candidateId, fromId));
  if (values.length > 0) {
    await db
      .insert(candidateValues)
      .values(values.map(({ id: _id, ...v }) => ({ ...v, candidateId: toId })))
      .onConflictDoNothing();
  }
  const files = await db.select().from(evidenceFiles).where(eq(evidenceFiles.candidateId, fromId));
  const remap = new Map<string, string>();
  for (const { id, ...file } of files) {
    const [copy] = await db.insert(evidenceFiles).values({ ...file, candidateId: toId }).returning({ id: evidenceFiles.id });
    remap.set(id, copy!.id);
  }
  const [submission] = await db.select().from(submissions).where(eq(submissions.candidateId, fromId));
  if (submission) {
    let text = JSON.stringify(submission.answers);
    for (const [from, to] of remap) text = text.replaceAll(from, to);
    await db
      .insert(submissions)
      .values({ candidateId: toId, status: 'submitted', version: 1, answers: JSON.parse(text) as unknown, submittedAt: submission.submittedAt ?? new Date(), updatedBy: submission.updatedBy })
      .onConflictDoNothing();
  }
  const users = await db
    .select({ userId: userRoles.userId })
    .from(userRoles)
    .where(and(eq(userRoles.candidateId, fromId), eq(userRoles.role, 'candidate')));
  if (users.length > 0) {
    await db
      .insert(userRoles)
      .values(users.map((u) => ({ userId: u.userId, role: 'candidate' as const, provinceCode: null, candidateId: toId })))
      .onConflictDoNothing();
  }
  return { values: values.length, evidence: files.length };
}
