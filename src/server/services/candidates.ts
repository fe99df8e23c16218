import { AppError, notFound } from '../../domain/errors.ts';
import { organisationKey } from '../../domain/candidates/organisation.ts';
import { canRespond, kindOfFamily, nppPattern } from '../../domain/candidates/rules.ts';
import { checkImportRows, type ImportContext, type NewCandidate } from '../../domain/candidates/import-rows.ts';
import type { Db } from '../../db/client.ts';
import * as repo from '../../db/repositories/candidates.ts';
import { findCategory, findEdition, listCategories } from '../../db/repositories/editions.ts';
import { findRegency, listProvinces, searchRegencies } from '../../db/repositories/regions.ts';
import { villageIndex } from '../../db/repositories/villages.ts';
import { appendAudit } from '../../db/repositories/audit.ts';
import type { CandidateDetail, CandidateInput, CandidatePatch } from '../../shared/contracts/index.ts';
import { auditActor, type Actor } from '../policies/actor.ts';
import { authorizeCandidate, authorizeProvince, candidateAbilities } from '../policies/candidates.ts';
import type { ServiceContext } from './context.ts';
import { notifyAboutCandidate } from '../notifications/events.ts';

const openForCandidates = new Set(['draft', 'open']);

/** A candidacy with what `actor` may do with it. */
export async function presentCandidate(db: Db, c: repo.CandidateRow, actor: Actor | null): Promise<CandidateDetail> {
  const category = await findCategory(db, c.editionId, c.categoryId);
  return {
    id: c.id,
    editionId: c.editionId,
    categoryId: c.categoryId,
    categoryCode: category?.code ?? '',
    level: c.level,
    provinceCode: c.provinceCode,
    kind: c.kind,
    regencyCode: c.regencyCode,
    villageCode: c.villageCode,
    npp: c.npp,
    name: c.name,
    status: c.status,
    sizeClass: c.sizeClass,
    sector: c.sector,
    address: c.address,
    contacts: c.contacts,
    responseNote: c.responseNote,
    respondedAt: c.respondedAt?.toISOString() ?? null,
    organisationKey: organisationKey(c),
    abilities: candidateAbilities.abilities(actor, c),
  };
}

export async function visibleCandidate({ db, actor }: ServiceContext, id: string): Promise<repo.CandidateRow> {
  const c = await repo.findCandidate(db, id);
  if (!c) throw notFound('candidate');
  authorizeCandidate(actor, 'see', c);
  return c;
}

export async function getCandidate(ctx: ServiceContext, id: string): Promise<CandidateDetail> {
  return presentCandidate(ctx.db, await visibleCandidate(ctx, id), ctx.actor);
}

export async function openEdition(db: Db, editionId: string) {
  const edition = await findEdition(db, editionId);
  if (!edition) throw notFound('edition');
  if (!openForCandidates.has(edition.status)) {
    throw new AppError('EDITION_LOCKED', `The edition is ${edition.status}: candidates can no longer be added`);
  }
  return edition;
}

async function insertAll(tx: Db, editionId: string, list: NewCandidate[], ctx: ServiceContext, action: string) {
  const rows: repo.CandidateRow[] = [];
  for (const c of list) {
    const row = await repo.insertCandidate(tx, { ...c, editionId, status: 'nominated' });
    await appendAudit(tx, auditActor(ctx.actor), { action, entityType: 'candidate', entityId: row.id, after: row });
    rows.push(row);
  }
  return rows;
}

export function problemsError(problems: { row: number; column: string; message: string }[]): AppError {
  return new AppError(
    'VALIDATION_FAILED',
    `${problems.length} problems in the candidates' data; nothing was saved`,
    problems.map(({ row, column, ...why }) => ({ path: `baris ${row}.${column}`, ...why })),
  );
}

