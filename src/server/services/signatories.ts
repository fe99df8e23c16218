import { AppError, notFound } from '../../domain/errors.ts';
import * as repo from '../../db/repositories/publication.ts';
import { findEdition, listLevels } from '../../db/repositories/editions.ts';
import { appendAudit } from '../../db/repositories/audit.ts';
import type { Signatory, SignatoryInput } from '../../shared/contracts/index.ts';
import { auditActor } from '../policies/actor.ts';
import type { ServiceContext } from './context.ts';

export const presentSignatory = (s: repo.SignatoryRow): Signatory => ({
  id: s.id,
  level: s.level,
  area: s.area,
  position: s.position,
  name: s.name,
  title: s.title,
  handsOver: s.handsOver,
});

export async function listSignatories({ db }: ServiceContext, editionId: string): Promise<Signatory[]> {
  if (!(await findEdition(db, editionId))) throw notFound('edition');
  return (await repo.listSignatories(db, editionId)).map(presentSignatory);
}

/**
 * The national committee sets who signs the certificates of each level (and,
 * where a province differs, of that province). The list replaces the
 * previous one; certificates already issued keep their signatories until the
 * result is published again.
 */
export async function replaceSignatories({ db, actor }: ServiceContext, editionId: string, input: SignatoryInput[]): Promise<Signatory[]> {
  await db.transaction(async (tx) => {
    if (!(await findEdition(tx, editionId))) throw notFound('edition');
    const levels = await listLevels(tx, editionId);
    const problems = input.flatMap((s, i) => {
      const level = levels.find((l) => l.code === s.level);
      if (!level) return [{ path: `signatories.${i}.level`, message: `the edition has no level ${s.level}` }];
      if (s.area !== '' && level.kind !== 'provinsi') return [{ path: `signatories.${i}.area`, message: 'only the provincial level has signatories per province' }];
      return [];
    });
    const presenters = new Map<string, number>();
    for (const s of input.filter((x) => x.handsOver)) presenters.set(`${s.level}|${s.area}`, (presenters.get(`${s.level}|${s.area}`) ?? 0) + 1);
    for (const [key, n] of presenters) if (n > 1) problems.push({ path: 'signatories', message: `${key.replace('|', ' ')}: only one signatory hands the award over` });
    if (problems.length > 0) throw new AppError('VALIDATION_FAILED', 'The signatories are not valid', problems);
    const before = await repo.listSignatories(tx, editionId);
    const position = new Map<string, number>();
    const rows = input.map((s) => {
      const key = `${s.level}|${s.area}`;
      position.set(key, (position.get(key) ?? 0) + 1);
      return { ...s, position: position.get(key)! };
    });
    await repo.replaceSignatories(tx, editionId, rows);
    await appendAudit(tx, auditActor(actor), { action: 'edition.signatories', entityType: 'edition', entityId: editionId, before: before.map(presentSignatory), after: rows });
  });
  return listSignatories({ db, actor }, editionId);
}
