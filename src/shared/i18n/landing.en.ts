/** English: where each role lands after signing in, a candidate's candidacies, and states that wait for data. */
export const landingEn = {
  landing: {
    myCandidacies: 'My candidacies',
    myCandidaciesHint: 'Each of your candidacies, by level of assessment. Open one to fill in or follow its assessment.',
    candidacyNav: 'My candidate · {{level}}',
    candidacyLevel: 'Level',
    candidacyEdition: 'Edition',
    open: 'Open',
    noCandidacy: 'This account is not linked to a candidate yet.',
    eligibilityOpen: 'Requirements not checked yet (data incomplete)',
    eligibilityOpenTitle: 'Requirements not checked yet: complete these before sending',
  },
};
