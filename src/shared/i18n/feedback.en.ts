import type { feedbackId } from './feedback.id.ts';

/** English: a candidate's feedback after the announcement (page and PDF). */
export const feedbackEn: typeof feedbackId = {
  feedback: {
    title: 'Assessment feedback',
    cardTitle: 'Assessment feedback',
    cardHint: 'The result has been announced. See your scores by stage, aspect and indicator beside the pool’s median and the winners’, the rubric level you reached, and the verifier’s comments.',
    open: 'Open the feedback',
    notYet: 'Feedback is available once the result has been announced.',
    rank: 'Rank {{rank}} of {{count}} candidates',
    total: 'Final score',
    own: 'Your score',
    median: 'Pool median',
    juara: 'Juara {{award}}',
    award: 'Juara {{award}}',
    noAward: 'No award',
    advances: 'Advances to the next level',
    winners: 'Winners',
    stage: 'Stage',
    weight: 'weight {{weight}}',
    item: 'Aspect / indicator',
    levelLine: 'Rubric level {{level}}: {{label}}',
    aggregate: 'Mean of the jurors’ marks {{value}}',
    noMarks: 'No juror marks',
    dataValue: 'Data value: {{value}}',
    dataScored: 'Scored from verified data',
    comments: 'Verifier’s comments',
    noComments: 'The verifier left no comments.',
    downloadPdf: 'Download PDF',
    published: 'Announced {{date}}',
    about:
      'Every number is recomputed from the announced scoring package (SHA-256 {{sha}}), so it can be checked with the paritrana score command. The median is taken over every candidate of the pool without naming any; only the announced winners are named. The rubric level is the level nearest to the mean of the jurors’ marks (halves rounded up).',
    chart: 'Your score, the pool median and the winners, by aspect',
    back: 'Back to the candidate',
    generated: 'Generated {{at}}',
  },
};
