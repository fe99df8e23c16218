import { AppError, forbidden, notFound } from '../../domain/errors.ts';
import { conflictsFromTies } from '../../domain/panels/conflicts.ts';
import { unsurCodes } from '../../domain/panels/unsur.ts';
import type { Db } from '../../db/client.ts';
import * as repo from '../../db/repositories/panels.ts';
import { findEdition, listCategories, listLevels } from '../../db/repositories/editions.ts';
import { findCandidate } from '../../db/repositories/candidates.ts';
import { findProvince } from '../../db/repositories/regions.ts';
import { listUsers, rolesOf } from '../../db/repositories/users.ts';
import { candidatesOfPool, poolsOfPanels } from '../../db/repositories/pools.ts';
import { appendAudit } from '../../db/repositories/audit.ts';
import type { ConflictView, JurorProfile, MembersInput, PanelDetail, PanelInput } from '../../shared/contracts/index.ts';
import { type Actor, auditActor, isNationalAdmin, provincesAs } from '../policies/actor.ts';
import { authorizePanel, authorizePool, panelAbilities } from '../policies/panels.ts';
import { authorizeCandidate } from '../policies/candidates.ts';
import type { ServiceContext } from './context.ts';
import { loadPool } from './pool-context.ts';
import { notifyAboutCandidate, notifyAboutPool } from '../notifications/events.ts';

const editable = new Set(['draft', 'open', 'assessing']);

export function presentPanel(panel: repo.PanelRow, members: repo.MemberWithUser[]): PanelDetail {
  return {
    id: panel.id,
    editionId: panel.editionId,
    level: panel.level,
    area: panel.area,
    name: panel.name,
    decreeNumber: panel.decreeNumber,
    decreeDate: panel.decreeDate,
    categoryCodes: panel.categoryCodes,
    members: members
      .filter((m) => m.panelId === panel.id)
      .map((m) => ({ userId: m.userId, unsur: m.unsur, role: m.role, title: m.title, name: m.name, email: m.email })),
  };
}

/** Panels the actor may see: an admin sees those of their areas, a juror those they sit on. */
export async function listPanels({ db, actor }: ServiceContext, editionId: string): Promise<PanelDetail[]> {
  if (!(await findEdition(db, editionId))) throw notFound('edition');
  const panels = await repo.listPanels(db, editionId);
  const members = await repo.membersOf(
    db,
    panels.map((p) => p.id),
  );
  return panels
    .filter((p) => panelAbilities.can(actor, 'manage', p) || members.some((m) => m.panelId === p.id && m.userId === actor!.id))
    .map((p) => presentPanel(p, members));
}

