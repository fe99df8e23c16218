import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { asc, eq, ilike, and, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { provinces, regencies } from '../schema/index.ts';

const acronyms = new Set(['DKI', 'DI']);

/** "KABUPATEN LAMPUNG TENGAH" → "Kabupaten Lampung Tengah"; keeps DKI, DI. */
export function titleCase(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .map((w) => (acronyms.has(w) ? w : w.charAt(0) + w.slice(1).toLowerCase()))
    .join(' ');
}

async function readAreaCsv(file: string): Promise<string[][]> {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('idn-area-data/package.json'));
  const text = await readFile(join(root, 'data', file), 'utf8');
  return text
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim() !== '')
    .map((l) => l.split(','));
}

/** The Kemendagri list from the `idn-area-data` package. */
export async function readKemendagriRegions() {
  const provinceRows = (await readAreaCsv('provinces.csv')).map(([code, name]) => ({ code: code!, name: titleCase(name!) }));
  const regencyRows = (await readAreaCsv('regencies.csv')).map(([code, provinceCode, name]) => ({
    code: code!,
    provinceCode: provinceCode!,
    name: titleCase(name!),
    kind: name!.startsWith('KOTA') ? ('kota' as const) : ('kabupaten' as const),
  }));
  return { provinces: provinceRows, regencies: regencyRows };
}

/** Loads the 38 provinces and 514 regencies/cities once; later calls change nothing. */
export async function ensureRegions(db: Db): Promise<{ provinces: number; regencies: number }> {
  const [{ n } = { n: 0 }] = await db.select({ n: sql<number>`count(*)::int` }).from(regencies);
  if (n === 0) {
    const data = await readKemendagriRegions();
    await db.transaction(async (tx) => {
      await tx.insert(provinces).values(data.provinces).onConflictDoNothing();
      await tx.insert(regencies).values(data.regencies).onConflictDoNothing();
    });
  }
  const [p] = await db.select({ n: sql<number>`count(*)::int` }).from(provinces);
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(regencies);
  return { provinces: p?.n ?? 0, regencies: r?.n ?? 0 };
}

export async function listProvinces(db: Db) {
  return db.select().from(provinces).orderBy(asc(provinces.code));
}

export async function findProvince(db: Db, code: string) {
  const [row] = await db.select().from(provinces).where(eq(provinces.code, code));
  return row ?? null;
}

export async function findRegency(db: Db, code: string) {
  const [row] = await db.select().from(regencies).where(eq(regencies.code, code));
  return row ?? null;
}

/** Regencies of a province and/or whose name contains `q` (case-insensitive). */
export async function searchRegencies(db: Db, query: { province?: string | undefined; q?: string | undefined }) {
  const where: SQL[] = [];
  if (query.province) where.push(eq(regencies.provinceCode, query.province));
  if (query.q) where.push(ilike(regencies.name, `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  return db
    .select()
    .from(regencies)
    .where(and(...where))
    .orderBy(asc(regencies.code));
}
