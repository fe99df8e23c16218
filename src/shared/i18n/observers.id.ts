/** Bahasa Indonesia: observers (the ministries' and BPJS leadership), their organisation and their start page. */
export const observersId = {
  observers: {
    organisation: 'Instansi',
    organisations: {
      kemenko_pmk: 'Kemenko PMK',
      kemnaker: 'Kementerian Ketenagakerjaan',
      kemendagri: 'Kementerian Dalam Negeri',
      bpjs_ketenagakerjaan: 'BPJS Ketenagakerjaan (kantor pusat)',
      other: 'Instansi lain',
    },
    provinces: 'Provinsi yang dipantau',
    provincesHint: 'Kosongkan untuk seluruh provinsi (nasional).',
    allProvinces: 'Seluruh provinsi',
    home: {
      title: 'Pemantauan Paritrana Award',
      hintNational: 'Anda memantau seluruh provinsi. Anda dapat melihat kemajuan, cakupan kepesertaan, dan hasil yang sudah diumumkan, tanpa mengubah data.',
      hintProvinces: 'Anda memantau {{provinces}}. Anda dapat melihat kemajuan, cakupan kepesertaan, dan hasil yang sudah diumumkan, tanpa mengubah data.',
      noEdition: 'Belum ada edisi yang berjalan.',
      current: 'Edisi berjalan',
      recap: 'Rekapitulasi per provinsi',
      progress: 'Kemajuan kandidat',
      coverage: 'Dasbor cakupan kepesertaan',
      candidates: 'Daftar kandidat',
      portal: 'Hasil diumumkan',
      winners: 'Pemenang diumumkan',
      marksNote: 'Nilai juri dan lembar penilaian tidak ditampilkan; pemenang muncul setelah hasil diumumkan.',
    },
    recapHint: 'Kandidat, cakupan kepesertaan, kemajuan, dan pemenang yang sudah diumumkan di provinsi yang Anda pantau.',
    noAnnouncedWinners: 'Belum ada hasil yang diumumkan.',
  },
};
