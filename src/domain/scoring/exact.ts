/**
 * Exact arithmetic for scores: every number of a package is read as the
 * decimal it is written as (1.005 is 201/200, not the nearest binary float),
 * and every sum, product and quotient is an exact fraction of big integers.
 * Only the published numbers are rounded, once, half away from zero. So
 * nothing depends on the order of operations or on binary floating point,
 * and anyone recomputing with exact decimals or fractions gets the same digits.
 */
import Decimal from 'decimal.js';

/** A fraction n/d in lowest terms with d > 0. */
export type Exact = { readonly n: bigint; readonly d: bigint };

const gcd = (a: bigint, b: bigint): bigint => {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
};

const make = (n: bigint, d: bigint): Exact => {
  if (d === 0n) throw new RangeError('division by zero');
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const g = gcd(n, d);
  return g > 1n ? { n: n / g, d: d / g } : { n, d };
};

export const ZERO: Exact = { n: 0n, d: 1n };
export const HUNDRED: Exact = { n: 100n, d: 1n };

/** The decimal a JSON number was written as (its shortest round-trip form), exactly. */
export function exact(value: number): Exact {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  if (Number.isInteger(value) && Number.isSafeInteger(value)) return { n: BigInt(value), d: 1n };
  const [n, d] = new Decimal(value).toFraction();
  if (!n || !d) throw new RangeError(`cannot read ${value} as a fraction`);
  return make(BigInt(n.toFixed()), BigInt(d.toFixed()));
}

export const fromInt = (value: number | bigint): Exact => ({ n: BigInt(value), d: 1n });
export const add = (a: Exact, b: Exact): Exact => make(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Exact, b: Exact): Exact => make(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Exact, b: Exact): Exact => make(a.n * b.n, a.d * b.d);
export const div = (a: Exact, b: Exact): Exact => make(a.n * b.d, a.d * b.n);
export const cmp = (a: Exact, b: Exact): number => {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
};
export const isZero = (a: Exact): boolean => a.n === 0n;
export const clamp = (a: Exact, lo: Exact, hi: Exact): Exact => (cmp(a, lo) < 0 ? lo : cmp(a, hi) > 0 ? hi : a);
export const sum = (xs: readonly Exact[]): Exact => xs.reduce(add, ZERO);

/** `value` rounded half away from zero to `decimals` places, still exact. */
export function round(value: Exact, decimals: number): Exact {
  const scale = 10n ** BigInt(decimals);
  const negative = value.n < 0n;
  const m = (negative ? -value.n : value.n) * scale;
  let k = m / value.d;
  if (2n * (m % value.d) >= value.d) k += 1n;
  return make(negative ? -k : k, scale);
}

/** The shortest decimal text of a value that has a finite decimal expansion within `maxDecimals` places. */
export function toDecimalString(value: Exact, maxDecimals = 20): string {
  const r = round(value, maxDecimals);
  const negative = r.n < 0n;
  const scale = 10n ** BigInt(maxDecimals);
  const abs = (negative ? -r.n : r.n) * (scale / r.d);
  const whole = abs / scale;
  const frac = (abs % scale).toString().padStart(maxDecimals, '0').replace(/0+$/, '');
  const text = frac ? `${whole}.${frac}` : `${whole}`;
  return negative && abs !== 0n ? `-${text}` : text;
}

/** The published number: rounded half away from zero, then written as that decimal. */
export const publish = (value: Exact, decimals: number): number => Number(toDecimalString(round(value, decimals), decimals));

/** A binary float near the value, for quick analyses (sensitivity) only. */
export const toFloat = (value: Exact): number => Number(toDecimalString(value, 17));
