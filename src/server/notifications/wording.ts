/**
 * The facts of a message as people read them, in each language: a
 * verification item by its section and entry (never its key), a coverage
 * figure by its name, a level by its kind, moments in WIB with the month
 * written out. Pure: the words come from the app's i18n resources.
 */
import { candidatePagesEn } from '../../shared/i18n/candidate-pages.en.ts';
import { candidatePagesId } from '../../shared/i18n/candidate-pages.id.ts';
import { factsEn } from '../../shared/i18n/facts.en.ts';
import { factsId } from '../../shared/i18n/facts.id.ts';
import { formatDate } from '../../shared/i18n/format.ts';
import { employerFigures, regionFigures } from '../../domain/coverage/indicators.ts';
import type { Locale } from './templates.ts';

export type Worded = { id: string; en: string };

const words = {
  id: { sa: candidatePagesId.sa, enforcement: factsId.facts.enforcementTypes },
  en: { sa: candidatePagesEn.sa, enforcement: factsEn.facts.enforcementTypes },
};

const lookup = (table: Record<string, string>, key: string | undefined) => (key && Object.hasOwn(table, key) ? table[key]! : (key ?? ''));

type Entry = { id?: string; type?: string; number?: string; segment?: string };

/** One item of a self-assessment, e.g. "Program perlindungan: Nelayan", "Regulasi: Instruksi Kepala Daerah B.02/INST/30/082021". */
export function itemWords(answers: unknown, key: string): Worded {
  const [section = key, entryId] = key.split(':');
  const list = entryId ? (answers as Record<string, unknown> | null)?.[section] : null;
  const entry: Entry = (Array.isArray(list) ? (list as Entry[]).find((e) => e.id === entryId) : undefined) ?? {};
  const say = (locale: Locale) => {
    const w = words[locale];
    const name = lookup(w.sa.sections, section);
    if (!entryId) return name;
    const detail =
      section === 'regulations'
        ? `${lookup(w.sa.regulationTypes, entry.type)} ${entry.number ?? ''}`
        : section === 'agreements'
          ? `${lookup(w.sa.agreementTypes, entry.type)} ${entry.number ?? ''}`
          : section === 'programs'
            ? lookup(w.sa.segments, entry.segment)
            : section === 'enforcement'
              ? lookup(w.enforcement, entry.type)
              : '';
    return detail.trim() ? `${name}: ${detail.trim()}` : name;
  };
  return { id: say('id'), en: say('en') };
}

/** A coverage figure by its name ("Cakupan kepesertaan" / "Coverage"); an unknown key stays as it is. */
export function figureWords(key: string): Worded {
  const figure = [...regionFigures, ...employerFigures].find((f) => f.key === key);
  return figure ? { id: figure.labelId, en: figure.labelEn } : { id: key, en: key };
}

/** A level as a letter names it: the national and provincial levels by kind, a zone by its own name. */
export function levelWords(level: { kind: string; name: string } | undefined, code: string): Worded {
  if (!level) return { id: code, en: code };
  if (level.kind === 'nasional') return { id: 'Tingkat Nasional', en: 'the national level' };
  if (level.kind === 'provinsi') return { id: 'Tingkat Provinsi', en: 'the provincial level' };
  return { id: level.name, en: level.name };
}

const wib = (at: Date, locale: Locale) => {
  const parts = new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Asia/Jakarta' }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return { day: `${part('year')}-${part('month')}-${part('day')}`, hour: part('hour'), minute: part('minute') };
};

/** A moment in Western Indonesia Time: "Senin, 30 November 2026 pukul 10.05 WIB" / "Monday, 30 November 2026 at 10:05 WIB". */
export function momentWords(at: Date): Worded {
  const id = wib(at, 'id');
  const en = wib(at, 'en');
  return { id: `${formatDate(id.day, 'id')} pukul ${id.hour}.${id.minute} WIB`, en: `${formatDate(en.day, 'en')} at ${en.hour}:${en.minute} WIB` };
}

/** A time of day (hh:mm[:ss]) or a span of two: "09.00–10.00 WIB" / "09:00–10:00 WIB". */
export function timeWords(start: string | null, end: string | null): Worded {
  const hm = (t: string, sep: string) => t.slice(0, 5).replace(':', sep);
  const say = (sep: string) => (start ? `${hm(start, sep)}${end ? `–${hm(end, sep)}` : ''} WIB` : '—');
  return { id: say('.'), en: say(':') };
}

/** The edition as the closing names it after "Paritrana Award": its label without the award's name repeated. */
export function editionWords(label: string): string {
  return label.replace(/^\s*Paritrana Award\s*/i, '').trim() || label;
}
