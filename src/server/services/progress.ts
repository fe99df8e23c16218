import { missingItems, emptyAnswers, upgradeAnswers } from '../../domain/candidates/self-assessment.ts';
import { checkEligibility } from '../../domain/candidates/eligibility.ts';
import { listCandidates } from '../../db/repositories/candidates.ts';
import { listCategories } from '../../db/repositories/editions.ts';
import { valuesOf } from '../../db/repositories/coverage.ts';
import { submissionsOf } from '../../db/repositories/submissions.ts';
import { listProvinces } from '../../db/repositories/regions.ts';
import { candidatePolicy } from '../policies/candidates.ts';
import type { ServiceContext } from './context.ts';
import { groupBy } from '../../shared/group-by.ts';

/** Statuses past which a candidate's form no longer matters for progress. */
const settled = new Set(['verified', 'declined', 'rejected']);

/**
 * How far each province has come: candidates per status, and per candidate
 * what its self-assessment still lacks and why it is ineligible, if it is.
 */
export async function editionProgress(ctx: ServiceContext, editionId: string) {
  const candidates = await listCandidates(ctx.db, editionId, candidatePolicy.scope(ctx.actor!));
  const names = new Map((await listProvinces(ctx.db)).map((p) => [p.code, p.name]));
  const categories = new Map((await listCategories(ctx.db, editionId)).map((c) => [c.id, c]));
  const values = await valuesOf(
    ctx.db,
    candidates.map((c) => c.id),
  );
  const rows: {
    candidateId: string;
    name: string;
    provinceCode: string;
    categoryCode: string;
    status: string;
    submissionStatus: string;
    missing: string[];
    ineligible: { reasonId: string; reasonEn: string }[];
  }[] = [];
  const submissions = await submissionsOf(
    ctx.db,
    candidates.map((c) => c.id),
  );
  const valuesOfCandidate = groupBy(values, (v) => v.candidateId);
  for (const c of candidates) {
    const submission = submissions.get(c.id);
    const answers = submission ? upgradeAnswers(submission.answers) : emptyAnswers(c.kind);
    const mine = valuesOfCandidate.get(c.id) ?? [];
    const value = (key: string) => mine.find((v) => v.key === key)?.valueNum ?? null;
    const failures = settled.has(c.status)
      ? []
      : checkEligibility(categories.get(c.categoryId)?.eligibility ?? [], {
          kind: c.kind,
          workers: value('workers'),
          monthsInArrears: value('months_in_arrears'),
          regulations: answers.kind === 'pemda' ? answers.regulations.length : 0,
          hasCoverageData: mine.some((v) => v.source === 'coverage'),
        });
    rows.push({
      candidateId: c.id,
      name: c.name,
      provinceCode: c.provinceCode,
      categoryCode: c.categoryCode,
      status: c.status,
      submissionStatus: submission?.status ?? 'none',
      missing: settled.has(c.status) ? [] : missingItems(answers),
      ineligible: failures.map(({ reasonId, reasonEn }) => ({ reasonId, reasonEn })),
    });
  }
  const rowsOfProvince = groupBy(rows, (r) => r.provinceCode);
  const provinces = [...rowsOfProvince.keys()].sort().map((code) => {
    const mine = rowsOfProvince.get(code) ?? [];
    const count = (pick: (r: (typeof rows)[number]) => string) => {
      const counts: Record<string, number> = {};
      for (const r of mine) counts[pick(r)] = (counts[pick(r)] ?? 0) + 1;
      return counts;
    };
    return { provinceCode: code, provinceName: names.get(code) ?? code, total: mine.length, byStatus: count((r) => r.status), bySubmission: count((r) => r.submissionStatus) };
  });
  return { provinces, candidates: rows };
}
