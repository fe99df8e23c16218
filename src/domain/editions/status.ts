/**
 * The life of an edition: draft → open → assessing → published → archived,
 * and what each status lets the committee change. (Our rule: statuses move
 * forward one step at a time; a published edition's results stand.)
 */
export type EditionStatus = 'draft' | 'open' | 'assessing' | 'published' | 'archived';

const order: EditionStatus[] = ['draft', 'open', 'assessing', 'published', 'archived'];

/** The status an edition may move to next, or null when it is archived. */
export function nextStatus(status: EditionStatus): EditionStatus | null {
  const i = order.indexOf(status);
  return order[i + 1] ?? null;
}

export function canMoveTo({ from, to }: { from: EditionStatus; to: EditionStatus }): boolean {
  return nextStatus(from) === to;
}

export type EditionChange =
  /** label and minimum jurors */
  | 'general'
  /** the assessment period */
  | 'period'
  /** categories and levels */
  | 'structure'
  /** milestones and socialization events */
  | 'timeline';

const allowedChanges: Record<EditionStatus, EditionChange[]> = {
  // Everything may be set up while the edition is a draft.
  draft: ['general', 'period', 'structure', 'timeline'],
  // Once open, candidates register against the period and categories.
  open: ['general', 'timeline'],
  // During assessment only the schedule may still move.
  assessing: ['timeline'],
  published: [],
  archived: [],
};

export function mayChange({ status, change }: { status: EditionStatus; change: EditionChange }): boolean {
  return allowedChanges[status].includes(change);
}

export function allowedFor(status: EditionStatus) {
  return {
    editGeneral: mayChange({ status, change: 'general' }),
    editPeriod: mayChange({ status, change: 'period' }),
    editStructure: mayChange({ status, change: 'structure' }),
    editTimeline: mayChange({ status, change: 'timeline' }),
    nextStatus: nextStatus(status),
  };
}
