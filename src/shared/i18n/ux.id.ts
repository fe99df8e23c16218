/** Bahasa Indonesia: where an edition stands, field errors, confirmations. */
export const uxId = {
  phase: {
    draft: 'Edisi masih disiapkan',
    'registration-soon': 'Pendaftaran dibuka mulai {{date}}',
    'registration-open': 'Pendaftaran dibuka hingga {{date}}',
    'registration-openNoDate': 'Pendaftaran dibuka',
    'registration-closed': 'Pendaftaran ditutup sejak {{date}}',
    assessing: 'Penilaian berlangsung hingga {{date}}',
    assessingNoDate: 'Penilaian berlangsung',
    published: 'Hasil sudah diumumkan',
    archived: 'Edisi diarsipkan',
    column: 'Tahap saat ini',
  },
};
