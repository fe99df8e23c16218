import { AppError, notFound } from '../../domain/errors.ts';
import { clashingEntrants, entrantsByRule, mayEnter, specialAwardProblems, specialAwardsEditable, specialFamily, type Candidacy } from '../../domain/editions/special-awards.ts';
import { defaultScoringFor } from '../../domain/panels/scoring-setup.ts';
import type { ScoringResult } from '../../domain/scoring/index.ts';
import type { Db } from '../../db/client.ts';
import * as editions from '../../db/repositories/editions.ts';
import * as pools from '../../db/repositories/pools.ts';
import * as repo from '../../db/repositories/special-awards.ts';
import { appendAudit } from '../../db/repositories/audit.ts';
import type { SpecialAward, SpecialAwardDetail, SpecialAwardInput } from '../../shared/contracts/index.ts';
import { auditActor } from '../policies/actor.ts';
import { authorizeSpecialAwards } from '../policies/special-awards.ts';
import type { ServiceContext } from './context.ts';
import { packageIdOf } from './results.ts';

/** Locks the edition and checks that special awards may still change (until it is published). */
async function editable(tx: Db, editionId: string): Promise<editions.EditionRow> {
  const edition = await editions.lockEdition(tx, editionId);
  if (!edition) throw notFound('edition');
  if (!specialAwardsEditable(edition.status)) {
    throw new AppError('EDITION_LOCKED', `The edition is ${edition.status}: its special awards can no longer change`, [{ path: 'status', message: edition.status }]);
  }
  return edition;
}

async function loadAward(tx: Db, editionId: string, id: string, forUpdate = false) {
  const award = await repo.findSpecialAward(tx, editionId, id, forUpdate);
  if (!award) throw notFound('special award');
  const category = await editions.findCategory(tx, editionId, award.categoryId);
  if (!category) throw notFound('special award');
  return { award, category };
}

/** Entrants stop changing once a pool of the award has opened marking. */
async function entriesLocked(db: Db, categoryId: string): Promise<boolean> {
  return (await repo.poolsOfCategory(db, categoryId)).some((p) => p.status !== 'setup');
}

async function assertEntriesOpen(db: Db, categoryId: string): Promise<void> {
  if (await entriesLocked(db, categoryId)) {
    throw new AppError('CONFLICT', 'Marking has started in a pool of this special award: its entrants no longer change', [{ path: 'entries', message: 'marking started' }]);
  }
}

async function checkDefinition(tx: Db, editionId: string, input: SpecialAwardInput, exceptCategoryId: string | null) {
  const other = await editions.findCategoryByCode(tx, editionId, input.code);
  if (other && other.id !== exceptCategoryId) throw new AppError('CONFLICT', `The edition already has a category or special award ${input.code}`, [{ path: 'code', message: 'already used' }]);
  const levels = (await editions.listLevels(tx, editionId)).map((l) => l.code);
  const categories = await editions.listCategories(tx, editionId);
  const problems = specialAwardProblems(input, levels, categories);
  if (problems.length > 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      problems.map((p) => p.message).join('; '),
      problems.map((p) => ({ path: p.path.replace(/\.\d+$/, ''), message: p.message })),
    );
  }
  return categories.filter((c) => input.sourceCategoryCodes.includes(c.code));
}

/** Candidacies given an award by the current final result of their pool at the level. */
async function finalistIds(db: Db, editionId: string, level: string, categoryIds: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (const pool of await pools.listPools(db, editionId)) {
    if (pool.level !== level || !categoryIds.includes(pool.categoryId)) continue;
    const result = await pools.currentResult(db, pool.id);
    if (!result) continue;
    const awarded = new Set((result.result as ScoringResult).results.filter((r) => r.award !== null).map((r) => r.candidate));
    for (const c of await pools.candidatesOfPool(db, pool)) if (awarded.has(packageIdOf(c))) out.add(c.id);
  }
  return out;
}

/** The candidacies that might enter the award, with what the rule needs to know of each. */
async function candidaciesFor(db: Db, award: repo.SpecialAwardRow, level: string) {
  const categories = (await editions.listCategories(db, award.editionId)).filter((c) => award.sourceCategoryCodes.includes(c.code));
  const ids = categories.map((c) => c.id);
  const rows = await repo.candidaciesOf(db, award.editionId, level, ids);
  const finalists = await finalistIds(db, award.editionId, level, ids);
  return rows.map((r) => ({ ...r, candidacy: { id: r.candidate.id, categoryCode: r.category.code, level: r.candidate.level, status: r.candidate.status, finalist: finalists.has(r.candidate.id) } satisfies Candidacy }));
}

