import { describe, expect, it } from 'vitest';
import { checkCharacter, codeAlphabet, codeFromBytes, formatCode, isWellFormed, normaliseCode } from './certificate-code.ts';

describe('certificate codes', () => {
  it('computes the Luhn mod 32 check character (worked by hand)', () => {
    // "A" is 10; doubled it is 20, below 32: sum 20, check (32 − 20) mod 32 = 12 → "C".
    expect(checkCharacter('0000000000A')).toBe('C');
    // "Z" is 31; doubled 62 = 1·32 + 30 → 1 + 30 = 31, check 1 → "1".
    expect(checkCharacter('0000000000Z')).toBe('1');
    // "Z" then "1" from the right: 2·1 = 2, then 1·31 = 31 → 33 mod 32 = 1, check 31 → "Z".
    expect(checkCharacter('000000000Z1')).toBe('Z');
    expect(isWellFormed('0000000000AC')).toBe(true);
    expect(isWellFormed('0000000000Z1')).toBe(true);
  });

  it('makes 12-character codes from random bytes, using only the low five bits', () => {
    const code = codeFromBytes(new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 + 32]));
    // From the right, doubling every other one: 20 + 9 + 16 + 7 + 12 + 5 + 8 + 3 + 4 + 1 + 0 = 85;
    // 85 mod 32 = 21, check 32 − 21 = 11 → "B".
    expect(code).toBe('0123456789AB');
    expect(isWellFormed(code)).toBe(true);
    expect(formatCode(code)).toBe('0123-4567-89AB');
  });

  it('catches every single altered character of a code', () => {
    const code = codeFromBytes(new Uint8Array([31, 7, 19, 2, 28, 11, 5, 30, 16, 9, 23]));
    for (let i = 0; i < code.length; i += 1) {
      for (const c of codeAlphabet) {
        if (c === code[i]) continue;
        expect(isWellFormed(code.slice(0, i) + c + code.slice(i + 1)), `${i}:${c}`).toBe(false);
      }
    }
  });

  it('reads a code as people type it, and refuses what cannot be one', () => {
    expect(normaliseCode(' 0123-4567-89ab ')).toBe('0123456789AB');
    expect(normaliseCode('O123-4567-89AB')).toBe('0123456789AB');
    expect(normaliseCode('0l23-4567-89AB')).toBe('0123456789AB');
    expect(normaliseCode('0123-4567-89A')).toBeNull();
    expect(normaliseCode('0123-4567-89AU')).toBeNull();
    expect(normaliseCode('0123-4567-89A!')).toBeNull();
  });
});
