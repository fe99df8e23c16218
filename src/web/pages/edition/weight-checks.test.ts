import { describe, expect, it } from 'vitest';
import { scoringField, weightField, weightFields, zeroWeightFields } from './weight-checks.ts';

const tree = (stage: number, aspects: number[], indicators: number[]) => ({
  stages: [
    { weight: stage, aspects: aspects.map((weight) => ({ weight, indicators: indicators.map((w) => ({ weight: w })) })) },
    { weight: 1, aspects: [{ weight: 1, indicators: [{ weight: 1 }] }] },
  ],
});

describe('instrument weight fields', () => {
  it('names a stage, an aspect and an indicator weight as the schema does', () => {
    expect(weightField([1])).toBe('instrument.stages.1.weight');
    expect(weightField([1, 2])).toBe('instrument.stages.1.aspects.2.weight');
    expect(weightField([1, 2, 3])).toBe('instrument.stages.1.aspects.2.indicators.3.weight');
    expect(weightFields(tree(1, [1], [1, 2]))).toEqual([
      'instrument.stages.0.weight',
      'instrument.stages.0.aspects.0.weight',
      'instrument.stages.0.aspects.0.indicators.0.weight',
      'instrument.stages.0.aspects.0.indicators.1.weight',
      'instrument.stages.1.weight',
      'instrument.stages.1.aspects.0.weight',
      'instrument.stages.1.aspects.0.indicators.0.weight',
    ]);
  });
  it('marks every weight of a list whose weights are all 0, and nothing else', () => {
    expect(zeroWeightFields(tree(0, [2, 3], [1, 0]))).toEqual([]);
    expect(zeroWeightFields(tree(5, [0, 0], [0, 0]))).toEqual([
      'instrument.stages.0.aspects.0.weight',
      'instrument.stages.0.aspects.1.weight',
      'instrument.stages.0.aspects.0.indicators.0.weight',
      'instrument.stages.0.aspects.0.indicators.1.weight',
      'instrument.stages.0.aspects.1.indicators.0.weight',
      'instrument.stages.0.aspects.1.indicators.1.weight',
    ]);
    expect(zeroWeightFields({ stages: [{ weight: 0, aspects: [{ weight: 1, indicators: [{ weight: 1 }] }] }] })).toEqual(['instrument.stages.0.weight']);
  });
  it('names a refused path of the instrument check as the page does', () => {
    expect(scoringField('instrument.stages[0].aspects[1].indicators[2].weight')).toBe('instrument.stages.0.aspects.1.indicators.2.weight');
    expect(scoringField('instrument.stages[0].aspects')).toBe('instrument.stages.0.aspects.0.weight');
    expect(scoringField('instrument.stages')).toBe('instrument.stages.0.weight');
    expect(scoringField('tieBreak[3]')).toBe('tieBreak.3');
    expect(scoringField('minScore')).toBe('minScore');
  });
});
