/** English: observers (the ministries' and BPJS leadership), their organisation and their start page. */
export const observersEn = {
  observers: {
    organisation: 'Organisation',
    organisations: {
      kemenko_pmk: 'Coordinating Ministry for Human Development and Culture (Kemenko PMK)',
      kemnaker: 'Ministry of Manpower (Kemnaker)',
      kemendagri: 'Ministry of Home Affairs (Kemendagri)',
      bpjs_ketenagakerjaan: 'BPJS Ketenagakerjaan (head office)',
      other: 'Other organisation',
    },
    provinces: 'Provinces observed',
    provincesHint: 'Leave empty for every province (national).',
    allProvinces: 'Every province',
    home: {
      title: 'Observing the Paritrana Award',
      hintNational: 'You observe every province. You see progress, social security coverage and announced results, without changing any data.',
      hintProvinces: 'You observe {{provinces}}. You see progress, social security coverage and announced results, without changing any data.',
      noEdition: 'No edition is running yet.',
      current: 'Current edition',
      recap: 'Recap per province',
      progress: 'Candidates’ progress',
      coverage: 'Coverage dashboard',
      candidates: 'Candidate list',
      portal: 'Announced results',
      winners: 'Winners announced',
      marksNote: 'Jurors’ marks and marking sheets are not shown; winners appear once a result is announced.',
    },
    recapHint: 'Candidates, social security coverage, progress and announced winners of the provinces you observe.',
    noAnnouncedWinners: 'No result has been announced yet.',
  },
};
