import { describe, expect, it } from 'vitest';
import { dateFact, dateTimeFact } from '../../../src/server/notifications/facts.ts';
import { editionWords, figureWords, itemWords, levelWords, momentWords, timeWords } from '../../../src/server/notifications/wording.ts';

const answers = {
  kind: 'pemda',
  regulations: [{ id: 'r1', type: 'instruksi', number: 'B.02/INST/30/082021' }],
  agreements: [{ id: 'a1', type: 'pks', number: '12/PKS/2024' }],
  programs: [{ id: 'p1', segment: 'nelayan' }],
  enforcement: [{ id: 'e1', type: 'sanksi' }],
};

describe('the words of a message’s facts', () => {
  it('names a verification item by its section and entry, never by its key', () => {
    expect(itemWords(answers, 'programs:p1')).toEqual({ id: 'Program perlindungan: Nelayan', en: 'Protection programs: Fishermen' });
    expect(itemWords(answers, 'regulations:r1')).toEqual({ id: 'Regulasi: Instruksi Kepala Daerah B.02/INST/30/082021', en: 'Regulations: Head of region instruction B.02/INST/30/082021' });
    expect(itemWords(answers, 'agreements:a1')).toEqual({ id: 'Perjanjian kerja sama: Perjanjian Kerja Sama (PKS) 12/PKS/2024', en: 'Agreements: Cooperation agreement (PKS) 12/PKS/2024' });
    expect(itemWords(answers, 'enforcement:e1')).toEqual({ id: 'Penegakan dan sosialisasi: Sanksi bagi pemberi kerja yang tidak patuh', en: 'Enforcement and outreach: Sanctions on employers who do not comply' });
    expect(itemWords(answers, 'coverage')).toEqual({ id: 'Capaian kepesertaan', en: 'Coverage achievement' });
    expect(itemWords({ kind: 'badan-usaha' }, 'supplyChain')).toEqual({ id: 'Rantai pasok', en: 'Supply chain' });
    // An entry no longer in the answers still gets its section's name.
    expect(itemWords(answers, 'programs:gone')).toEqual({ id: 'Program perlindungan', en: 'Protection programs' });
  });

  it('names a coverage figure', () => {
    expect(figureWords('coverage_pct')).toEqual({ id: 'Cakupan kepesertaan', en: 'Coverage' });
    expect(figureWords('months_in_arrears').en).not.toBe('months_in_arrears');
  });

  it('names a level by its kind, a zone by its name', () => {
    expect(levelWords({ kind: 'nasional', name: 'Nasional' }, 'nasional')).toEqual({ id: 'Tingkat Nasional', en: 'the national level' });
    expect(levelWords({ kind: 'zona', name: 'Zona Sumatera' }, 'zona-sumatera')).toEqual({ id: 'Zona Sumatera', en: 'Zona Sumatera' });
  });

  it('writes dates with the month in the recipient’s language and moments in WIB', () => {
    expect(dateFact('2099-06-30')).toEqual({ id: 'Selasa, 30 Juni 2099', en: 'Tuesday, 30 June 2099' });
    expect(dateFact(null)).toBe('—');
    // 17.30 UTC on 31 December is 00.30 WIB on 1 January.
    expect(momentWords(new Date('2025-12-31T17:30:00Z'))).toEqual({ id: 'Kamis, 1 Januari 2026 pukul 00.30 WIB', en: 'Thursday, 1 January 2026 at 00:30 WIB' });
    expect(dateTimeFact(new Date('2025-08-13T03:05:00Z'))).toEqual({ id: 'Rabu, 13 Agustus 2025 pukul 10.05 WIB', en: 'Wednesday, 13 August 2025 at 10:05 WIB' });
    expect(timeWords('09:00:00', '10:30:00')).toEqual({ id: '09.00–10.30 WIB', en: '09:00–10:30 WIB' });
    expect(timeWords('13:00', null)).toEqual({ id: '13.00 WIB', en: '13:00 WIB' });
  });

  it('does not repeat the award’s name in the closing', () => {
    expect(editionWords('Paritrana Award 2026')).toBe('2026');
    expect(editionWords('Edisi Khusus 2026')).toBe('Edisi Khusus 2026');
  });
});
