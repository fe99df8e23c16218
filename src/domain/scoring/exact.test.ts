import { describe, expect, it } from 'vitest';
import { add, div, exact, fromInt, mul, publish, round, toDecimalString } from './exact.ts';

describe('exact arithmetic', () => {
  it('reads a number as the decimal it is written as', () => {
    expect(exact(1.005)).toEqual({ n: 201n, d: 200n });
    expect(exact(0.1)).toEqual({ n: 1n, d: 10n });
    expect(exact(-2.5)).toEqual({ n: -5n, d: 2n });
    expect(exact(1e-7)).toEqual({ n: 1n, d: 10_000_000n });
  });

  it('adds without binary artefacts: 0.1 + 0.2 = 0.3', () => {
    expect(add(exact(0.1), exact(0.2))).toEqual(exact(0.3));
  });

  it('keeps thirds exact: 3 × (100 / 3) = 100', () => {
    expect(mul(fromInt(3), div(fromInt(100), fromInt(3)))).toEqual(fromInt(100));
  });
});

describe('rounding half away from zero', () => {
  it.each([
    [72.345, 2, 72.35],
    [1.005, 2, 1.01],
    [2.675, 2, 2.68],
    [0.125, 2, 0.13],
    [1.004999, 2, 1],
    [-1.005, 2, -1.01],
    [2.5, 0, 3],
    [-2.5, 0, -3],
    [79.43, 2, 79.43],
    [0.0005, 3, 0.001],
  ])('%d to %d places → %d', (value, decimals, expected) => {
    expect(publish(exact(value), decimals)).toBe(expected);
  });

  it('rounds fractions that have no finite decimal', () => {
    expect(publish(div(fromInt(100), fromInt(3)), 2)).toBe(33.33); // 33.333…
    expect(publish(div(fromInt(200), fromInt(3)), 2)).toBe(66.67); // 66.666…
    expect(toDecimalString(round(div(fromInt(1), fromInt(8)), 2))).toBe('0.13'); // 0.125
  });
});
