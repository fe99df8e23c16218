import { describe, expect, it } from 'vitest';
import { checkProvinceDates, effectiveDeadline, emptyProvinceDates, nationalDeadline, nationalWindow } from './calendar.ts';

const window = { opensOn: '2025-03-15', closesOn: '2025-12-10' };
const national = {
  ...emptyProvinceDates,
  selfAssessmentDeadline: '2025-05-31',
  verificationStartsOn: '2025-06-01',
  verificationEndsOn: '2025-06-30',
  interviewStartsOn: '2025-07-01',
  interviewEndsOn: '2025-07-02',
  ceremonyOn: '2025-08-13',
};

describe('a candidate’s effective deadline', () => {
  it('is its extension, else its province’s, else the national one', () => {
    expect(effectiveDeadline({ extension: '2025-06-20', province: '2025-06-10', national: '2025-05-31' })).toEqual({ deadline: '2025-06-20', source: 'extension' });
    expect(effectiveDeadline({ extension: null, province: '2025-06-10', national: '2025-05-31' })).toEqual({ deadline: '2025-06-10', source: 'province' });
    expect(effectiveDeadline({ extension: null, province: null, national: '2025-05-31' })).toEqual({ deadline: '2025-05-31', source: 'national' });
    expect(effectiveDeadline({ extension: null, province: null, national: null })).toEqual({ deadline: null, source: 'national' });
  });
  it('may be earlier than the national one when the committee or province says so', () => {
    expect(effectiveDeadline({ extension: null, province: '2025-05-20', national: '2025-05-31' }).deadline).toBe('2025-05-20');
  });
});

describe('the national window and deadline', () => {
  it('spans the first to the last milestone, or the period without milestones', () => {
    const milestones = [
      { kind: 'registration', startsOn: '2025-04-01', endsOn: '2025-05-31' },
      { kind: 'socialization', startsOn: '2025-03-15', endsOn: null },
      { kind: 'national_ceremony', startsOn: '2025-12-10', endsOn: null },
    ];
    expect(nationalWindow({ periodStart: '2024-01-01', periodEnd: '2024-12-31' }, milestones)).toEqual(window);
    expect(nationalWindow({ periodStart: '2024-01-01', periodEnd: '2024-12-31' }, [])).toEqual({ opensOn: '2024-01-01', closesOn: '2024-12-31' });
    expect(nationalDeadline(milestones)).toBe('2025-05-31');
    expect(nationalDeadline([{ kind: 'registration', startsOn: '2025-04-01', endsOn: null }])).toBe('2025-04-01');
  });
});

describe('a province’s own dates', () => {
  it('are accepted inside the window and in order', () => {
    const ntb = { ...emptyProvinceDates, verificationStartsOn: '2025-06-02', verificationEndsOn: '2025-07-10', interviewStartsOn: '2025-07-14', interviewEndsOn: '2025-07-15' };
    expect(checkProvinceDates(ntb, window, national)).toEqual([]);
    expect(checkProvinceDates(emptyProvinceDates, window, national)).toEqual([]);
  });
  it('are refused outside the national window, naming the field in both languages', () => {
    const [problem, ...rest] = checkProvinceDates({ ...emptyProvinceDates, ceremonyOn: '2025-12-11' }, window, national);
    expect(rest).toEqual([]);
    expect(problem).toEqual({
      path: 'ceremonyOn',
      rule: 'outside',
      id: 'Malam penganugerahan provinsi (2025-12-11) di luar jendela nasional 2025-03-15 s.d. 2025-12-10',
      en: 'Provincial ceremony (2025-12-11) is outside the national window 2025-03-15 to 2025-12-10',
    });
  });
  it('are refused out of order: verification before the deadline, an end before its start', () => {
    const early = checkProvinceDates({ ...emptyProvinceDates, selfAssessmentDeadline: '2025-06-10', verificationStartsOn: '2025-06-05' }, window, national);
    expect(early.map((p) => [p.path, p.rule])).toEqual([['verificationStartsOn', 'before:selfAssessmentDeadline']]);
    expect(early[0]!.en).toBe('Verification start (2025-06-05) is before the self-assessment deadline (2025-06-10)');
    const backwards = checkProvinceDates({ ...emptyProvinceDates, interviewStartsOn: '2025-07-15', interviewEndsOn: '2025-07-14' }, window, national);
    expect(backwards.map((p) => [p.path, p.rule])).toEqual([['interviewEndsOn', 'before:interviewStartsOn']]);
  });
  it('are put in order against the national dates the province leaves empty', () => {
    // The province keeps the national deadline (31 May) but starts verifying on 20 May.
    const problems = checkProvinceDates({ ...emptyProvinceDates, verificationStartsOn: '2025-05-20' }, window, national);
    expect(problems.map((p) => [p.path, p.rule])).toEqual([['verificationStartsOn', 'before:selfAssessmentDeadline']]);
  });
});
