/** Bahasa Indonesia: where each role lands after signing in, a candidate's candidacies, and states that wait for data. */
export const landingId = {
  landing: {
    myCandidacies: 'Kandidat saya',
    myCandidaciesHint: 'Setiap pencalonan Anda, per tingkat penilaian. Buka satu untuk mengisi atau melihat penilaiannya.',
    candidacyNav: 'Kandidat saya · {{level}}',
    candidacyLevel: 'Tingkat',
    candidacyEdition: 'Edisi',
    open: 'Buka',
    noCandidacy: 'Akun ini belum terhubung dengan kandidat.',
    eligibilityOpen: 'Syarat belum diperiksa (data belum lengkap)',
    eligibilityOpenTitle: 'Syarat peserta belum diperiksa: lengkapi data berikut sebelum mengirim',
  },
};
