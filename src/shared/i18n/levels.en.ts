import type { levelsId } from './levels.id.ts';

/** English: levels, zones and each category's route. */
export const levelsEn: typeof levelsId = {
  zones: {
    title: 'Zones and routes',
    intro: 'A province’s winners go on to the zone that holds their province, then to the national level. Provinces outside the category’s zones go straight to the national level.',
    link: 'Zones and their pools',
    routes: 'Route of each category',
    category: 'Category',
    route: 'Route',
    provinces: 'Provinces',
    pools: 'Pools of this zone',
    noPools: 'No pool for this zone yet. Create the zone’s panel and its pool on the panels page.',
    noZones: 'This edition has no zones: a province’s winners go straight to the national level.',
    candidates: '{{count}} candidates',
    open: 'Open the pool',
    unzoned: 'Provinces in no zone',
    unzonedNone: 'Every province belongs to a zone.',
    usedBy: 'Used by categories',
    notUsed: 'Not used by any category yet',
  },
};
