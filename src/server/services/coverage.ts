import { AppError, notFound } from '../../domain/errors.ts';
import { unitOfCandidate } from '../../domain/candidates/rules.ts';
import { figuresFor } from '../../domain/coverage/indicators.ts';
import type { Db } from '../../db/client.ts';
import * as repo from '../../db/repositories/coverage.ts';
import { findEdition, findCategoryByCode, lockEdition, updateEdition } from '../../db/repositories/editions.ts';
import { defaultScreeningConfig, parseScreeningConfig } from '../../analytics/screen/config.ts';
import { findCandidate, insertCandidate, listCandidates } from '../../db/repositories/candidates.ts';
import { findRegency, listProvinces, searchRegencies } from '../../db/repositories/regions.ts';
import { appendAudit } from '../../db/repositories/audit.ts';
import type {
  CandidateFigures,
  CoverageDashboard,
  Dispute,
  DisputeDecision,
  DisputeInput,
  ScreeningSettings,
  ScreeningSettingsView,
  Shortlist,
  SnapshotSummary,
} from '../../shared/contracts/index.ts';
import { auditActor, type Actor } from '../policies/actor.ts';
import { coveragePolicy } from '../policies/coverage.ts';
import { openEdition } from './candidates.ts';
import { authorizeCandidate, authorizeProvince } from '../policies/candidates.ts';
import type { ServiceContext } from './context.ts';
import { fillCandidateValues } from './coverage-import.ts';
import { notifyAboutCandidate } from '../notifications/events.ts';
import { figureWords } from '../notifications/wording.ts';

export function presentSnapshot(s: repo.SnapshotRow): SnapshotSummary {
  return {
    id: s.id,
    editionId: s.editionId,
    version: s.version,
    year: s.year,
    status: s.status,
    progress: s.progress ?? null,
    inputFiles: s.inputFiles,
    problems: s.problems ?? null,
    createdAt: s.createdAt.toISOString(),
    finishedAt: s.finishedAt?.toISOString() ?? null,
  };
}

const ratio = (num: number, den: number | null) => (den == null || den === 0 ? null : Math.round((num / den) * 100 * 10_000) / 10_000);

/** Coverage by province and regency/city, and the national figure beside the target. */
export async function coverageDashboard(db: Db, editionId: string): Promise<CoverageDashboard> {
  const edition = await findEdition(db, editionId);
  if (!edition) throw notFound('edition');
  const snapshot = await repo.currentSnapshot(db, editionId);
  const targetPct = edition.coverageTargetPct ?? null;
  if (!snapshot) return { snapshot: null, targetPct, national: null, provinces: [], regencies: [] };
  const rows = await repo.regionIndicators(db, snapshot.id);
  const provinceNames = new Map((await listProvinces(db)).map((p) => [p.code, p.name]));
  const regencyNames = new Map((await searchRegencies(db, {})).map((r) => [r.code, r.name]));
  const present = (r: (typeof rows)[number]) => ({
    code: r.code,
    name: (r.isProvince ? provinceNames.get(r.code) : regencyNames.get(r.code)) ?? r.code,
    provinceCode: r.code.slice(0, 2),
    active: r.active,
    activePu: r.activePu,
    activeBpu: r.activeBpu,
    activeJakon: r.activeJakon,
    activePmi: r.activePmi,
    activePrev: r.activePrev,
    growthPct: r.growthPct,
    coveragePct: r.coveragePct,
    bpuCoveragePct: r.bpuCoveragePct,
    govFunded: r.govFunded,
    employersActive: r.employersActive,
    workingPopulation: r.workingPopulation,
  });
  const provinces = rows.filter((r) => r.isProvince).map(present);
  const regencies = rows.filter((r) => !r.isProvince).map(present);
  const sum = (f: (p: (typeof provinces)[number]) => number) => provinces.reduce((a, p) => a + f(p), 0);
  const withWorkforce = provinces.filter((p) => p.workingPopulation != null);
  const workingPopulation = withWorkforce.length > 0 ? withWorkforce.reduce((a, p) => a + p.workingPopulation!, 0) : null;
  const active = sum((p) => p.active);
  const activePrev = sum((p) => p.activePrev);
  return {
    snapshot: presentSnapshot(snapshot),
    targetPct,
    national: {
      active,
      activePrev,
      workingPopulation,
      coveragePct: ratio(active, workingPopulation),
      growthPct: activePrev === 0 ? null : ratio(active - activePrev, activePrev),
      govFunded: sum((p) => p.govFunded),
      activeBpu: sum((p) => p.activeBpu),
    },
    provinces,
    regencies,
  };
}

