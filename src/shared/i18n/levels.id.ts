/** Bahasa Indonesia: tingkat, zona dan jalur kategori. */
export const levelsId = {
  zones: {
    title: 'Zona dan jalur',
    intro: 'Pemenang provinsi melaju ke zona yang memuat provinsinya, lalu ke tingkat nasional. Provinsi di luar zona kategori melaju langsung ke tingkat nasional.',
    link: 'Zona dan pool-nya',
    routes: 'Jalur per kategori',
    category: 'Kategori',
    route: 'Jalur',
    provinces: 'Provinsi',
    pools: 'Pool di zona ini',
    noPools: 'Belum ada pool untuk zona ini. Buat panel zona dan pool-nya di halaman panel.',
    noZones: 'Edisi ini tidak memakai zona: pemenang provinsi melaju langsung ke tingkat nasional.',
    candidates: '{{count}} kandidat',
    open: 'Buka pool',
    unzoned: 'Provinsi di luar zona mana pun',
    unzonedNone: 'Setiap provinsi termasuk satu zona.',
    usedBy: 'Dipakai kategori',
    notUsed: 'Belum dipakai kategori',
  },
};
