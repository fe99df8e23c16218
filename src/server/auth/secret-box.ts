import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Config } from '../config.ts';

const prefix = 'v1:';
const ivBytes = 12;
const tagBytes = 16;

/** A sealed value cannot be opened with this server's key (another key, or changed bytes). */
export class SecretKeyMismatch extends Error {
  constructor() {
    super('A two-factor secret cannot be opened with this server’s key: every server must have the same SECRETS_KEY (or secrets.key file)');
    this.name = 'SecretKeyMismatch';
  }
}

/**
 * Seals short secrets kept in the database (the two-factor secrets) with
 * AES-256-GCM under a key kept outside it, bound to the row they belong to
 * (the user's id as associated data), so a copy of the database alone, or a
 * backup, does not give them away. Sealed values read `v1:` and base64url of
 * IV, tag and ciphertext; a value without the prefix is one stored before
 * sealing and is read as it is (the server seals those when it starts).
 */
export class SecretBox {
  private key: Buffer | null;

  constructor(private readonly source: Config['secrets']) {
    this.key = source.key;
  }

  /** The key: `SECRETS_KEY`, else the key file, made (readable by its owner only) on first use. */
  private keyOf(): Buffer {
    if (this.key) return this.key;
    const path = this.source.keyFile;
    try {
      this.key = Buffer.from(readFileSync(path, 'utf8').trim(), 'hex');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      mkdirSync(dirname(path), { recursive: true });
      try {
        writeFileSync(path, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
      } catch (exists) {
        // Another process made it first: use that one.
        if ((exists as NodeJS.ErrnoException).code !== 'EEXIST') throw exists;
      }
      this.key = Buffer.from(readFileSync(path, 'utf8').trim(), 'hex');
    }
    if (this.key.length !== 32) throw new Error(`${path} must hold 64 hexadecimal characters (a 32-byte key)`);
    return this.key;
  }

  /** Whether a key is there to open with: `SECRETS_KEY`, or a key file made before. */
  hasKey(): boolean {
    return this.key !== null || existsSync(this.source.keyFile);
  }

  static isSealed(value: string): boolean {
    return value.startsWith(prefix);
  }

  seal(plain: string, owner: string): string {
    const iv = randomBytes(ivBytes);
    const cipher = createCipheriv('aes-256-gcm', this.keyOf(), iv);
    cipher.setAAD(Buffer.from(owner, 'utf8'));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return prefix + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
  }

  /** The plain value; throws SecretKeyMismatch when this key did not seal it for this owner. */
  open(stored: string, owner: string): string {
    if (!SecretBox.isSealed(stored)) return stored;
    const raw = Buffer.from(stored.slice(prefix.length), 'base64url');
    if (raw.length < ivBytes + tagBytes) throw new SecretKeyMismatch();
    const decipher = createDecipheriv('aes-256-gcm', this.keyOf(), raw.subarray(0, ivBytes));
    decipher.setAAD(Buffer.from(owner, 'utf8'));
    decipher.setAuthTag(raw.subarray(ivBytes, ivBytes + tagBytes));
    try {
      return Buffer.concat([decipher.update(raw.subarray(ivBytes + tagBytes)), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretKeyMismatch();
    }
  }
}

const boxes = new WeakMap<Config['secrets'], SecretBox>();
/** The one box of a server's configuration. */
export function secretBoxOf(config: Pick<Config, 'secrets'>): SecretBox {
  let box = boxes.get(config.secrets);
  if (!box) {
    box = new SecretBox(config.secrets);
    boxes.set(config.secrets, box);
  }
  return box;
}
