import type { categoriesId } from './categories.id.ts';

/** English: candidates identified by province or village, and special awards. */
export const categoriesEn: typeof categoriesId = {
  units: {
    provinceGovernment: 'Provincial government',
    provinceGovernmentHint: 'A provincial government is identified by its province code. Leave the name empty to use "Pemerintah Provinsi {{province}}".',
    governmentName: 'Name of the provincial government',
    village: 'Village',
    villageHint: 'Search for the village or district name within the chosen regency/city (Kemendagri list).',
    villageRegency: 'Regency/city of the village',
    pickRegencyFirst: 'Choose the regency/city first, then search for the village.',
    noVillages: 'No village of this regency/city matches.',
    villageName: 'Name to use for the village',
    villageNameHint: 'Leave empty to use "Desa {{village}}".',
    villageCode: 'Village code',
    districtOf: '{{district}} district',
  },
};
