import { asc, eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { evidenceFiles } from '../schema/index.ts';

export type EvidenceRow = typeof evidenceFiles.$inferSelect;

export async function insertEvidence(db: Db, values: typeof evidenceFiles.$inferInsert): Promise<EvidenceRow> {
  const [row] = await db.insert(evidenceFiles).values(values).returning();
  return row!;
}

export async function findEvidence(db: Db, id: string): Promise<EvidenceRow | null> {
  const [row] = await db.select().from(evidenceFiles).where(eq(evidenceFiles.id, id));
  return row ?? null;
}

export async function evidenceOf(db: Db, candidateId: string): Promise<EvidenceRow[]> {
  return db.select().from(evidenceFiles).where(eq(evidenceFiles.candidateId, candidateId)).orderBy(asc(evidenceFiles.createdAt));
}
