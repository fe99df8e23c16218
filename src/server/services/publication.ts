import { AppError, notFound, type ErrorDetail } from '../../domain/errors.ts';
import type { ScoringResult } from '../../domain/scoring/index.ts';
import type { Db } from '../../db/client.ts';
import * as pools from '../../db/repositories/pools.ts';
import * as repo from '../../db/repositories/publication.ts';
import { appendAudit } from '../../db/repositories/audit.ts';
import type { PublicationStatus, PublicResult } from '../../shared/contracts/index.ts';
import { auditActor } from '../policies/actor.ts';
import { markPublicDataChanged } from '../public-cache.ts';
import { authorizePool } from '../policies/panels.ts';
import { issueCertificates } from './certificates.ts';
import type { ServiceContext } from './context.ts';
import { loadPool, type PoolContext } from './pool-context.ts';
import { presentSignatory } from './signatories.ts';
import { figuresOf, plainLabel, printedCeremony, publicationContext, winnerFacts, type PublicationContext } from './winner-facts.ts';
import { notifyAnnounced } from '../notifications/pool-events.ts';

/** "Pemerintah Kabupaten/Kota · Tingkat Provinsi · 52": how the committee's pages name a pool. */
export const poolTitle = (p: PublicationContext): string => `${p.pool.category.nameId} · ${p.level.name}${p.area ? ` · ${p.area.name}` : ''}`;

function assertManages(ctx: ServiceContext, pool: PoolContext): void {
  authorizePool(ctx.actor, 'publish', pool);
}

/** What stops a result from being published: certificates need their signatories. */
function problemsOf(p: PublicationContext, result: repo.ResultRow | null): PublicationStatus['problems'] {
  const problems: PublicationStatus['problems'] = [];
  if (!result) problems.push('no-final-result');
  if (p.signatories.length === 0) problems.push('no-signatories');
  return problems;
}

/**
 * What publishing would print less than expected, without stopping it: with
 * no ceremony of its own recorded, certificates and releases print no date
 * and no place rather than another province's.
 */
function warningsOf(p: PublicationContext): PublicationStatus['warnings'] {
  return p.ceremony ? [] : ['no-ceremony'];
}

const problemDetails: Record<PublicationStatus['problems'][number], ErrorDetail> = {
  'no-final-result': { path: 'result', message: 'the chair has not finalised the result' },
  'no-signatories': { path: 'signatories', message: 'set the signatories of the certificates for this level' },
};

/** The public view of a result, frozen when it is published. */
export async function buildPublicResult(db: Db, p: PublicationContext, row: repo.ResultRow, codes: Map<string, string>, publishedAt: Date): Promise<PublicResult> {
  const result = row.result as ScoringResult;
  const instrument = p.pool.setup.instrument;
  const winners: PublicResult['winners'] = [];
  for (const r of result.results.filter((x) => x.award !== null)) {
    const facts = await winnerFacts(db, p, r);
    winners.push({ candidate: r.candidate, name: facts.candidate.name, kind: facts.candidate.kind, award: r.award!, figures: figuresOf(facts), certificateCode: codes.get(r.candidate) ?? null });
  }
  return {
    poolId: p.pool.pool.id,
    resultId: row.id,
    version: row.version,
    edition: { id: p.pool.edition.id, label: p.pool.edition.label, periodStart: p.pool.edition.periodStart, periodEnd: p.pool.edition.periodEnd },
    level: p.level,
    area: p.area,
    category: { code: p.pool.category.code, nameId: p.pool.category.nameId, nameEn: p.pool.category.nameEn, special: p.pool.category.family === 'khusus' },
    instrument: { id: instrument.id, labelId: instrument.label.id, labelEn: instrument.label.en },
    stages: instrument.stages.map((s) => ({
      id: s.id,
      labelId: plainLabel(s.label.id),
      labelEn: s.label.en,
      weight: s.weight,
      aspects: s.aspects.map((a) => ({ id: a.id, labelId: a.label.id, labelEn: a.label.en, weight: a.weight })),
    })),
    rows: result.results.map((r) => ({
      candidate: r.candidate,
      name: p.candidates.get(r.candidate)?.name ?? r.candidate,
      rank: r.rank,
      score: r.score,
      award: r.award,
      advances: r.advances,
      stages: r.stages,
      aspects: r.aspects,
    })),
    winners,
    ceremony: printedCeremony(p.ceremony),
    packageSha256: row.packageSha256,
    finalisedAt: row.finalisedAt.toISOString(),
    publishedAt: publishedAt.toISOString(),
  };
}