/** Checks a panel's level, area and categories against the edition. */
async function checkPanelInput(db: Db, editionId: string, input: PanelInput): Promise<void> {
  const edition = await findEdition(db, editionId);
  if (!edition) throw notFound('edition');
  if (!editable.has(edition.status)) throw new AppError('EDITION_LOCKED', `The edition is ${edition.status}: its panels can no longer change`);
  const level = (await listLevels(db, editionId)).find((l) => l.code === input.level);
  if (!level) throw new AppError('VALIDATION_FAILED', `No level ${input.level} in this edition`, [{ path: 'level', message: 'unknown level' }]);
  if (level.kind === 'provinsi' && !(input.area !== '' && (await findProvince(db, input.area)))) {
    throw new AppError('VALIDATION_FAILED', 'A provincial panel needs its province', [{ path: 'area', message: 'a province code is required' }]);
  }
  if (level.kind !== 'provinsi' && input.area !== '') {
    throw new AppError('VALIDATION_FAILED', 'Only a provincial panel has a province', [{ path: 'area', message: 'must be empty for this level' }]);
  }
  const codes = new Set((await listCategories(db, editionId)).filter((c) => c.levels.includes(input.level)).map((c) => c.code));
  const unknown = input.categoryCodes.filter((c) => !codes.has(c));
  if (unknown.length > 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Category ${unknown.join(', ')} does not run at level ${input.level}`,
      unknown.map((c) => ({ path: `categoryCodes.${input.categoryCodes.indexOf(c)}`, message: 'not a category of this level' })),
    );
  }
}

export async function createPanel({ db, actor }: ServiceContext, editionId: string, input: PanelInput): Promise<PanelDetail> {
  authorizePanel(actor, 'manage', input);
  return db.transaction(async (tx) => {
    await checkPanelInput(tx, editionId, input);
    const panel = await repo.insertPanel(tx, { editionId, ...input });
    await appendAudit(tx, auditActor(actor), { action: 'panel.create', entityType: 'panel', entityId: panel.id, after: panel });
    return presentPanel(panel, []);
  });
}

async function managedPanel(db: Db, actor: Actor, id: string): Promise<repo.PanelRow> {
  const panel = await repo.findPanel(db, id);
  if (!panel) throw notFound('panel');
  authorizePanel(actor, 'manage', panel);
  return panel;
}

export async function updatePanel({ db, actor }: ServiceContext, id: string, input: PanelInput): Promise<PanelDetail> {
  return db.transaction(async (tx) => {
    const before = await managedPanel(tx, actor!, id);
    authorizePanel(actor, 'manage', input);
    await checkPanelInput(tx, before.editionId, input);
    const after = await repo.updatePanel(tx, id, input);
    await appendAudit(tx, auditActor(actor), { action: 'panel.update', entityType: 'panel', entityId: id, before, after });
    return presentPanel(after, await repo.membersOf(tx, [id]));
  });
}

/**
 * Which jurors a committee may list and seat: the national admin any (null);
 * a provincial admin those of its provinces and those already sitting on one
 * of its provinces' panels.
 */
async function seatableBy(db: Db, actor: Actor): Promise<((userId: string, roles: { role: string; provinceCode: string | null }[]) => boolean) | null> {
  if (isNationalAdmin(actor)) return null;
  const provinces = provincesAs(actor, 'provincial_admin');
  const seated = new Set(await repo.membersInAreas(db, provinces));
  return (userId, roles) => seated.has(userId) || roles.some((r) => r.role === 'juror' && r.provinceCode !== null && provinces.includes(r.provinceCode));
}

/**
 * Sets the members of a panel: each must hold the juror role, with a known
 * unsur; one chair, at most one secretary. A provincial admin seats only the
 * jurors it may list (its province's, or those already on its panels).
 */
export async function replaceMembers({ db, actor }: ServiceContext, id: string, input: MembersInput): Promise<PanelDetail> {
  const problems: { path: string; message: string }[] = [];
  const roles = await rolesOf(
    db,
    input.members.map((m) => m.userId),
  );
  input.members.forEach((m, i) => {
    if (!(unsurCodes as string[]).includes(m.unsur)) problems.push({ path: `members.${i}.unsur`, message: `unknown unsur ${m.unsur}` });
    if (!(roles.get(m.userId) ?? []).some((r) => r.role === 'juror')) problems.push({ path: `members.${i}.userId`, message: 'this user is not a juror' });
    if (input.members.findIndex((o) => o.userId === m.userId) !== i) problems.push({ path: `members.${i}.userId`, message: 'listed twice' });
  });
  const chairs = input.members.filter((m) => m.role === 'chair').length;
  if (input.members.length > 0 && chairs !== 1) problems.push({ path: 'members', message: `a panel has exactly one chair (${chairs} given)` });
  if (input.members.filter((m) => m.role === 'secretary').length > 1) problems.push({ path: 'members', message: 'a panel has at most one secretary' });
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', 'The members are not valid', problems);
  return db.transaction(async (tx) => {
    const panel = await managedPanel(tx, actor!, id);
    const before = await repo.membersOf(tx, [id]);
    const seatable = await seatableBy(tx, actor!);
    const foreign = seatable ? input.members.filter((m) => !before.some((b) => b.userId === m.userId) && !seatable(m.userId, roles.get(m.userId) ?? [])) : [];
    if (foreign.length > 0) throw forbidden('A provincial committee seats only the jurors of its province (the national admin gives a juror a province)');
    await repo.replaceMembers(
      tx,
      id,
      input.members.map((m) => ({ panelId: id, ...m })),
    );
    const after = await repo.membersOf(tx, [id]);
    await appendAudit(tx, auditActor(actor), { action: 'panel.members', entityType: 'panel', entityId: id, before, after });
    return presentPanel(panel, after);
  });
}

export async function deletePanel({ db, actor }: ServiceContext, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const panel = await managedPanel(tx, actor!, id);
    if ((await poolsOfPanels(tx, [id])).length > 0) throw new AppError('CONFLICT', 'The panel judges a pool: remove the pool first');
    await repo.deletePanel(tx, id);
    await appendAudit(tx, auditActor(actor), { action: 'panel.delete', entityType: 'panel', entityId: id, before: panel });
  });
}

/**
 * Active jurors a panel may seat, with their institution: all of them for the
 * national committee; for a province's admin, those of its province (a juror
 * role with the province) and those sitting on its panels, not every juror's
 * e-mail in the country.
 */
export async function listJurors({ db, actor }: ServiceContext) {
  let jurors = (await listUsers(db)).filter((u) => u.active && u.roles.some((r) => r.role === 'juror'));
  const seatable = await seatableBy(db, actor!);
  if (seatable) jurors = jurors.filter((j) => seatable(j.id, j.roles));
  const profiles = new Map((await repo.profilesOf(db, jurors.map((j) => j.id))).map((p) => [p.userId, p]));
  return jurors.map((j) => ({ id: j.id, name: j.name, email: j.email, institution: profiles.get(j.id)?.institution ?? null }));
}

export async function getProfile({ db, actor }: ServiceContext): Promise<JurorProfile> {
  const [row] = await repo.profilesOf(db, [actor!.id]);
  return { institution: row?.institution ?? null, ties: row?.ties ?? [] };
}

/** A juror records who they are tied to; conflicts follow from it when pools are set up. */
export async function saveProfile({ db, actor }: ServiceContext, input: JurorProfile): Promise<JurorProfile> {
  return db.transaction(async (tx) => {
    const [before] = await repo.profilesOf(tx, [actor!.id]);
    const row = await repo.upsertProfile(tx, { userId: actor!.id, institution: input.institution, ties: input.ties });
    await appendAudit(tx, auditActor(actor), { action: 'juror.profile', entityType: 'user', entityId: actor!.id, before: before ?? null, after: row });
    return { institution: row.institution, ties: row.ties };
  });
}

/** Records the conflicts that follow from the ties of the panel's jurors (none twice). */
export async function recordTieConflicts(tx: Db, actor: Actor | null, memberIds: string[], candidates: { id: string; regencyCode: string | null; npp: string | null }[]): Promise<void> {
  const profiles = await repo.profilesOf(tx, memberIds);
  const found = conflictsFromTies({ jurors: profiles.map((p) => ({ userId: p.userId, ties: p.ties })), candidates });
  for (const f of found) {
    const row = await repo.insertConflict(tx, { ...f, source: 'profile' });
    if (row) await appendAudit(tx, auditActor(actor), { action: 'conflict.found', entityType: 'conflict', entityId: row.id, after: row });
  }
}

export function presentConflicts(rows: repo.ConflictRow[], names: { jurors: Map<string, string>; candidates: Map<string, string> }): ConflictView[] {
  return rows.map((c) => ({
    id: c.id,
    userId: c.userId,
    jurorName: names.jurors.get(c.userId) ?? '',
    candidateId: c.candidateId,
    candidateName: names.candidates.get(c.candidateId) ?? '',
    source: c.source,
    reason: c.reason,
    status: c.status,
    reviewNote: c.reviewNote,
  }));
}

/** A juror declares a conflict with a candidate of a pool they sit on; it takes effect at once. */
export async function declareConflict({ db, actor }: ServiceContext, poolId: string, input: { candidateId: string; reason: string }): Promise<void> {
  await db.transaction(async (tx) => {
    const ctx = await loadPool(tx, poolId);
    authorizePool(actor, 'declareConflict', ctx);
    if (!(await candidatesOfPool(tx, ctx.pool)).some((c) => c.id === input.candidateId)) throw notFound('candidate');
    const row = await repo.insertConflict(tx, { userId: actor!.id, candidateId: input.candidateId, source: 'declared', reason: input.reason, status: 'confirmed' });
    if (!row) throw new AppError('CONFLICT', 'You already declared a conflict with this candidate');
    await appendAudit(tx, auditActor(actor), { action: 'conflict.declare', entityType: 'conflict', entityId: row.id, after: row });
    const candidate = (await findCandidate(tx, input.candidateId))!;
    await notifyAboutPool(tx, ctx, 'conflict.declared', { committee: true }, { juror: actor!.name, candidate: candidate.name, reason: input.reason });
  });
}

/**
 * The committee reviews a conflict: confirmed, or dismissed with a reason
 * (a tie that no longer holds). A declared conflict cannot be dismissed: the
 * juror said they cannot judge.
 */
export async function reviewConflict({ db, actor }: ServiceContext, id: string, input: { status: 'confirmed' | 'dismissed'; note: string | null }): Promise<ConflictView> {
  return db.transaction(async (tx) => {
    const before = await repo.findConflict(tx, id);
    if (!before) throw notFound('conflict');
    const candidate = await findCandidate(tx, before.candidateId);
    if (!candidate) throw notFound('candidate');
    authorizeCandidate(actor, 'reviewConflicts', candidate);
    if (before.source === 'declared' && input.status === 'dismissed') throw new AppError('CONFLICT', 'A conflict the juror declared cannot be dismissed');
    const after = await repo.updateConflict(tx, id, { status: input.status, reviewNote: input.note, reviewedBy: actor!.id, reviewedAt: new Date() });
    await appendAudit(tx, auditActor(actor), { action: `conflict.${input.status}`, entityType: 'conflict', entityId: id, before, after });
    await notifyAboutCandidate(
      tx,
      candidate,
      'conflict.reviewed',
      [],
      { decision: input.status === 'confirmed' ? { id: 'dikonfirmasi', en: 'confirmed' } : { id: 'dibatalkan', en: 'dismissed' }, note: input.note ?? '—' },
      { users: [before.userId], link: '/penilaian' },
    );
    return presentConflicts([after], { jurors: new Map(), candidates: new Map([[candidate.id, candidate.name]]) })[0]!;
  });
}