/** `paging`: read the edition's candidates that many at a time, calling `between` after each page (a large import). */
export async function importContext(db: Db, editionId: string, provinceCode: string, paging?: { rows: number; between: () => Promise<void> }): Promise<ImportContext> {
  // A special award takes its entrants from other categories: nobody is nominated, imported or registered into it.
  const categories = (await listCategories(db, editionId)).filter((c) => c.family !== 'khusus');
  const firstLevel = new Map(categories.map((c) => [c.id, c.levels[0] ?? 'provinsi']));
  // Villages are read (once per process) only when the edition runs a village category.
  const villages = categories.some((c) => c.family === 'desa') ? await villageIndex() : null;
  return {
    categories: new Map(categories.map((c) => [c.code, { id: c.id, family: c.family, levels: c.levels }])),
    regencies: new Map((await searchRegencies(db, {})).map((r) => [r.code, { name: r.name, provinceCode: r.provinceCode }])),
    provinces: new Map((await listProvinces(db)).map((p) => [p.code, p.name])),
    village: (code) => villages?.byCode.get(code),
    provinceCode,
    existing: await repo.candidateKeys(db, editionId, (categoryId) => firstLevel.get(categoryId), paging),
  };
}

/** Adds one candidate (status nominated) to a province of an open edition. */
export async function createCandidate(ctx: ServiceContext, editionId: string, input: CandidateInput): Promise<CandidateDetail> {
  const { db, actor } = ctx;
  authorizeProvince(actor, 'nominate', input);
  await openEdition(db, editionId);
  const category = await findCategory(db, editionId, input.categoryId);
  if (!category) throw new AppError('VALIDATION_FAILED', 'Unknown category', [{ path: 'categoryId', message: 'not in this edition' }]);
  const regency = input.regencyCode ? await findRegency(db, input.regencyCode) : null;
  const kind = kindOfFamily(category.family);
  if (kind === 'badan-usaha' && input.npp && !nppPattern.test(input.npp)) {
    throw new AppError('VALIDATION_FAILED', 'Invalid NPP', [{ path: 'npp', message: '5 to 20 letters or digits' }]);
  }
  const { candidates, problems } = checkImportRows(
    [
      {
        kategori: category.code,
        kode_wilayah: input.villageCode ?? input.regencyCode ?? '',
        npp: input.npp ?? '',
        nama: input.name ?? regency?.name ?? '',
        kelas_usaha: input.sizeClass ?? '',
        sektor: input.sector ?? '',
        alamat: input.address ?? '',
      },
    ],
    await importContext(db, editionId, input.provinceCode),
  );
  if (problems.length > 0) throw problemsError(problems);
  const candidate = { ...candidates[0]!, contacts: input.contacts };
  const [row] = await db.transaction((tx) => insertAll(tx, editionId, [candidate], ctx, 'candidate.create'));
  return presentCandidate(db, row!, actor);
}

export async function updateCandidateDetails(ctx: ServiceContext, id: string, patch: CandidatePatch): Promise<CandidateDetail> {
  const { db, actor } = ctx;
  return db.transaction(async (tx) => {
    const before = await repo.findCandidate(tx, id);
    if (!before) throw notFound('candidate');
    authorizeCandidate(actor, 'edit', before);
    if (patch.name !== undefined || patch.sizeClass !== undefined) authorizeCandidate(actor, 'rename', before);
    const after = await repo.updateCandidate(tx, id, patch);
    await appendAudit(tx, auditActor(actor), { action: 'candidate.update', entityType: 'candidate', entityId: id, before, after });
    return presentCandidate(tx, after, actor);
  });
}

/** The candidate accepts or declines its nomination. */
export async function respondToNomination(ctx: ServiceContext, id: string, response: { accept: boolean; note: string | null }): Promise<CandidateDetail> {
  const { db, actor } = ctx;
  return db.transaction(async (tx) => {
    const before = await repo.findCandidate(tx, id);
    if (!before) throw notFound('candidate');
    authorizeCandidate(actor, 'respond', before);
    if (!canRespond(before.status)) throw new AppError('CONFLICT', `The nomination was already answered (${before.status})`);
    const after = await repo.updateCandidate(tx, id, {
      status: response.accept ? 'accepted' : 'declined',
      responseNote: response.note,
      respondedAt: new Date(),
    });
    await appendAudit(tx, auditActor(actor), { action: response.accept ? 'candidate.accept' : 'candidate.decline', entityType: 'candidate', entityId: id, before, after });
    await notifyAboutCandidate(tx, after, 'candidate.responded', ['provincial_admins'], {
      response: response.accept ? { id: 'menerima', en: 'accepted' } : { id: 'menolak', en: 'declined' },
      note: response.note ?? '—',
    });
    return presentCandidate(tx, after, actor);
  });
}
