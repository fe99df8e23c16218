/**
 * The short code of a certificate (*piagam*): 12 characters of Crockford's
 * base32 (no I, L, O, U), printed as `XXXX-XXXX-XXXX`. Eleven characters are
 * random (55 bits); the twelfth is a Luhn mod 32 check character, so a
 * mistyped or altered character is caught before the code is looked up.
 */
export const codeAlphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const codeLength = 12;
const base = codeAlphabet.length;

function luhnSum(symbols: string, startFactor: 1 | 2): number {
  let factor = startFactor;
  let sum = 0;
  for (let i = symbols.length - 1; i >= 0; i -= 1) {
    const addend = factor * codeAlphabet.indexOf(symbols[i]!);
    sum += Math.floor(addend / base) + (addend % base);
    factor = factor === 2 ? 1 : 2;
  }
  return sum;
}

/** The Luhn mod 32 check character of a body of code characters. */
export function checkCharacter(body: string): string {
  return codeAlphabet[(base - (luhnSum(body, 2) % base)) % base]!;
}

/** A new code from 11 random bytes (only their low 5 bits are used). */
export function codeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < codeLength - 1) throw new Error(`a code needs ${codeLength - 1} random bytes`);
  const body = Array.from(bytes.subarray(0, codeLength - 1), (b) => codeAlphabet[b & 31]).join('');
  return body + checkCharacter(body);
}

/**
 * The code as typed by a person, in its canonical form: upper case, without
 * spaces and dashes, with the letters Crockford reads as digits (O → 0,
 * I and L → 1). Null when it cannot be a code at all.
 */
export function normaliseCode(input: string): string | null {
  const code = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (code.length !== codeLength || [...code].some((c) => !codeAlphabet.includes(c))) return null;
  return code;
}

/** Whether a canonical code's check character matches its body. */
export function isWellFormed(code: string): boolean {
  return normaliseCode(code) === code && luhnSum(code, 1) % base === 0;
}

/** `XXXX-XXXX-XXXX`, as printed on the certificate. */
export function formatCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}
