import { describe, expect, it } from 'vitest';
import { assertCanClose, assertCanFinalise, assertCanOpen, initialStages, openStage } from './stages.ts';

describe('pool stages', () => {
  const ids = ['desk', 'wawancara'];
  it('opens the desk first, the interview after the desk closes, and finalises when both are closed', () => {
    const states = initialStages(ids);
    expect(() => assertCanOpen(ids, states, 'wawancara')).toThrow('Close stage desk before opening wawancara');
    assertCanOpen(ids, states, 'desk');
    states.desk = 'open';
    expect(openStage(ids, states)).toBe('desk');
    expect(() => assertCanFinalise(ids, states)).toThrow('desk, wawancara not closed');
    assertCanClose(states, 'desk');
    states.desk = 'closed';
    expect(() => assertCanClose(states, 'desk')).toThrow('not open');
    assertCanOpen(ids, states, 'wawancara');
    states.wawancara = 'closed';
    expect(() => assertCanFinalise(ids, states)).not.toThrow();
    expect(() => assertCanOpen(ids, states, 'desk')).toThrow('already closed');
    expect(() => assertCanOpen(ids, states, 'bogus')).toThrow('No stage bogus');
  });
});
