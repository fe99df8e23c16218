import { describe, expect, it } from 'vitest';
import { contactFieldNames, contactsSent, sentContactName } from './contacts.ts';

const blank = { name: '', position: null, phone: null, email: null };
const ani = { name: 'Ani', position: null, phone: null, email: 'ani@x.id' };
const phoneOnly = { name: '', position: null, phone: '0812', email: null };

describe('contacts of a form', () => {
  it('sends only the contacts with something filled in', () => {
    expect(contactsSent([blank, ani, phoneOnly])).toEqual([ani, phoneOnly]);
  });
  it('names every field of every contact shown', () => {
    expect(contactFieldNames(2)).toEqual(['contacts', 'contacts.0.name', 'contacts.0.position', 'contacts.0.phone', 'contacts.0.email', 'contacts.1.name', 'contacts.1.position', 'contacts.1.phone', 'contacts.1.email']);
  });
  it('says a refused contact on the contact shown, past the blank ones left out', () => {
    const name = sentContactName([blank, ani, blank, phoneOnly]);
    expect(name('contacts.0.email')).toBe('contacts.1.email');
    expect(name('contacts.1.name')).toBe('contacts.3.name');
    expect(name('contacts')).toBe('contacts');
    expect(name('contacts.5.name')).toBe('contacts.5.name');
    expect(name('name')).toBe('name');
  });
});
