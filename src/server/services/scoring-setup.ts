import { AppError, notFound } from '../../domain/errors.ts';
import type { Instrument } from '../../domain/instruments/index.ts';
import { checkScoring, scoringSetup, type CategoryScoring } from '../../domain/panels/scoring-setup.ts';
import { findCategory, findEdition, updateCategory } from '../../db/repositories/editions.ts';
import { listPools } from '../../db/repositories/pools.ts';
import { appendAudit } from '../../db/repositories/audit.ts';
import type { CategoryScoringView } from '../../shared/contracts/index.ts';
import { auditActor } from '../policies/actor.ts';
import type { ServiceContext } from './context.ts';

/** The instrument and method a category of an edition is scored with. */
export async function getCategoryScoring({ db }: ServiceContext, editionId: string, categoryId: string): Promise<CategoryScoringView> {
  const category = await findCategory(db, editionId, categoryId);
  if (!category) throw notFound('category');
  const { instrument, method } = scoringSetup(category);
  return {
    instrument: JSON.parse(JSON.stringify(instrument)) as CategoryScoringView['instrument'],
    jurorAggregate: method.jurorAggregate,
    decimals: method.decimals,
    minScore: method.minScore,
    tieBreak: method.tieBreak,
    isDefault: !(category.scoring as CategoryScoring | null)?.instrument,
  };
}

/**
 * The committee edits the edition's copy of the instrument (weights,
 * indicators, descriptors) and the method, until marking starts in a pool of
 * the category: a result is never computed with weights changed under it.
 */
export async function saveCategoryScoring({ db, actor }: ServiceContext, editionId: string, categoryId: string, input: Omit<CategoryScoringView, 'isDefault'>): Promise<CategoryScoringView> {
  const scoring: CategoryScoring = { ...input, instrument: JSON.parse(JSON.stringify(input.instrument)) as Instrument };
  const problems = checkScoring(scoring);
  const stageAndAspectIds = new Set(scoring.instrument!.stages.flatMap((s) => [s.id, ...s.aspects.map((a) => a.id)]));
  input.tieBreak.forEach((t, i) => {
    if (!stageAndAspectIds.has(t)) problems.push({ path: `tieBreak[${i}]`, message: `no stage or aspect ${t}` });
  });
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', 'The instrument cannot score a pool', problems);
  await db.transaction(async (tx) => {
    const edition = await findEdition(tx, editionId);
    if (!edition) throw notFound('edition');
    if (edition.status === 'published' || edition.status === 'archived') throw new AppError('EDITION_LOCKED', `The edition is ${edition.status}`);
    const category = await findCategory(tx, editionId, categoryId);
    if (!category) throw notFound('category');
    const started = (await listPools(tx, editionId)).filter((p) => p.categoryId === categoryId && p.status !== 'setup');
    if (started.length > 0) throw new AppError('CONFLICT', 'Marking has started in a pool of this category: its instrument can no longer change');
    const after = await updateCategory(tx, categoryId, { scoring });
    await appendAudit(tx, auditActor(actor), { action: 'category.scoring', entityType: 'category', entityId: categoryId, before: category.scoring, after: after.scoring });
  });
  return getCategoryScoring({ db, actor }, editionId, categoryId);
}