/** Refuses entrants that would share an id in the pool's scoring package (the same regency or NPP twice). */
function assertNoClash(entrants: { id: string; regencyCode: string | null; villageCode: string | null; npp: string | null; kind: string; provinceCode: string; name: string }[]): void {
  const clashes = clashingEntrants(entrants.map((c) => ({ id: c.id, packageId: packageIdOf(c) })));
  if (clashes.length > 0) {
    const names = new Map(entrants.map((c) => [c.id, c.name]));
    throw new AppError(
      'VALIDATION_FAILED',
      `${clashes.length} entrant(s) are already entered from another category`,
      clashes.map((c) => ({ path: 'candidateId', message: `${names.get(c.id) ?? c.id} (${c.packageId}) is already entered` })),
    );
  }
}

async function present(db: Db, award: repo.SpecialAwardRow, category: editions.CategoryRow): Promise<SpecialAward> {
  const awardPools = await repo.poolsOfCategory(db, category.id);
  return {
    id: award.id,
    editionId: award.editionId,
    categoryId: category.id,
    code: category.code,
    nameId: category.nameId,
    nameEn: category.nameEn,
    descriptionId: award.descriptionId,
    descriptionEn: award.descriptionEn,
    level: category.levels[0] ?? '',
    sourceCategoryCodes: award.sourceCategoryCodes,
    entryRule: award.entryRule,
    winners: category.awards,
    pools: awardPools.map((p) => ({ id: p.id, area: p.area, status: p.status })),
    entriesLocked: awardPools.some((p) => p.status !== 'setup'),
    entries: (await repo.entriesOf(db, award.id)).map((e) => ({
      candidateId: e.candidate.id,
      name: e.candidate.name,
      provinceCode: e.candidate.provinceCode,
      categoryCode: e.category.code,
      categoryNameId: e.category.nameId,
      categoryNameEn: e.category.nameEn,
      status: e.candidate.status,
      source: e.entry.source,
    })),
  };
}

export async function listSpecialAwards({ db, actor }: ServiceContext, editionId: string): Promise<SpecialAward[]> {
  authorizeSpecialAwards(actor);
  if (!(await editions.findEdition(db, editionId))) throw notFound('edition');
  const out: SpecialAward[] = [];
  for (const award of await repo.listSpecialAwards(db, editionId)) {
    const { category } = await loadAward(db, editionId, award.id);
    out.push(await present(db, award, category));
  }
  return out.sort((a, b) => a.nameId.localeCompare(b.nameId));
}

/** One award with the candidacies the committee may enter by hand. */
export async function getSpecialAward({ db, actor }: ServiceContext, editionId: string, id: string): Promise<SpecialAwardDetail> {
  authorizeSpecialAwards(actor);
  const { award, category } = await loadAward(db, editionId, id);
  const shown = await present(db, award, category);
  const entered = new Set(shown.entries.map((e) => e.candidateId));
  const level = category.levels[0] ?? '';
  const eligible = (await candidaciesFor(db, award, level))
    .filter((r) => mayEnter({ level, sourceCategoryCodes: award.sourceCategoryCodes }, r.candidacy))
    .map((r) => ({
      candidateId: r.candidate.id,
      name: r.candidate.name,
      provinceCode: r.candidate.provinceCode,
      categoryCode: r.category.code,
      categoryNameId: r.category.nameId,
      categoryNameEn: r.category.nameEn,
      status: r.candidate.status,
      finalist: r.candidacy.finalist,
      entered: entered.has(r.candidate.id),
    }));
  return { ...shown, eligible };
}

/** The national committee defines a special award: its own category (family `khusus`, one level) and where its entrants come from. */
export async function createSpecialAward({ db, actor }: ServiceContext, editionId: string, input: SpecialAwardInput): Promise<SpecialAward> {
  authorizeSpecialAwards(actor);
  return db.transaction(async (tx) => {
    const edition = await editable(tx, editionId);
    await checkDefinition(tx, editionId, input, null);
    const category = await editions.insertCategory(tx, {
      editionId,
      code: input.code,
      family: specialFamily,
      nameId: input.nameId,
      nameEn: input.nameEn,
      levels: [input.level],
      awards: input.winners,
      advance: 0,
      eligibility: [],
      scoring: defaultScoringFor(specialFamily, edition.periodStart),
    });
    const award = await repo.insertSpecialAward(tx, {
      editionId,
      categoryId: category.id,
      descriptionId: input.descriptionId,
      descriptionEn: input.descriptionEn,
      sourceCategoryCodes: input.sourceCategoryCodes,
      entryRule: input.entryRule,
    });
    await editions.updateEdition(tx, editionId, {});
    await appendAudit(tx, auditActor(actor), { action: 'special-award.create', entityType: 'special_award', entityId: award.id, after: { award, category } });
    return present(tx, award, category);
  });
}

