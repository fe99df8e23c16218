import { describe, expect, it } from 'vitest';
import { allowedFor, canMoveTo, mayChange, nextStatus } from './status.ts';

describe('edition status', () => {
  it('moves forward one step at a time', () => {
    expect(nextStatus('draft')).toBe('open');
    expect(nextStatus('published')).toBe('archived');
    expect(nextStatus('archived')).toBeNull();
    expect(canMoveTo({ from: 'draft', to: 'open' })).toBe(true);
    expect(canMoveTo({ from: 'draft', to: 'assessing' })).toBe(false);
    expect(canMoveTo({ from: 'open', to: 'draft' })).toBe(false);
  });
  it('narrows what may change as the edition advances', () => {
    expect(allowedFor('draft')).toEqual({ editGeneral: true, editPeriod: true, editStructure: true, editTimeline: true, nextStatus: 'open' });
    expect(allowedFor('open')).toEqual({ editGeneral: true, editPeriod: false, editStructure: false, editTimeline: true, nextStatus: 'assessing' });
    expect(allowedFor('assessing')).toEqual({ editGeneral: false, editPeriod: false, editStructure: false, editTimeline: true, nextStatus: 'published' });
    expect(mayChange({ status: 'published', change: 'timeline' })).toBe(false);
    expect(mayChange({ status: 'archived', change: 'general' })).toBe(false);
  });
});
