/**
 * Each province on its own calendar (docs/levels-and-calendars.md): a
 * province sets its own dates within the edition's national window, and the
 * committee may extend one candidate's deadline.
 */

/** The dates a province may set; empty ones follow the national timeline. */
export type ProvinceDates = {
  selfAssessmentDeadline: string | null;
  verificationStartsOn: string | null;
  verificationEndsOn: string | null;
  interviewStartsOn: string | null;
  interviewEndsOn: string | null;
  ceremonyOn: string | null;
}

export const provinceDateFields = [
  'selfAssessmentDeadline',
  'verificationStartsOn',
  'verificationEndsOn',
  'interviewStartsOn',
  'interviewEndsOn',
  'ceremonyOn',
] as const satisfies readonly (keyof ProvinceDates)[];

export const emptyProvinceDates: ProvinceDates = {
  selfAssessmentDeadline: null,
  verificationStartsOn: null,
  verificationEndsOn: null,
  interviewStartsOn: null,
  interviewEndsOn: null,
  ceremonyOn: null,
};

/** The edition's national window: from its first milestone (or period start) to its last (or period end). */
export type NationalWindow = {
  opensOn: string;
  closesOn: string;
}

type MilestoneLike = {
  kind: string;
  startsOn: string;
  endsOn: string | null;
}

export function nationalWindow(period: { periodStart: string; periodEnd: string }, milestones: MilestoneLike[]): NationalWindow {
  const days = milestones.flatMap((m) => [m.startsOn, m.endsOn ?? m.startsOn]).sort();
  return { opensOn: days[0] ?? period.periodStart, closesOn: days.at(-1) ?? period.periodEnd };
}

/** The national self-assessment deadline: the registration milestone's end (or its day). */
export function nationalDeadline(milestones: MilestoneLike[]): string | null {
  const registration = milestones.find((m) => m.kind === 'registration');
  return registration ? (registration.endsOn ?? registration.startsOn) : null;
}

export type DateProblem = {
  path: keyof ProvinceDates;
  /** `outside` the national window, or `before:<field>` it must not precede. */
  rule: string;
  id: string;
  en: string;
}

const names: Record<keyof ProvinceDates, { id: string; en: string }> = {
  selfAssessmentDeadline: { id: 'Batas penilaian mandiri', en: 'Self-assessment deadline' },
  verificationStartsOn: { id: 'Awal verifikasi', en: 'Verification start' },
  verificationEndsOn: { id: 'Akhir verifikasi', en: 'Verification end' },
  interviewStartsOn: { id: 'Hari pertama wawancara', en: 'First interview day' },
  interviewEndsOn: { id: 'Hari terakhir wawancara', en: 'Last interview day' },
  ceremonyOn: { id: 'Malam penganugerahan provinsi', en: 'Provincial ceremony' },
};

/**
 * Checks a province's dates: each inside the national window, and in order
 * (deadline ≤ verification start ≤ verification end ≤ first interview day ≤
 * last interview day ≤ ceremony). A date the province leaves empty follows
 * the national one, so its own dates are also put in order against those.
 * One problem per field the province set, naming it.
 */
export function checkProvinceDates(dates: ProvinceDates, window: NationalWindow, national: ProvinceDates = emptyProvinceDates): DateProblem[] {
  const problems: DateProblem[] = [];
  const seen = new Set<string>();
  const add = (path: keyof ProvinceDates, rule: string, id: string, en: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    problems.push({ path, rule, id, en });
  };
  for (const field of provinceDateFields) {
    const day = dates[field];
    if (day == null) continue;
    if (day < window.opensOn || day > window.closesOn) {
      add(
        field,
        'outside',
        `${names[field].id} (${day}) di luar jendela nasional ${window.opensOn} s.d. ${window.closesOn}`,
        `${names[field].en} (${day}) is outside the national window ${window.opensOn} to ${window.closesOn}`,
      );
    }
  }
  // Each set date must not come before any earlier set date in the order.
  for (let i = 1; i < provinceDateFields.length; i++) {
    const field = provinceDateFields[i]!;
    const day = dates[field];
    if (day == null) continue;
    for (let j = i - 1; j >= 0; j--) {
      const earlier = provinceDateFields[j]!;
      const before = dates[earlier] ?? national[earlier];
      if (before == null) continue;
      if (day < before) {
        add(field, `before:${earlier}`, `${names[field].id} (${day}) sebelum ${names[earlier].id.toLowerCase()} (${before})`, `${names[field].en} (${day}) is before the ${names[earlier].en.toLowerCase()} (${before})`);
      }
      break;
    }
  }
  return problems;
}

/** Where a candidate's deadline comes from. */
export type DeadlineSource = 'extension' | 'province' | 'national';

/**
 * The candidate's effective self-assessment deadline: the committee's
 * extension for this candidate, else its province's own deadline, else the
 * national one.
 */
export function effectiveDeadline(input: {
  extension: string | null;
  province: string | null;
  national: string | null;
}): { deadline: string | null; source: DeadlineSource } {
  if (input.extension) return { deadline: input.extension, source: 'extension' };
  if (input.province) return { deadline: input.province, source: 'province' };
  return { deadline: input.national, source: 'national' };
}
