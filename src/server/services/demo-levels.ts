import type { Db } from '../../db/client.ts';
import { findCategoryByCode } from '../../db/repositories/editions.ts';
import type { Actor } from '../policies/actor.ts';
import { addEvent, addLevel, updateCategory } from './editions.ts';

/** The demo's second zone, beside Zona Sumatera: Bali and Nusa Tenggara (NTB among them). */
export const demoBaliNusra = { code: 'zona-bali-nusra', kind: 'zona' as const, name: 'Zona Bali dan Nusa Tenggara', provinceCodes: ['51', '52', '53'] };

/**
 * The award's levels in the demo edition (still a draft when called): a
 * second zone, Usaha Besar running province → zone → nation through both
 * zones (Pemerintah Kabupaten/Kota stays province → nation), and the
 * provinces' own award ceremonies as the seed reports give them
 * (Kalimantan Timur on 5 August, Lampung on 13 August 2025).
 */
export async function seedDemoLevels(db: Db, actor: Actor, editionId: string): Promise<void> {
  const ctx = { db, actor };
  await addLevel(ctx, editionId, demoBaliNusra);
  const usahaBesar = (await findCategoryByCode(db, editionId, 'usaha-besar'))!;
  await updateCategory(ctx, editionId, usahaBesar.id, {
    code: usahaBesar.code,
    family: usahaBesar.family as 'badan-usaha',
    nameId: usahaBesar.nameId,
    nameEn: usahaBesar.nameEn,
    levels: ['provinsi', 'zona-sumatera', demoBaliNusra.code, 'nasional'],
    awards: usahaBesar.awards,
    advance: usahaBesar.advance,
    eligibility: usahaBesar.eligibility as ('active-participant' | 'no-arrears')[],
  });
  await addEvent(ctx, editionId, {
    kind: 'provincial_ceremony',
    provinceCode: '64',
    heldOn: '2025-08-05',
    place: 'Pendopo Odah Etam, Samarinda',
    attendees: null,
    notes: 'Penyerahan Paritrana Award tingkat Provinsi Kalimantan Timur.',
  });
  await addEvent(ctx, editionId, {
    kind: 'provincial_ceremony',
    provinceCode: '18',
    heldOn: '2025-08-13',
    place: 'Balai Keratun, Kantor Gubernur Lampung',
    attendees: null,
    notes: 'Penyerahan Paritrana Award tingkat Provinsi Lampung.',
  });
}
