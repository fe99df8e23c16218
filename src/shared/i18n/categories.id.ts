/** Bahasa Indonesia: candidates identified by province or village, and special awards. */
export const categoriesId = {
  units: {
    provinceGovernment: 'Pemerintah provinsi',
    provinceGovernmentHint: 'Pemerintah provinsi dikenali dari kode provinsinya. Kosongkan nama untuk memakai "Pemerintah Provinsi {{province}}".',
    governmentName: 'Nama pemerintah provinsi',
    village: 'Desa/kampung',
    villageHint: 'Cari nama desa atau kecamatan di kabupaten/kota yang dipilih (daftar Kemendagri).',
    villageRegency: 'Kabupaten/kota tempat desa',
    pickRegencyFirst: 'Pilih kabupaten/kota dahulu, lalu cari desanya.',
    noVillages: 'Tidak ada desa yang cocok di kabupaten/kota ini.',
    villageName: 'Nama desa yang dipakai',
    villageNameHint: 'Kosongkan untuk memakai "Desa {{village}}".',
    villageCode: 'Kode desa',
    districtOf: 'Kec. {{district}}',
  },
};
