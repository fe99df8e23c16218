import { AppError, notFound } from '../../domain/errors.ts';
import { allowedFor, canMoveTo, mayChange, type EditionChange } from '../../domain/editions/status.ts';
import { defaultLevels } from '../../domain/editions/catalogue.ts';
import { categoryLevelProblems, levelProblems } from '../../domain/editions/levels.ts';
import { shiftYears, yearsBetween } from '../../domain/editions/dates.ts';
import { copiedScoring, defaultScoringFor } from '../../domain/panels/scoring-setup.ts';
import { editionPhase, todayInWib } from '../../domain/editions/phase.ts';
import * as repo from '../../db/repositories/editions.ts';
import { findProvince } from '../../db/repositories/regions.ts';
import { insertSpecialAward, listSpecialAwards } from '../../db/repositories/special-awards.ts';
import { appendAudit } from '../../db/repositories/audit.ts';
import type { Db } from '../../db/client.ts';
import type {
  CategoryInput,
  EditionCopyInput,
  EditionDetail,
  EditionInput,
  EditionPatch,
  EditionStatus,
  EventInput,
  LevelInput,
  Milestone,
  MilestoneKind,
} from '../../shared/contracts/index.ts';
import { auditActor, type Actor } from '../policies/actor.ts';
import { authorizeEvent, editionAbilities } from '../policies/editions.ts';
import type { ServiceContext } from './context.ts';
import { inTurn } from '../../db/in-turn.ts';

const changeNames: Record<EditionChange, string> = {
  general: 'its label and settings',
  period: 'its assessment period',
  structure: 'its categories and levels',
  timeline: 'its timeline and events',
};

/** Locks the edition and checks that its status allows this kind of change. */
async function editable(tx: Db, editionId: string, change: EditionChange): Promise<repo.EditionRow> {
  const edition = await repo.lockEdition(tx, editionId);
  if (!edition) throw notFound('edition');
  if (!mayChange({ status: edition.status, change })) {
    throw new AppError('EDITION_LOCKED', `The edition is ${edition.status}: ${changeNames[change]} can no longer change`, [
      { path: change, message: edition.status },
    ]);
  }
  return edition;
}

/** An edition with its setup and what `actor` may do with it. */
export async function getEditionDetail(db: Db, id: string, actor: Actor | null): Promise<EditionDetail> {
  const edition = await repo.findEdition(db, id);
  if (!edition) throw notFound('edition');
  const [categories, levels, milestones, events] = await inTurn(
    () => repo.listCategories(db, id),
    () => repo.listLevels(db, id),
    () => repo.listMilestones(db, id),
    () => repo.listEvents(db, id),
  );
  return {
    id: edition.id,
    label: edition.label,
    periodStart: edition.periodStart,
    periodEnd: edition.periodEnd,
    status: edition.status,
    minJurors: edition.minJurors,
    coverageTargetPct: edition.coverageTargetPct,
    copiedFrom: edition.copiedFrom,
    categoryCount: categories.length,
    updatedAt: edition.updatedAt.toISOString(),
    phase: editionPhase({ status: edition.status, milestones, today: todayInWib(new Date()) }),
    categories: categories.map(presentCategory),
    levels: levels.map(presentLevel),
    milestones: milestones.map((m) => ({ kind: m.kind as MilestoneKind, startsOn: m.startsOn, endsOn: m.endsOn, place: m.place })),
    events: events.map(presentEvent),
    allowed: allowedFor(edition.status),
    abilities: editionAbilities.abilities(actor, edition),
  };
}

export function presentCategory(c: repo.CategoryRow) {
  return {
    id: c.id,
    editionId: c.editionId,
    code: c.code,
    family: c.family as CategoryInput['family'],
    nameId: c.nameId,
    nameEn: c.nameEn,
    levels: c.levels,
    awards: c.awards,
    advance: c.advance,
    eligibility: c.eligibility as CategoryInput['eligibility'],
  };
}

export function presentLevel(l: repo.LevelRow) {
  return { id: l.id, editionId: l.editionId, code: l.code, kind: l.kind, name: l.name, provinceCodes: l.provinceCodes };
}

