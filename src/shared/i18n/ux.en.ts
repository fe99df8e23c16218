import type { uxId } from './ux.id.ts';

/** English: where an edition stands, field errors, confirmations. */
export const uxEn: typeof uxId = {
  phase: {
    draft: 'The edition is being set up',
    'registration-soon': 'Registration opens on {{date}}',
    'registration-open': 'Registration open until {{date}}',
    'registration-openNoDate': 'Registration open',
    'registration-closed': 'Registration closed since {{date}}',
    assessing: 'Assessment runs until {{date}}',
    assessingNoDate: 'Assessment in progress',
    published: 'Results announced',
    archived: 'Edition archived',
    column: 'Current phase',
  },
};