/** The committee's view: the current result, what stops publication, and the winners' certificates and releases. */
export async function publicationStatus(ctx: ServiceContext, poolId: string): Promise<PublicationStatus> {
  const pool = await loadPool(ctx.db, poolId);
  assertManages(ctx, pool);
  const p = await publicationContext(ctx.db, pool);
  const result = await pools.currentResult(ctx.db, poolId);
  const certificates = result ? await repo.currentCertificates(ctx.db, [result.id]) : [];
  const releases = result ? await repo.pressReleasesOf(ctx.db, result.id) : [];
  const winners = result ? (result.result as ScoringResult).results.filter((r) => r.award !== null) : [];
  return {
    poolId,
    editionId: pool.edition.id,
    title: poolTitle(p),
    result: result
      ? {
          id: result.id,
          version: result.version,
          packageSha256: result.packageSha256,
          finalisedAt: result.finalisedAt.toISOString(),
          publishedAt: result.publishedAt?.toISOString() ?? null,
          withdrawnAt: result.withdrawnAt?.toISOString() ?? null,
          withdrawReason: result.withdrawReason,
        }
      : null,
    problems: problemsOf(p, result),
    warnings: warningsOf(p),
    signatories: p.signatories.map(presentSignatory),
    ceremony: p.ceremony,
    handover: p.handover,
    winners: winners.map((r) => {
      const candidate = p.candidates.get(r.candidate)!;
      const certificate = certificates.find((c) => c.candidateId === candidate.id);
      const release = releases.find((x) => x.candidateId === candidate.id);
      return {
        candidate: r.candidate,
        candidateId: candidate.id,
        name: candidate.name,
        award: r.award!,
        certificate: certificate ? { code: certificate.code, issuedAt: certificate.issuedAt.toISOString() } : null,
        pressRelease: release ? { id: release.id, title: release.title, version: release.version, updatedAt: release.updatedAt.toISOString() } : null,
      };
    }),
  };
}

/**
 * The committee publishes the pool's current final result: its public view
 * is frozen, every winner gets a signed certificate, and the publication is
 * audited. Publishing again after a correction (new signatories, a moved
 * ceremony) refreshes the view and replaces the certificates that changed.
 */
export async function publishResult(ctx: ServiceContext, poolId: string): Promise<PublicationStatus> {
  await ctx.db.transaction(async (tx) => {
    const pool = await loadPool(tx, poolId, true);
    assertManages(ctx, pool);
    const p = await publicationContext(tx, pool);
    const current = await pools.currentResult(tx, poolId);
    const problems = problemsOf(p, current);
    if (problems.length > 0) throw new AppError('CONFLICT', 'The result cannot be published yet', problems.map((x) => problemDetails[x]));
    const row = current!;
    const codes = await issueCertificates(tx, p, row);
    const publishedAt = new Date();
    const publication = await buildPublicResult(tx, p, row, codes, publishedAt);
    const after = await repo.setPublication(tx, row.id, { publishedAt, publishedBy: ctx.actor!.id, publication, withdrawnAt: null, withdrawnBy: null, withdrawReason: null });
    await appendAudit(tx, auditActor(ctx.actor), {
      action: 'result.publish',
      entityType: 'pool',
      entityId: poolId,
      before: { resultId: row.id, publishedAt: row.publishedAt },
      after: { resultId: row.id, version: row.version, packageSha256: row.packageSha256, publishedAt: after.publishedAt, certificates: Object.fromEntries(codes) },
    });
    const ranking = (row.result as ScoringResult).results.flatMap((r) => {
      const candidate = p.candidates.get(r.candidate);
      return candidate ? [{ candidate, rank: r.rank, score: r.score }] : [];
    });
    await notifyAnnounced(tx, pool, ranking);
  });
  markPublicDataChanged();
  return publicationStatus(ctx, poolId);
}

/** The committee withdraws a publication, with a reason: the result and its certificates stop being public and valid. */
export async function withdrawPublication(ctx: ServiceContext, poolId: string, reason: string): Promise<PublicationStatus> {
  await ctx.db.transaction(async (tx) => {
    const pool = await loadPool(tx, poolId, true);
    assertManages(ctx, pool);
    const current = await pools.currentResult(tx, poolId);
    if (!current?.publishedAt) throw new AppError('INVALID_TRANSITION', 'The result is not published');
    const after = await repo.setPublication(tx, current.id, { publishedAt: null, withdrawnAt: new Date(), withdrawnBy: ctx.actor!.id, withdrawReason: reason });
    await appendAudit(tx, auditActor(ctx.actor), {
      action: 'result.withdraw',
      entityType: 'pool',
      entityId: poolId,
      before: { resultId: current.id, publishedAt: current.publishedAt },
      after: { resultId: current.id, withdrawnAt: after.withdrawnAt, reason },
    });
  });
  markPublicDataChanged();
  return publicationStatus(ctx, poolId);
}

/** The pool of a result, for the committee of its area. */
export async function managedResult(ctx: ServiceContext, resultId: string): Promise<{ row: repo.ResultRow; pool: PoolContext }> {
  const row = await pools.findResult(ctx.db, resultId);
  if (!row) throw notFound('result');
  const pool = await loadPool(ctx.db, row.poolId);
  assertManages(ctx, pool);
  return { row, pool };
}