export function presentEvent(e: repo.EventRow) {
  return {
    id: e.id,
    editionId: e.editionId,
    kind: e.kind,
    provinceCode: e.provinceCode,
    heldOn: e.heldOn,
    place: e.place,
    attendees: e.attendees,
    notes: e.notes,
  };
}

export async function listEditionSummaries(db: Db) {
  const rows = await repo.listEditions(db);
  const today = todayInWib(new Date());
  const milestones = await Promise.all(rows.map((e) => (e.status === 'open' || e.status === 'assessing' ? repo.listMilestones(db, e.id) : Promise.resolve([]))));
  return rows.map((e, i) => ({
    id: e.id,
    label: e.label,
    periodStart: e.periodStart,
    periodEnd: e.periodEnd,
    status: e.status,
    minJurors: e.minJurors,
    coverageTargetPct: e.coverageTargetPct,
    copiedFrom: e.copiedFrom,
    categoryCount: e.categoryCount,
    updatedAt: e.updatedAt.toISOString(),
    phase: editionPhase({ status: e.status, milestones: milestones[i]!, today }),
  }));
}

export async function createEdition({ db, actor }: ServiceContext, input: EditionInput): Promise<EditionDetail> {
  const id = await db.transaction(async (tx) => {
    const edition = await repo.insertEdition(tx, {
      label: input.label,
      periodStart: input.periodStart,
      periodEnd: input.periodEnd,
      ...(input.minJurors ? { minJurors: input.minJurors } : {}),
    });
    for (const level of defaultLevels) await repo.insertLevel(tx, { ...level, editionId: edition.id });
    await appendAudit(tx, auditActor(actor), { action: 'edition.create', entityType: 'edition', entityId: edition.id, after: edition });
    return edition.id;
  });
  return getEditionDetail(db, id, actor);
}

export async function updateEdition({ db, actor }: ServiceContext, id: string, patch: EditionPatch): Promise<EditionDetail> {
  await db.transaction(async (tx) => {
    const touchesPeriod = patch.periodStart !== undefined || patch.periodEnd !== undefined;
    const touchesGeneral = patch.label !== undefined || patch.minJurors !== undefined || patch.coverageTargetPct !== undefined;
    let before = await editable(tx, id, touchesPeriod ? 'period' : 'general');
    if (touchesGeneral && touchesPeriod) before = await editable(tx, id, 'general');
    const periodStart = patch.periodStart ?? before.periodStart;
    const periodEnd = patch.periodEnd ?? before.periodEnd;
    if (periodStart > periodEnd) {
      throw new AppError('VALIDATION_FAILED', 'The assessment period ends before it starts', [
        { path: 'periodEnd', message: 'period ends before it starts' },
      ]);
    }
    const after = await repo.updateEdition(tx, id, patch);
    await appendAudit(tx, auditActor(actor), { action: 'edition.update', entityType: 'edition', entityId: id, before, after });
  });
  return getEditionDetail(db, id, actor);
}

export async function changeEditionStatus({ db, actor }: ServiceContext, id: string, to: EditionStatus): Promise<EditionDetail> {
  await db.transaction(async (tx) => {
    const before = await repo.lockEdition(tx, id);
    if (!before) throw notFound('edition');
    if (!canMoveTo({ from: before.status, to })) {
      throw new AppError('INVALID_TRANSITION', `An edition that is ${before.status} cannot become ${to}`, [
        { path: 'status', message: `${before.status} → ${to}` },
      ]);
    }
    if (to === 'open') {
      const categories = await repo.listCategories(tx, id);
      if (categories.length === 0) {
        throw new AppError('CONFLICT', 'An edition needs at least one category before it opens', [
          { path: 'categories', message: 'none' },
        ]);
      }
    }
    const after = await repo.updateEdition(tx, id, { status: to });
    await appendAudit(tx, auditActor(actor), {
      action: 'edition.status',
      entityType: 'edition',
      entityId: id,
      before: { status: before.status },
      after: { status: after.status },
    });
  });
  return getEditionDetail(db, id, actor);
}

/**
 * Copies an edition's setup (categories, levels, timeline moved by the
 * years between the periods) into a new draft. Events and candidates stay.
 */