/**
 * Changes a special award. Its level stays once it has a pool; its sources
 * and rule stay once marking has started. Entrants that no longer fit the
 * sources or the level leave it, in the same audit entry.
 */
export async function updateSpecialAward({ db, actor }: ServiceContext, editionId: string, id: string, input: SpecialAwardInput): Promise<SpecialAward> {
  authorizeSpecialAwards(actor);
  return db.transaction(async (tx) => {
    await editable(tx, editionId);
    const before = await loadAward(tx, editionId, id, true);
    await checkDefinition(tx, editionId, input, before.category.id);
    const awardPools = await repo.poolsOfCategory(tx, before.category.id);
    const level = before.category.levels[0] ?? '';
    if (input.level !== level && awardPools.length > 0) {
      throw new AppError('CONFLICT', 'The special award already has a pool at its level: its level no longer changes', [{ path: 'level', message: 'has a pool' }]);
    }
    const sameSources = input.sourceCategoryCodes.length === before.award.sourceCategoryCodes.length && input.sourceCategoryCodes.every((c) => before.award.sourceCategoryCodes.includes(c));
    if ((!sameSources || input.entryRule !== before.award.entryRule || input.level !== level) && awardPools.some((p) => p.status !== 'setup')) {
      throw new AppError('CONFLICT', 'Marking has started: the sources and the rule of this special award no longer change', [{ path: 'sourceCategoryCodes', message: 'marking started' }]);
    }
    const category = await editions.updateCategory(tx, before.category.id, { code: input.code, nameId: input.nameId, nameEn: input.nameEn, levels: [input.level], awards: input.winners });
    const award = await repo.updateSpecialAward(tx, id, {
      descriptionId: input.descriptionId,
      descriptionEn: input.descriptionEn,
      sourceCategoryCodes: input.sourceCategoryCodes,
      entryRule: input.entryRule,
    });
    const entries = await repo.entriesOf(tx, id);
    const dropped = entries
      .filter((e) => !mayEnter({ level: input.level, sourceCategoryCodes: input.sourceCategoryCodes }, { id: e.candidate.id, categoryCode: e.category.code, level: e.candidate.level, status: e.candidate.status, finalist: false }))
      .map((e) => e.candidate.id);
    await repo.deleteEntries(tx, id, dropped);
    await editions.updateEdition(tx, editionId, {});
    await appendAudit(tx, auditActor(actor), {
      action: 'special-award.update',
      entityType: 'special_award',
      entityId: id,
      before: { award: before.award, category: before.category },
      after: { award, category, droppedEntries: dropped },
    });
    return present(tx, award, category);
  });
}

/** Removes a special award that has no pool yet, with its category and entries. */
export async function removeSpecialAward({ db, actor }: ServiceContext, editionId: string, id: string): Promise<void> {
  authorizeSpecialAwards(actor);
  await db.transaction(async (tx) => {
    await editable(tx, editionId);
    const before = await loadAward(tx, editionId, id, true);
    if ((await repo.poolsOfCategory(tx, before.category.id)).length > 0) {
      throw new AppError('CONFLICT', 'The special award has a pool: it cannot be removed', [{ path: 'pools', message: 'has a pool' }]);
    }
    const entries = (await repo.entriesOf(tx, id)).map((e) => e.entry);
    await repo.deleteSpecialAward(tx, id);
    await editions.deleteCategory(tx, before.category.id);
    await editions.updateEdition(tx, editionId, {});
    await appendAudit(tx, auditActor(actor), { action: 'special-award.delete', entityType: 'special_award', entityId: id, before: { award: before.award, category: before.category, entries } });
  });
}

/**
 * Enters the candidacies the award's rule chooses now: every verified one of
 * the sources at the level, or their finalists. Entries made by the rule
 * earlier that it no longer chooses leave; entries made by hand stay.
 */
