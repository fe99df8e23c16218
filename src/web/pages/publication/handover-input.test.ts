import { describe, expect, it } from 'vitest';
import { handoverField, handoverInputOf, type HandoverForm } from './handover-input.ts';

const a = '11111111-1111-4111-8111-111111111111';
const b = '22222222-2222-4222-8222-222222222222';
const empty = (): HandoverForm => ({ presenter: { name: '', title: '' }, occasion: { name: '', date: '', place: '' }, representatives: {} });

describe('handoverInputOf', () => {
  it('sends an empty hand-over as nothing recorded', () => {
    expect(handoverInputOf(empty())).toEqual({ input: { presenter: null, occasion: null, representatives: [] }, missing: [] });
  });
  it('sends whole pairs trimmed, and leaves out representatives left empty', () => {
    const form: HandoverForm = {
      presenter: { name: ' Dr. Iqbal ', title: 'Gubernur NTB' },
      occasion: { name: 'Penandatanganan MoU', date: '2026-11-20', place: ' ' },
      representatives: { [a]: { name: 'H. Juaini', title: 'Sekda', onBehalfOf: '' }, [b]: { name: '', title: '', onBehalfOf: '' } },
    };
    expect(handoverInputOf(form)).toEqual({
      input: {
        presenter: { name: 'Dr. Iqbal', title: 'Gubernur NTB' },
        occasion: { name: 'Penandatanganan MoU', date: '2026-11-20', place: null },
        representatives: [{ candidateId: a, name: 'H. Juaini', title: 'Sekda', onBehalfOf: null }],
      },
      missing: [],
    });
  });
  it('names the empty partner of every half-filled pair', () => {
    const form: HandoverForm = {
      presenter: { name: '', title: 'Gubernur' },
      occasion: { name: 'MoU', date: '', place: '' },
      representatives: { [a]: { name: 'H. Juaini', title: ' ', onBehalfOf: '' } },
    };
    expect(handoverInputOf(form)).toEqual({ input: null, missing: ['presenter.name', 'occasion.date', `representatives.${a}.title`] });
  });
});

describe('handoverField', () => {
  it('names a refused representative by its candidate id, other paths as they are', () => {
    const name = handoverField([b, a]);
    expect(name('representatives.1.title')).toBe(`representatives.${a}.title`);
    expect(name('representatives.5.title')).toBe('representatives.5.title');
    expect(name('occasion.place')).toBe('occasion.place');
  });
});