export async function copyEdition({ db, actor }: ServiceContext, id: string, input: EditionCopyInput): Promise<EditionDetail> {
  if (input.periodStart > input.periodEnd) {
    throw new AppError('VALIDATION_FAILED', 'The assessment period ends before it starts', [
      { path: 'periodEnd', message: 'period ends before it starts' },
    ]);
  }
  const newId = await db.transaction(async (tx) => {
    const source = await repo.findEdition(tx, id);
    if (!source) throw notFound('edition');
    const years = yearsBetween(source.periodStart, input.periodStart);
    const copy = await repo.insertEdition(tx, {
      label: input.label,
      periodStart: input.periodStart,
      periodEnd: input.periodEnd,
      minJurors: source.minJurors,
      screeningConfig: source.screeningConfig,
      copiedFrom: source.id,
    });
    const specials = await listSpecialAwards(tx, id);
    for (const c of await repo.listCategories(tx, id)) {
      const { id: _id, editionId: _e, ...rest } = c;
      const row = await repo.insertCategory(tx, { ...rest, scoring: copiedScoring(rest.scoring, rest.family, input.periodStart), editionId: copy.id });
      // A special award is copied with its definition; its entrants are the new edition's own.
      const special = specials.find((a) => a.categoryId === c.id);
      if (special) {
        const { id: _a, editionId: _ae, categoryId: _c, updatedAt: _u, ...definition } = special;
        await insertSpecialAward(tx, { ...definition, editionId: copy.id, categoryId: row.id });
      }
    }
    for (const l of await repo.listLevels(tx, id)) {
      const { id: _id, editionId: _e, ...rest } = l;
      await repo.insertLevel(tx, { ...rest, editionId: copy.id });
    }
    const milestones = await repo.listMilestones(tx, id);
    await repo.replaceMilestones(
      tx,
      copy.id,
      milestones.map((m) => ({
        kind: m.kind,
        startsOn: shiftYears(m.startsOn, years),
        endsOn: m.endsOn ? shiftYears(m.endsOn, years) : null,
        place: m.place,
      })),
    );
    await appendAudit(tx, auditActor(actor), {
      action: 'edition.copy',
      entityType: 'edition',
      entityId: copy.id,
      after: { ...copy, copiedFrom: source.id },
    });
    return copy.id;
  });
  return getEditionDetail(db, newId, actor);
}

export async function replaceTimeline({ db, actor }: ServiceContext, id: string, milestones: Milestone[]): Promise<EditionDetail> {
  const kinds = milestones.map((m) => m.kind);
  const duplicate = kinds.find((k, i) => kinds.indexOf(k) !== i);
  if (duplicate) {
    throw new AppError('VALIDATION_FAILED', `Milestone ${duplicate} is listed twice`, [
      { path: `milestones.${kinds.lastIndexOf(duplicate)}.kind`, message: 'listed twice' },
    ]);
  }
  await db.transaction(async (tx) => {
    await editable(tx, id, 'timeline');
    const before = await repo.listMilestones(tx, id);
    await repo.replaceMilestones(tx, id, milestones);
    await repo.updateEdition(tx, id, {});
    await appendAudit(tx, auditActor(actor), {
      action: 'edition.timeline',
      entityType: 'edition',
      entityId: id,
      before: before.map(({ id: _i, editionId: _e, ...m }) => m),
      after: milestones,
    });
  });
  return getEditionDetail(db, id, actor);
}

async function checkLevels(tx: Db, editionId: string, levels: string[]) {
  const problems = categoryLevelProblems(await repo.listLevels(tx, editionId), levels);
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', problems.map((p) => p.message).join('; '), problems);
}

/** A special award's own category changes only with the award (services/special-awards.ts). */
function assertOrdinary(category: repo.CategoryRow): void {
  if (category.family === 'khusus') throw new AppError('CONFLICT', 'This is a special award: change it on the special awards tab', [{ path: 'family', message: 'special award' }]);
}