export async function fillSpecialAward({ db, actor }: ServiceContext, editionId: string, id: string): Promise<SpecialAward> {
  authorizeSpecialAwards(actor);
  return db.transaction(async (tx) => {
    await editable(tx, editionId);
    const { award, category } = await loadAward(tx, editionId, id, true);
    if (award.entryRule === 'manual') {
      throw new AppError('VALIDATION_FAILED', 'The entrants of this special award are chosen by hand', [{ path: 'entryRule', message: 'manual' }]);
    }
    await assertEntriesOpen(tx, category.id);
    const level = category.levels[0] ?? '';
    const candidacies = await candidaciesFor(tx, award, level);
    const chosen = new Set(entrantsByRule({ level, sourceCategoryCodes: award.sourceCategoryCodes, entryRule: award.entryRule }, candidacies.map((c) => c.candidacy)));
    const before = (await repo.entriesOf(tx, id)).map((e) => e.entry);
    const kept = before.filter((e) => e.source === 'hand' || chosen.has(e.candidateId)).map((e) => e.candidateId);
    const leaving = before.filter((e) => !kept.includes(e.candidateId)).map((e) => e.candidateId);
    const adding = [...chosen].filter((c) => !before.some((e) => e.candidateId === c));
    const byId = new Map(candidacies.map((c) => [c.candidate.id, c.candidate]));
    const hand = (await repo.entriesOf(tx, id)).filter((e) => e.entry.source === 'hand').map((e) => e.candidate);
    assertNoClash([...hand, ...[...chosen].filter((c) => !hand.some((h) => h.id === c)).map((c) => byId.get(c)!)]);
    await repo.deleteEntries(tx, id, leaving);
    await repo.insertEntries(tx, adding.map((candidateId) => ({ awardId: id, candidateId, source: 'rule' as const, addedBy: actor!.id })));
    await appendAudit(tx, auditActor(actor), {
      action: 'special-award.fill',
      entityType: 'special_award',
      entityId: id,
      before: { entries: before.map((e) => e.candidateId) },
      after: { rule: award.entryRule, added: adding, removed: leaving },
    });
    return present(tx, award, category);
  });
}

/** The committee enters one candidacy by hand: of a source category, at the award's level, verified. */
export async function enterCandidate({ db, actor }: ServiceContext, editionId: string, id: string, candidateId: string): Promise<SpecialAward> {
  authorizeSpecialAwards(actor);
  return db.transaction(async (tx) => {
    await editable(tx, editionId);
    const { award, category } = await loadAward(tx, editionId, id, true);
    await assertEntriesOpen(tx, category.id);
    const level = category.levels[0] ?? '';
    const candidacy = (await candidaciesFor(tx, award, level)).find((c) => c.candidate.id === candidateId);
    if (!candidacy || !mayEnter({ level, sourceCategoryCodes: award.sourceCategoryCodes }, candidacy.candidacy)) {
      throw new AppError('VALIDATION_FAILED', 'Only a verified candidacy of a source category at the award’s level may enter', [{ path: 'candidateId', message: 'may not enter' }]);
    }
    const entries = await repo.entriesOf(tx, id);
    if (entries.some((e) => e.candidate.id === candidateId)) return present(tx, award, category);
    assertNoClash([...entries.map((e) => e.candidate), candidacy.candidate]);
    await repo.insertEntries(tx, [{ awardId: id, candidateId, source: 'hand', addedBy: actor!.id }]);
    await appendAudit(tx, auditActor(actor), { action: 'special-award.enter', entityType: 'special_award', entityId: id, after: { candidateId, name: candidacy.candidate.name, source: 'hand' } });
    return present(tx, award, category);
  });
}

/** The committee takes one entrant out of the award before marking starts. */
export async function removeEntry({ db, actor }: ServiceContext, editionId: string, id: string, candidateId: string): Promise<SpecialAward> {
  authorizeSpecialAwards(actor);
  return db.transaction(async (tx) => {
    await editable(tx, editionId);
    const { award, category } = await loadAward(tx, editionId, id, true);
    await assertEntriesOpen(tx, category.id);
    const entry = (await repo.entriesOf(tx, id)).find((e) => e.candidate.id === candidateId);
    if (!entry) throw notFound('entry');
    await repo.deleteEntries(tx, id, [candidateId]);
    await appendAudit(tx, auditActor(actor), { action: 'special-award.leave', entityType: 'special_award', entityId: id, before: { candidateId, name: entry.candidate.name, source: entry.entry.source } });
    return present(tx, award, category);
  });
}
