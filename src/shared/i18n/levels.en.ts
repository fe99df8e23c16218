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
  earlier: {
    title: 'Verification decisions of the earlier level',
    hint: 'History: the decisions of the verifiers of {{level}}. Take over the valid or rejected ones, or decide each item again below.',
    item: 'Item',
    decision: 'Decision',
    by: 'By',
    here: 'At this level',
    adopt: 'Take over {{count}} decisions',
    adopted: 'The earlier level’s decisions were taken over.',
    nothing: 'No decision to take over: each is already decided at this level or must be decided again.',
  },
};