async function candidateFor(db: Db, actor: Actor, candidateId: string) {
  const candidate = await findCandidate(db, candidateId);
  if (!candidate) throw notFound('candidate');
  authorizeCandidate(actor, 'see', candidate);
  return candidate;
}

function presentDispute(d: repo.DisputeRow, candidate: { name: string; provinceCode: string; kind: 'pemda' | 'badan-usaha' }): Dispute {
  // A figure by its name in both languages (`growth_pct` is named by the kind of candidate).
  const figure = figuresFor(candidate.kind).find((f) => f.key === d.key);
  return {
    id: d.id,
    candidateId: d.candidateId,
    candidateName: candidate.name,
    provinceCode: candidate.provinceCode,
    key: d.key,
    labelId: figure?.labelId ?? d.key,
    labelEn: figure?.labelEn ?? d.key,
    disputedValue: d.disputedValue,
    claimedValue: d.claimedValue,
    reason: d.reason,
    evidence: d.evidence,
    status: d.status,
    correctedValue: d.correctedValue,
    decisionNote: d.decisionNote,
    createdAt: d.createdAt.toISOString(),
    decidedAt: d.decidedAt?.toISOString() ?? null,
  };
}

/** A candidate's coverage figures with their source, and its disputes. */
export async function candidateFigures({ db, actor }: ServiceContext, candidateId: string): Promise<CandidateFigures> {
  const candidate = await candidateFor(db, actor!, candidateId);
  const values = new Map((await repo.valuesOf(db, [candidate.id])).map((v) => [v.key, v]));
  const snapshots = new Map((await repo.listSnapshots(db, candidate.editionId)).map((s) => [s.id, s]));
  const current = await repo.currentSnapshot(db, candidate.editionId);
  return {
    candidate: { id: candidate.id, name: candidate.name, kind: candidate.kind, provinceCode: candidate.provinceCode },
    snapshot: current ? presentSnapshot(current) : null,
    // A village has no figures of its own in the snapshot (its regency's are not the village's).
    figures: (unitOfCandidate(candidate) === 'desa' ? [] : figuresFor(candidate.kind)).map((f) => {
      const v = values.get(f.key);
      return {
        ...f,
        value: v?.valueNum ?? null,
        source: v?.source ?? null,
        snapshotVersion: v?.snapshotId ? (snapshots.get(v.snapshotId)?.version ?? null) : null,
        note: v?.note ?? null,
      };
    }),
    disputes: (await repo.disputesOf(db, [candidate.id])).map((d) => presentDispute(d, candidate)),
  };
}

export async function raiseDispute({ db, actor }: ServiceContext, candidateId: string, input: DisputeInput): Promise<Dispute> {
  const candidate = await candidateFor(db, actor!, candidateId);
  authorizeCandidate(actor, 'dispute', candidate);
  if (unitOfCandidate(candidate) === 'desa' || !figuresFor(candidate.kind).some((f) => f.key === input.key)) {
    throw new AppError('VALIDATION_FAILED', `No figure ${input.key} for this candidate`, [{ path: 'key', message: 'unknown figure' }]);
  }
  return db.transaction(async (tx) => {
    const open = (await repo.disputesOf(tx, [candidate.id])).find((d) => d.key === input.key && d.status === 'open');
    if (open) throw new AppError('CONFLICT', 'This figure already has an open dispute', [{ path: 'key', message: 'open dispute exists' }]);
    const current = (await repo.valuesOf(tx, [candidate.id])).find((v) => v.key === input.key);
    const row = await repo.insertDispute(tx, {
      candidateId: candidate.id,
      key: input.key,
      disputedValue: current?.valueNum ?? null,
      claimedValue: input.claimedValue,
      reason: input.reason,
      evidence: input.evidence,
      raisedBy: actor!.id,
    });
    await appendAudit(tx, auditActor(actor), { action: 'dispute.raise', entityType: 'dispute', entityId: row.id, after: row });
    return presentDispute(row, candidate);
  });
}

