import type { Contact } from '../../../shared/contracts/index.ts';
import type { FieldName } from '../../field-errors.ts';

const contactFields = ['name', 'position', 'phone', 'email'] as const;

/** A contact row is sent when anything of it is filled in; blank rows are left out. */
const filled = (c: Contact): boolean => c.name.trim() !== '' || Boolean(c.email) || Boolean(c.phone) || Boolean(c.position);

/** The contacts a form sends: those with anything filled in, in the order shown. */
export const contactsSent = (contacts: Contact[]): Contact[] => contacts.filter(filled);

/** The fields of `count` contacts shown (`contacts.0.name` …), and the list itself. */
export const contactFieldNames = (count: number): string[] => ['contacts', ...Array.from({ length: count }, (_, i) => contactFields.map((f) => `contacts.${i}.${f}`)).flat()];

/**
 * The server numbers the contacts sent, the form the contacts shown (blank
 * ones among them): `contacts.1.email` of what was sent is said on the
 * contact shown where that one stands.
 */
export function sentContactName(contacts: Contact[]): FieldName {
  const shownAt = contacts.flatMap((c, i) => (filled(c) ? [i] : []));
  return (path) => {
    const match = /^contacts\.(\d+)(\..+)?$/.exec(path);
    if (!match) return path;
    const at = shownAt[Number(match[1])];
    return at === undefined ? path : `contacts.${at}${match[2] ?? ''}`;
  };
}
