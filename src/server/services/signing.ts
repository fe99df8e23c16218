import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import * as repo from '../../db/repositories/publication.ts';

/**
 * Certificates are signed with the server's Ed25519 key (node:crypto). The key
 * pair is made the first time a certificate is issued and kept in the
 * database (`signing_keys`), so every app server signs with the same key;
 * the public half is published at /api/public/signing-keys so that anyone
 * can check a certificate's signature without asking us.
 */

/** The id of a public key: the first 16 bytes of the SHA-256 of its DER form, in hex. */
export function keyIdOf(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex').slice(0, 32);
}

const privateKeys = new Map<string, KeyObject>();
const publicKeys = new Map<string, KeyObject>();

/** The key that signs new certificates, made (once, under a lock) when there is none. */
export async function currentSigningKey(tx: Db): Promise<{ id: string; key: KeyObject }> {
  let row = await repo.signingKey(tx);
  if (!row) {
    await repo.lockSigningKeys(tx);
    row = await repo.signingKey(tx);
    if (!row) {
      const pair = generateKeyPairSync('ed25519');
      const publicKey = pair.publicKey.export({ type: 'spki', format: 'pem' }) as string;
      const privateKey = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
      await repo.insertSigningKey(tx, { id: keyIdOf(publicKey), publicKey, privateKey });
      row = (await repo.signingKey(tx))!;
    }
  }
  let key = privateKeys.get(row.id);
  if (!key) {
    key = createPrivateKey(row.privateKey!);
    privateKeys.set(row.id, key);
  }
  return { id: row.id, key };
}

/** The Ed25519 signature of a text (its UTF-8 bytes), base64url. */
export function signText(key: KeyObject, text: string): string {
  return sign(null, Buffer.from(text, 'utf8'), key).toString('base64url');
}

/**
 * Whether the signature over a certificate of the edition is the key's;
 * false for an unknown key, a malformed signature, or a key that came with
 * an imported edition and is asked about another edition.
 */
export async function verifyText(db: Db, keyId: string, text: string, signature: string, editionId: string): Promise<boolean> {
  const row = await repo.findSigningKey(db, keyId);
  if (!row) return false;
  if (row.privateKey === null && !(await repo.keyCoversEdition(db, keyId, editionId))) return false;
  let key = publicKeys.get(keyId);
  if (!key) {
    key = createPublicKey(row.publicKey);
    publicKeys.set(keyId, key);
  }
  return verifySignature(key, text, signature);
}

/** Whether the signature (base64url) over the text's UTF-8 bytes is the key's. */
export function verifySignature(key: KeyObject, text: string | Buffer, signature: string): boolean {
  try {
    return verify(null, typeof text === 'string' ? Buffer.from(text, 'utf8') : text, key, Buffer.from(signature, 'base64url'));
  } catch {
    return false;
  }
}