/** A verifier accepts (with the corrected value) or rejects a dispute. */
export async function decideDispute({ db, actor }: ServiceContext, disputeId: string, decision: DisputeDecision): Promise<Dispute> {
  return db.transaction(async (tx) => {
    const before = await repo.findDispute(tx, disputeId);
    if (!before) throw notFound('dispute');
    const candidate = await findCandidate(tx, before.candidateId);
    if (!candidate) throw notFound('candidate');
    authorizeCandidate(actor, 'decideDispute', candidate);
    if (before.status !== 'open') throw new AppError('CONFLICT', `The dispute is already ${before.status}`);
    const after = await repo.decideDispute(tx, disputeId, {
      status: decision.status,
      correctedValue: decision.status === 'accepted' ? decision.correctedValue : null,
      decisionNote: decision.note,
      decidedBy: actor!.id,
    });
    if (decision.status === 'accepted') {
      await repo.upsertValue(tx, {
        candidateId: candidate.id,
        key: before.key,
        valueNum: decision.correctedValue,
        source: 'dispute',
        snapshotId: null,
        note: decision.note,
      });
    }
    await appendAudit(tx, auditActor(actor), { action: `dispute.${decision.status === 'accepted' ? 'accept' : 'reject'}`, entityType: 'dispute', entityId: disputeId, before, after });
    await notifyAboutCandidate(
      tx,
      candidate,
      'dispute.decided',
      ['candidate', 'provincial_admins'],
      { indicator: figureWords(before.key), decision: decision.status === 'accepted' ? { id: 'diterima', en: 'accepted' } : { id: 'ditolak', en: 'rejected' }, note: decision.note ?? '—' },
      { link: `/candidates/${candidate.id}/figures`, ...(before.raisedBy ? { users: [before.raisedBy] } : {}) },
    );
    return presentDispute(after, candidate);
  });
}

/** The disputes a verifier or admin may decide, newest first. */
export async function disputeQueue({ db, actor }: ServiceContext, editionId: string, status: 'open' | 'accepted' | 'rejected' | undefined) {
  const candidates = await listCandidates(db, editionId, coveragePolicy.disputeScope(actor!));
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const rows = await repo.disputesOf(
    db,
    candidates.map((c) => c.id),
  );
  return rows.filter((d) => !status || d.status === status).map((d) => presentDispute(d, byId.get(d.candidateId)!));
}

const categoryKinds: Record<string, 'pemda' | 'badan-usaha'> = {
  'pemkab-kota': 'pemda',
  'usaha-besar': 'badan-usaha',
  'usaha-menengah': 'badan-usaha',
  'usaha-kecil-mikro': 'badan-usaha',
};

export async function shortlistFor({ db, actor }: ServiceContext, editionId: string, province: string, category: string): Promise<Shortlist> {
  authorizeProvince(actor, 'nominate', { provinceCode: province });
  const snapshot = await repo.currentSnapshot(db, editionId);
  const cat = await findCategoryByCode(db, editionId, category);
  if (!snapshot) return { snapshot: null, categoryExists: cat != null, entries: [] };
  const rows = await repo.shortlistOf(db, snapshot.id, province, category);
  const existing = cat ? (await listCandidates(db, editionId, { provinceCodes: [province], candidateIds: [] })).filter((c) => c.categoryId === cat.id) : [];
  const byKey = new Map(existing.map((c) => [c.regencyCode ?? c.npp ?? '', c.id]));
  return {
    snapshot: presentSnapshot(snapshot),
    categoryExists: cat != null,
    entries: rows.map((r) => ({ rank: r.rank, candidateKey: r.candidateKey, name: r.name, score: r.score, nominatedCandidateId: byKey.get(r.candidateKey) ?? null })),
  };
}

