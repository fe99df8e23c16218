import type { uxId } from './ux.id.ts';

/** English: where an edition stands, field errors, confirmations. */
export const uxEn: typeof uxId = {
  dateField: { clear: 'Clear the date' },
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
  },
  fieldErrors: {
    required: 'Required.',
    invalid: 'This entry is not valid.',
    summary: 'Check the {{count}} marked field(s).',
    unmarked: 'Some entries are missing or invalid',
    field: {
      editionId: 'The chosen edition is not open for registration.',
      categoryId: 'Pick a category from the list.',
      provinceCode: 'Pick a province from the list.',
      regencyCode: 'Pick a regency or city of the chosen province.',
      npp: 'The NPP has 5 to 20 letters or digits.',
      name: 'A name of 2 to 200 characters.',
      sector: 'At most 200 characters.',
      address: 'At most 500 characters.',
      candidate: 'Already registered as a candidate in this category.',
      'contact.name': 'A contact name of 2 to 120 characters.',
      'contact.position': 'At most 120 characters.',
      'contact.phone': 'At most 40 characters.',
      'contact.email': 'Write a valid e-mail address, e.g. name@agency.go.id.',
      label: 'An edition name of 3 to 120 characters.',
      periodStart: 'Write a valid date.',
      periodEnd: 'The end date may not be before the start date.',
      minJurors: 'Between 1 and 50 jurors.',
      password: 'At least 12 characters; common passwords are refused.',
      newPassword: 'At least 12 characters; common passwords are refused, and so is the current one.',
      currentPassword: 'The current password is wrong.',
      email: 'Write a valid e-mail address, or this address is already used.',
      reason: 'Say why (at least 10 characters).',
      repeat: 'Repeat the same new password.',
    },
    /** A form whose fields follow other rules than the common ones above. */
    forms: {
      user: { name: 'A name of 2 to 120 characters.' },
      profile: { name: 'A name of at most 200 characters.' },
      edition: { coverageTargetPct: 'Between 0 and 100 percent.' },
      panel: {
        level: 'Pick a level from the list.',
        area: 'Pick a province from the list.',
        name: 'A panel name of 3 to 200 characters.',
        decreeNumber: 'At most 200 characters.',
        decreeDate: 'Write a valid date.',
        categoryCodes: 'Pick categories of this level from the list (at most 20).',
      },
    },
  },
  provinceCode: 'Province with code {{code}}',
  confirmWhy: {
    notSubmitted: 'Confirming the verification is possible once the candidate has submitted its self-assessment.',
    notAllValid: 'Confirming the verification is possible once every item is valid ({{count}} item(s) not valid yet).',
  },
  confirm: {
    submitSelfAssessment: {
      title: 'Submit the self-assessment?',
      text: 'Once submitted, its answers and evidence can no longer change unless the committee reopens it. The verifier starts checking it.',
      ok: 'Yes, submit',
    },
    accept: {
      title: 'Accept the nomination?',
      text: 'By accepting you take part in the Paritrana Award and fill in the self-assessment before the deadline. This decision cannot be undone in the app.',
      ok: 'Yes, accept',
    },
    submitSheet: {
      title: 'Submit and lock this sheet?',
      text: 'The marks of this sheet are locked and can no longer change; the panel sees them once the stage is closed.',
      ok: 'Yes, submit and lock',
    },
    closeStage: {
      title: 'Close the {{stage}} stage?',
      text: 'Jurors can no longer mark this stage, and the panel sees all of its marks. A closed stage cannot be opened again.',
      ok: 'Yes, close the stage',
    },
  },
};
