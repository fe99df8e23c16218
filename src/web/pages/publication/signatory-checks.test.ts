import { describe, expect, it } from 'vitest';
import { handoverClashes, requiredOfSignatories } from './signatory-checks.ts';

const row = (level: string, area: string, handsOver: boolean, name = 'Dr. H. Lalu Muhamad Iqbal', title = 'Gubernur') => ({ level, area, name, title, handsOver });

describe('signatory checks', () => {
  it('names each row’s name and title for the required check', () => {
    expect(requiredOfSignatories([row('provinsi', '', false, '', 'Gubernur')])).toEqual({ 'signatories.0.name': '', 'signatories.0.title': 'Gubernur' });
  });
  it('marks the boxes of a level and province that more than one signatory hands over', () => {
    const rows = [row('provinsi', '52', true), row('provinsi', '', true), row('provinsi', '52', true), row('nasional', '', true), row('provinsi', '52', false)];
    expect(handoverClashes(rows)).toEqual(['signatories.0.handsOver', 'signatories.2.handsOver']);
  });
  it('marks nothing when each level and province has at most one presenter', () => {
    expect(handoverClashes([row('provinsi', '52', true), row('provinsi', '53', true), row('nasional', '', false)])).toEqual([]);
  });
});