export async function addCategory({ db, actor }: ServiceContext, editionId: string, input: CategoryInput) {
  return db.transaction(async (tx) => {
    const edition = await editable(tx, editionId, 'structure');
    if (await repo.findCategoryByCode(tx, editionId, input.code)) {
      throw new AppError('CONFLICT', `The edition already has category ${input.code}`, [{ path: 'code', message: 'already used' }]);
    }
    await checkLevels(tx, editionId, input.levels);
    const row = await repo.insertCategory(tx, { ...input, scoring: defaultScoringFor(input.family, edition.periodStart), editionId });
    await repo.updateEdition(tx, editionId, {});
    await appendAudit(tx, auditActor(actor), { action: 'category.create', entityType: 'category', entityId: row.id, after: row });
    return presentCategory(row);
  });
}

export async function updateCategory({ db, actor }: ServiceContext, editionId: string, id: string, input: CategoryInput) {
  return db.transaction(async (tx) => {
    await editable(tx, editionId, 'structure');
    const before = await repo.findCategory(tx, editionId, id);
    if (!before) throw notFound('category');
    assertOrdinary(before);
    const other = await repo.findCategoryByCode(tx, editionId, input.code);
    if (other && other.id !== id) {
      throw new AppError('CONFLICT', `The edition already has category ${input.code}`, [{ path: 'code', message: 'already used' }]);
    }
    await checkLevels(tx, editionId, input.levels);
    const row = await repo.updateCategory(tx, id, input);
    await repo.updateEdition(tx, editionId, {});
    await appendAudit(tx, auditActor(actor), { action: 'category.update', entityType: 'category', entityId: id, before, after: row });
    return presentCategory(row);
  });
}

export async function removeCategory({ db, actor }: ServiceContext, editionId: string, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    await editable(tx, editionId, 'structure');
    const before = await repo.findCategory(tx, editionId, id);
    if (!before) throw notFound('category');
    assertOrdinary(before);
    if ((await repo.countCandidatesInCategory(tx, id)) > 0) {
      throw new AppError('CONFLICT', 'The category has candidates; it cannot be removed');
    }
    await repo.deleteCategory(tx, id);
    await repo.updateEdition(tx, editionId, {});
    await appendAudit(tx, auditActor(actor), { action: 'category.delete', entityType: 'category', entityId: id, before });
  });
}

async function checkLevelInput(tx: Db, editionId: string, input: LevelInput, exceptId: string | null): Promise<void> {
  const others = (await repo.listLevels(tx, editionId)).filter((l) => l.id !== exceptId);
  const problems = levelProblems(input, others);
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', problems.map((p) => p.message).join('; '), problems);
  for (const [i, code] of input.provinceCodes.entries()) {
    if (!(await findProvince(tx, code))) {
      throw new AppError('VALIDATION_FAILED', `Unknown province ${code}`, [{ path: `provinceCodes.${i}`, message: 'unknown province' }]);
    }
  }
}

export async function addLevel({ db, actor }: ServiceContext, editionId: string, input: LevelInput) {
  return db.transaction(async (tx) => {
    await editable(tx, editionId, 'structure');
    await checkLevelInput(tx, editionId, input, null);
    if ((await repo.listLevels(tx, editionId)).some((l) => l.code === input.code)) {
      throw new AppError('CONFLICT', `The edition already has level ${input.code}`, [{ path: 'code', message: 'already used' }]);
    }
    const row = await repo.insertLevel(tx, { ...input, editionId });
    await repo.updateEdition(tx, editionId, {});
    await appendAudit(tx, auditActor(actor), { action: 'level.create', entityType: 'level', entityId: row.id, after: row });
    return presentLevel(row);
  });
}

