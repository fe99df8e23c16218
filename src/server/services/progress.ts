import { missingItems, emptyAnswers, type AnswersShape } from '../../domain/candidates/self-assessment.ts';
import { listCandidates } from '../../db/repositories/candidates.ts';
import { findSubmission } from '../../db/repositories/submissions.ts';
import { listProvinces } from '../../db/repositories/regions.ts';
import { candidatePolicy } from '../policies/candidates.ts';
import type { ServiceContext } from './context.ts';

/**
 * How far each province has come: candidates per status, and per candidate
 * what its self-assessment still lacks.
 */
export async function editionProgress(ctx: ServiceContext, editionId: string) {
  const candidates = await listCandidates(ctx.db, editionId, candidatePolicy.scope(ctx.actor!));
  const names = new Map((await listProvinces(ctx.db)).map((p) => [p.code, p.name]));
  const rows: { candidateId: string; name: string; provinceCode: string; categoryCode: string; status: string; submissionStatus: string; missing: string[] }[] = [];
  for (const c of candidates) {
    const submission = await findSubmission(ctx.db, c.id);
    const answers = (submission?.answers as AnswersShape | undefined) ?? emptyAnswers(c.kind);
    rows.push({
      candidateId: c.id,
      name: c.name,
      provinceCode: c.provinceCode,
      categoryCode: c.categoryCode,
      status: c.status,
      submissionStatus: submission?.status ?? 'none',
      missing: c.status === 'verified' ? [] : missingItems(answers),
    });
  }
  const provinces = [...new Set(rows.map((r) => r.provinceCode))].sort().map((code) => {
    const mine = rows.filter((r) => r.provinceCode === code);
    const count = (pick: (r: (typeof rows)[number]) => string) =>
      mine.reduce<Record<string, number>>((acc, r) => ({ ...acc, [pick(r)]: (acc[pick(r)] ?? 0) + 1 }), {});
    return { provinceCode: code, provinceName: names.get(code) ?? code, total: mine.length, byStatus: count((r) => r.status), bySubmission: count((r) => r.submissionStatus) };
  });
  return { provinces, candidates: rows };
}
