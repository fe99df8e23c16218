/**
 * Default instrument for small and micro businesses, version 2 (weights:
 * Paritrana's proposal, not official; docs/instruments-v2.md): growth is
 * scored on an absolute scale instead of against the pool.
 */
import { carried, revise } from './revise.ts';
import { ukmV1 } from './ukm.v1.ts';

export const ukmV2 = revise(ukmV1, 2, { id: 'Instrumen Usaha Kecil dan Mikro v2', en: 'Small and Micro Enterprise instrument v2' }, {
  kinerja: [carried(ukmV1, 'kin.terdaftar', 70), carried(ukmV1, 'kin.tumbuh', 30, { type: 'linear', floor: 0, target: 20 })],
});
