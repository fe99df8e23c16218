import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { insertJob, publishStagedCandidates, stageCandidateRows, type CandidateImportRow } from '../../src/db/repositories/jobs.ts';
import { listCategories, listEditions } from '../../src/db/repositories/editions.ts';
import { seedDemo } from '../../src/server/services/demo.ts';
import { drivers, rowsOf, testDatabase } from '../support/database.ts';

/**
 * Publishing an import's staged rows keeps every foreign key of `candidates`,
 * also on PGlite, where the keys are checked once for the file instead of
 * per row (src/db/repositories/jobs.ts).
 */
describe.each(drivers())('publishing staged candidates on %s', (driver) => {
  let database: Database;
  let editionId: string;
  let categoryId: string;
  beforeAll(async () => {
    database = await testDatabase(driver);
    await seedDemo(database.db);
    editionId = (await listEditions(database.db))[0]!.id;
    categoryId = (await listCategories(database.db, editionId)).find((c) => c.family === 'badan-usaha')!.id;
  });
  afterAll(async () => database?.close());

  const stage = async (rows: Partial<CandidateImportRow>[]) => {
    const job = await insertJob(database.db, { kind: 'candidate-import', payload: {}, progress: { done: 0, total: rows.length, message: null }, editionId, provinceCode: '52', createdBy: null });
    const staged = rows.map((row, i) => ({
      jobId: job.id,
      rowNo: i,
      candidateId: randomUUID(),
      categoryId,
      level: 'provinsi',
      provinceCode: '52',
      kind: 'badan-usaha' as const,
      npp: `T${randomUUID().slice(0, 8)}`,
      name: `PT Uji ${i}`,
      contacts: [],
      ...row,
    }));
    await stageCandidateRows(database.db, staged);
    return { jobId: job.id, ids: staged.map((r) => r.candidateId) };
  };
  const published = async (ids: string[]) =>
    rowsOf<{ n: number }>(await database.db.execute(sql`select count(*)::int as n from candidates where id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`))[0]!.n;

  it('publishes rows whose category, province and regency exist', async () => {
    const { jobId, ids } = await stage([{ regencyCode: '52.03' }, { regencyCode: null }, {}]);
    await database.db.transaction((tx) => publishStagedCandidates(tx, jobId, editionId));
    expect(await published(ids)).toBe(3);
  });

  it.each([
    ['a regency', { regencyCode: '99.99' }],
    ['a province', { provinceCode: '99' }],
    ['a category', { categoryId: randomUUID() }],
  ])('refuses the whole file when one row names %s that does not exist', async (_what, bad) => {
    const { jobId, ids } = await stage([{}, bad, {}]);
    await expect(database.db.transaction((tx) => publishStagedCandidates(tx, jobId, editionId))).rejects.toThrow();
    expect(await published(ids)).toBe(0);
  });
});
