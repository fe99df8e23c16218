import type { Handover, HandoverInput } from '../../../shared/contracts/index.ts';

type Person = { name: string; title: string };
/** The hand-over form as typed: representatives by the winner's candidate id. */
export type HandoverForm = {
  presenter: Person;
  occasion: { name: string; date: string; place: string };
  representatives: Record<string, Person & { onBehalfOf: string }>;
};

export const handoverFormOf = (h: Handover): HandoverForm => ({
  presenter: { name: h.presenter?.name ?? '', title: h.presenter?.title ?? '' },
  occasion: { name: h.occasion?.name ?? '', date: h.occasion?.date ?? '', place: h.occasion?.place ?? '' },
  representatives: Object.fromEntries(h.representatives.map((r) => [r.candidateId, { name: r.name, title: r.title, onBehalfOf: r.onBehalfOf ?? '' }])),
});

/**
 * The request of a hand-over form, or the fields left empty beside a filled
 * partner (a presenter's name without a title, an occasion without a date,
 * a representative's name without a title): each pair is given whole or not
 * at all. Field paths are `presenter.title`, `occasion.date`,
 * `representatives.<candidateId>.title`.
 */
export function handoverInputOf(form: HandoverForm): { input: HandoverInput; missing: [] } | { input: null; missing: string[] } {
  const missing: string[] = [];
  const pair = (prefix: string, a: [string, string], b: [string, string]): boolean => {
    const [aName, aValue] = a;
    const [bName, bValue] = b;
    if (aValue.trim() && !bValue.trim()) missing.push(`${prefix}.${bName}`);
    if (!aValue.trim() && bValue.trim()) missing.push(`${prefix}.${aName}`);
    return aValue.trim() !== '' && bValue.trim() !== '';
  };
  const presenter = pair('presenter', ['name', form.presenter.name], ['title', form.presenter.title]);
  const occasion = pair('occasion', ['name', form.occasion.name], ['date', form.occasion.date]);
  const representatives: HandoverInput['representatives'] = [];
  for (const [candidateId, r] of Object.entries(form.representatives)) {
    if (pair(`representatives.${candidateId}`, ['name', r.name], ['title', r.title])) {
      representatives.push({ candidateId, name: r.name.trim(), title: r.title.trim(), onBehalfOf: r.onBehalfOf.trim() || null });
    }
  }
  if (missing.length > 0) return { input: null, missing };
  return {
    input: {
      presenter: presenter ? { name: form.presenter.name.trim(), title: form.presenter.title.trim() } : null,
      occasion: occasion ? { name: form.occasion.name.trim(), date: form.occasion.date, place: form.occasion.place.trim() || null } : null,
      representatives,
    },
    missing: [],
  };
}

/**
 * How the form names a field the server refused: a representative by the
 * winner's candidate id, not by its place in the list sent (`sent`, the
 * candidate ids in the order sent).
 */
export const handoverField =
  (sent: readonly string[]) =>
  (path: string): string => {
    const m = /^representatives\.(\d+)\.(.+)$/.exec(path);
    const candidateId = m ? sent[Number(m[1])] : undefined;
    return m && candidateId ? `representatives.${candidateId}.${m[2]}` : path;
  };
