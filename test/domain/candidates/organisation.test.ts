import { describe, expect, it } from 'vitest';
import { carryOffers, furthestLevel, madeUpMarks, organisationKey, parseOrganisationKey } from '../../../src/domain/candidates/organisation.ts';

const candidacy = { id: '7f0e9d0a-1b2c-4d3e-8f40-5a6b7c8d9e0f', provinceCode: '52', regencyCode: null, villageCode: null, npp: null };

describe('an organisation across editions', () => {
  it('is named by its Kemendagri code or NPP, and each key says which', () => {
    const keys = [
      organisationKey({ ...candidacy, kind: 'pemda', regencyCode: '52.03' }),
      organisationKey({ ...candidacy, kind: 'pemda' }),
      organisationKey({ ...candidacy, kind: 'pemda', villageCode: '52.03.03.2006' }),
      organisationKey({ ...candidacy, kind: 'badan-usaha', npp: 'NPP19002345' }),
      organisationKey({ ...candidacy, kind: 'badan-usaha' }),
    ];
    expect(keys).toEqual(['52.03', '52', '52.03.03.2006', 'NPP19002345', candidacy.id]);
    expect(keys.map(parseOrganisationKey)).toEqual([
      { unit: 'kabupaten-kota', regencyCode: '52.03' },
      { unit: 'provinsi', provinceCode: '52' },
      { unit: 'desa', villageCode: '52.03.03.2006' },
      { unit: 'npp', npp: 'NPP19002345' },
      { unit: 'candidacy', candidateId: candidacy.id },
    ]);
    expect(['5', '52.0', 'NPP 1', '52.03.03', 'a'.repeat(21)].map(parseOrganisationKey)).toEqual([null, null, null, null, null]);
  });

  it('reached the furthest level of its candidacies in an edition', () => {
    expect(furthestLevel([{ id: 'p', levelKind: 'provinsi' }, { id: 'n', levelKind: 'nasional' }, { id: 'z', levelKind: 'zona' }])?.id).toBe('n');
    expect(furthestLevel([])).toBeNull();
  });
});

describe('carrying forward', () => {
  const previous = {
    regulations: [{ id: 'r1', validUntil: null }, { id: 'r2', validUntil: '2025-12-31' }],
    agreements: [{ id: 'a1', validUntil: '2026-11-30' }, { id: 'a2', validUntil: '2026-11-29' }],
  };
  const from = { candidateId: 'prev' };

  it('offers what is in force on the day, not what ended before it, and nothing twice', () => {
    const current = { regulations: [{ id: 'x', carriedForward: { candidateId: 'prev', entryId: 'r1' } }], agreements: [{ id: 'y', carriedForward: { candidateId: 'other', entryId: 'a1' } }] };
    expect(carryOffers(previous, from, current, '2026-11-30').map((o) => [o.section, o.entryId, o.status])).toEqual([
      ['regulations', 'r1', 'carried'],
      ['regulations', 'r2', 'expired'],
      // Its last day is still a day in force.
      ['agreements', 'a1', 'offered'],
      ['agreements', 'a2', 'expired'],
    ]);
  });

  it('lets a save keep or drop a mark, never make one up or change it', () => {
    const mark = { candidateId: 'prev', editionId: 'e', editionLabel: 'Paritrana Award 2025', entryId: 'r1' };
    const stored = { regulations: [{ id: 'x', carriedForward: mark }], agreements: [] };
    expect(madeUpMarks(stored, { regulations: [{ id: 'x', carriedForward: { entryId: 'r1', editionLabel: 'Paritrana Award 2025', editionId: 'e', candidateId: 'prev' } }] })).toEqual([]);
    expect(madeUpMarks(stored, { regulations: [{ id: 'x', carriedForward: null }] })).toEqual([]);
    expect(
      madeUpMarks(stored, {
        regulations: [{ id: 'x', carriedForward: { ...mark, editionLabel: 'Paritrana Award 2021' } }],
        agreements: [{ id: 'new', carriedForward: mark }],
      }),
    ).toEqual(['regulations.0.carriedForward', 'agreements.0.carriedForward']);
  });
});