/** Nominates the chosen shortlisted regencies or employers in one step. */
export async function nominateFromShortlist(
  ctx: ServiceContext,
  editionId: string,
  input: { province: string; category: string; keys: string[] },
): Promise<{ created: number; alreadyNominated: number }> {
  const { db, actor } = ctx;
  // The same status rule as any other nomination: candidates are added only while the edition is draft or open.
  await openEdition(db, editionId);
  const list = await shortlistFor(ctx, editionId, input.province, input.category);
  if (!list.snapshot) throw new AppError('CONFLICT', 'No coverage data has been imported for this edition yet');
  const category = await findCategoryByCode(db, editionId, input.category);
  if (!category) {
    throw new AppError('CONFLICT', `The edition has no category ${input.category}; add it first`, [{ path: 'category', message: 'not in edition' }]);
  }
  const kind = categoryKinds[input.category];
  if (!kind) throw new AppError('VALIDATION_FAILED', `Category ${input.category} is not screened`, [{ path: 'category', message: 'not screened' }]);
  const entries = new Map(list.entries.map((e) => [e.candidateKey, e]));
  const unknown = input.keys.filter((k) => !entries.has(k));
  if (unknown.length > 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Not on the shortlist: ${unknown.join(', ')}`,
      unknown.map((k) => ({ path: `keys.${input.keys.indexOf(k)}`, message: 'not on the shortlist' })),
    );
  }
  const employers = new Map(
    (kind === 'badan-usaha' ? await repo.employerIndicatorsFor(db, list.snapshot.id, input.keys) : []).map((e) => [e.npp, e]),
  );
  let created = 0;
  let alreadyNominated = 0;
  await db.transaction(async (tx) => {
    await openEdition(tx, editionId);
    for (const key of new Set(input.keys)) {
      const entry = entries.get(key)!;
      if (entry.nominatedCandidateId) {
        alreadyNominated += 1;
        continue;
      }
      const regency = kind === 'pemda' ? await findRegency(tx, key) : null;
      const employer = employers.get(key);
      const row = await insertCandidate(tx, {
        editionId,
        categoryId: category.id,
        provinceCode: input.province,
        kind,
        regencyCode: regency?.code ?? null,
        npp: kind === 'badan-usaha' ? key : null,
        name: regency?.name ?? entry.name,
        sizeClass: employer?.size ?? null,
        status: 'nominated',
      });
      created += 1;
      await appendAudit(tx, auditActor(actor), {
        action: 'candidate.nominate',
        entityType: 'candidate',
        entityId: row.id,
        after: { ...row, shortlist: { snapshotVersion: list.snapshot!.version, rank: entry.rank, score: entry.score } },
      });
    }
  });
  if (created > 0) await fillCandidateValues(db, editionId, list.snapshot.id);
  return { created, alreadyNominated };
}

const screeningLocked = ['published', 'archived'];

/** The edition's screening settings (or the defaults), which the next import's shortlist is scored by. */
export async function screeningSettingsOf(db: Db, editionId: string): Promise<ScreeningSettingsView> {
  const edition = await findEdition(db, editionId);
  if (!edition) throw notFound('edition');
  const { config } = parseScreeningConfig(edition.screeningConfig);
  return { settings: config, isDefault: edition.screeningConfig == null, editable: !screeningLocked.includes(edition.status) };
}

/** Sets (or, with null, resets to the defaults) the edition's screening settings; audited. */
export async function setScreeningSettings({ db, actor }: ServiceContext, editionId: string, settings: ScreeningSettings | null): Promise<ScreeningSettingsView> {
  await db.transaction(async (tx) => {
    const edition = await lockEdition(tx, editionId);
    if (!edition) throw notFound('edition');
    if (screeningLocked.includes(edition.status)) {
      throw new AppError('EDITION_LOCKED', `The edition is ${edition.status}: its screening settings can no longer change`, [{ path: 'settings', message: edition.status }]);
    }
    const same = JSON.stringify(settings ?? defaultScreeningConfig) === JSON.stringify(parseScreeningConfig(edition.screeningConfig).config);
    if (same && (settings == null) === (edition.screeningConfig == null)) return;
    await updateEdition(tx, editionId, { screeningConfig: settings });
    await appendAudit(tx, auditActor(actor), {
      action: 'edition.screening',
      entityType: 'edition',
      entityId: editionId,
      before: { screeningConfig: edition.screeningConfig ?? null },
      after: { screeningConfig: settings },
    });
  });
  return screeningSettingsOf(db, editionId);
}