export async function updateLevel({ db, actor }: ServiceContext, editionId: string, id: string, input: LevelInput) {
  return db.transaction(async (tx) => {
    await editable(tx, editionId, 'structure');
    const before = await repo.findLevel(tx, editionId, id);
    if (!before) throw notFound('level');
    await checkLevelInput(tx, editionId, input, id);
    if ((await repo.listLevels(tx, editionId)).some((l) => l.code === input.code && l.id !== id)) {
      throw new AppError('CONFLICT', `The edition already has level ${input.code}`, [{ path: 'code', message: 'already used' }]);
    }
    const usedBy = (await repo.listCategories(tx, editionId)).filter((c) => c.levels.includes(before.code));
    if (usedBy.length > 0 && (before.code !== input.code || before.kind !== input.kind)) {
      throw new AppError('CONFLICT', `Level ${before.code} is used by ${usedBy.map((c) => c.code).join(', ')}; its code and kind stay`);
    }
    const row = await repo.updateLevel(tx, id, input);
    await repo.updateEdition(tx, editionId, {});
    await appendAudit(tx, auditActor(actor), { action: 'level.update', entityType: 'level', entityId: id, before, after: row });
    return presentLevel(row);
  });
}

export async function removeLevel({ db, actor }: ServiceContext, editionId: string, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    await editable(tx, editionId, 'structure');
    const before = await repo.findLevel(tx, editionId, id);
    if (!before) throw notFound('level');
    const usedBy = (await repo.listCategories(tx, editionId)).filter((c) => c.levels.includes(before.code));
    if (usedBy.length > 0) {
      throw new AppError('CONFLICT', `Level ${before.code} is used by ${usedBy.map((c) => c.code).join(', ')}`);
    }
    await repo.deleteLevel(tx, id);
    await repo.updateEdition(tx, editionId, {});
    await appendAudit(tx, auditActor(actor), { action: 'level.delete', entityType: 'level', entityId: id, before });
  });
}

async function checkProvince(tx: Db, code: string) {
  if (!(await findProvince(tx, code))) {
    throw new AppError('VALIDATION_FAILED', `Unknown province ${code}`, [{ path: 'provinceCode', message: 'unknown province' }]);
  }
}

/** A province holds one award ceremony per edition. */
async function checkOneCeremony(tx: Db, editionId: string, input: EventInput, exceptId: string | null) {
  if (input.kind !== 'provincial_ceremony') return;
  const other = (await repo.listEvents(tx, editionId)).find((e) => e.kind === 'provincial_ceremony' && e.provinceCode === input.provinceCode && e.id !== exceptId);
  if (other) {
    throw new AppError('CONFLICT', `Province ${input.provinceCode} already has its award ceremony on ${other.heldOn}; change that one`, [
      { path: 'kind', message: 'one ceremony per province' },
    ]);
  }
}

export async function addEvent(ctx: ServiceContext, editionId: string, input: EventInput) {
  const { db, actor } = ctx;
  authorizeEvent(actor, 'manage', input);
  return db.transaction(async (tx) => {
    await editable(tx, editionId, 'timeline');
    await checkProvince(tx, input.provinceCode);
    await checkOneCeremony(tx, editionId, input, null);
    const row = await repo.insertEvent(tx, { ...input, editionId });
    await appendAudit(tx, auditActor(actor), { action: 'event.create', entityType: 'event', entityId: row.id, after: row });
    return presentEvent(row);
  });
}

export async function updateEvent(ctx: ServiceContext, editionId: string, id: string, input: EventInput) {
  const { db, actor } = ctx;
  return db.transaction(async (tx) => {
    await editable(tx, editionId, 'timeline');
    const before = await repo.findEvent(tx, editionId, id);
    if (!before) throw notFound('event');
    authorizeEvent(actor, 'manage', before);
    authorizeEvent(actor, 'manage', input);
    await checkProvince(tx, input.provinceCode);
    await checkOneCeremony(tx, editionId, input, id);
    const row = await repo.updateEvent(tx, id, input);
    await appendAudit(tx, auditActor(actor), { action: 'event.update', entityType: 'event', entityId: id, before, after: row });
    return presentEvent(row);
  });
}

export async function removeEvent(ctx: ServiceContext, editionId: string, id: string): Promise<void> {
  const { db, actor } = ctx;
  await db.transaction(async (tx) => {
    await editable(tx, editionId, 'timeline');
    const before = await repo.findEvent(tx, editionId, id);
    if (!before) throw notFound('event');
    authorizeEvent(actor, 'manage', before);
    await repo.deleteEvent(tx, id);
    await appendAudit(tx, auditActor(actor), { action: 'event.delete', entityType: 'event', entityId: id, before });
  });
}
