import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../db/client.ts';
import { canonicalJson } from '../../db/canonical-json.ts';
import { auditHead, verifyAuditChain, type ChainVerification } from '../../db/repositories/audit.ts';

/**
 * Anchors of the audit chain, kept outside the database.
 *
 * The chain in `audit_log` shows any change to a past entry, but whoever can
 * run SQL as the table's owner could rewrite the whole chain consistently, or
 * cut its newest entries, and the chain alone would still look intact. So
 * the app server signs the chain's head (sequence number and hash) with an
 * Ed25519 key that lives in a directory of the app server, never in the
 * database, and appends the signed head to `anchors.jsonl` in that
 * directory, which the operator keeps (and may copy elsewhere). `audit
 * verify` then checks the chain against every anchor: each anchored entry
 * must still be there with the anchored hash.
 */

export const anchorFormat = 'paritrana.audit-anchor/v1';
const keyFile = 'anchor-key.pem';
const publicKeyFile = 'anchor-key.pub.pem';
const anchorsFile = 'anchors.jsonl';

export type Anchor = { format: typeof anchorFormat; seq: number; hash: string; at: string; key: string };
export type SignedAnchor = Anchor & { signature: string };

export class AnchorError extends Error {}

/** The key's id: the SHA-256 of its public half (DER), in hex, first 32 characters. */
function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 32);
}

const anchorText = (anchor: Anchor): string => canonicalJson(anchor);

/** The anchor directory: its key pair (made on first use, the private half readable by its owner only) and its anchors. */
export class AnchorStore {
  private privateKey: KeyObject | null = null;

  constructor(readonly dir: string) {}

  /** The public key, or null when the directory has none yet. */
  publicKey(): KeyObject | null {
    const path = join(this.dir, publicKeyFile);
    return existsSync(path) ? createPublicKey(readFileSync(path, 'utf8')) : null;
  }

  keyId(): string | null {
    const key = this.publicKey();
    return key ? keyIdOf(key) : null;
  }

  private signingKey(): KeyObject {
    if (this.privateKey) return this.privateKey;
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const path = join(this.dir, keyFile);
    if (!existsSync(path)) {
      const pair = generateKeyPairSync('ed25519');
      try {
        writeFileSync(path, pair.privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
      } catch (error) {
        // Another server sharing the directory made the key first: use that one.
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
    this.privateKey = createPrivateKey(readFileSync(path, 'utf8'));
    const publicPath = join(this.dir, publicKeyFile);
    if (!existsSync(publicPath)) writeFileSync(publicPath, createPublicKey(this.privateKey).export({ type: 'spki', format: 'pem' }), { mode: 0o644 });
    return this.privateKey;
  }

  /** Every anchor in the file, oldest first, each with its signature checked; throws AnchorError on a bad line. */
  read(): SignedAnchor[] {
    const path = join(this.dir, anchorsFile);
    if (!existsSync(path)) return [];
    const key = this.publicKey();
    if (!key) throw new AnchorError(`${path} has anchors but ${join(this.dir, publicKeyFile)} is missing`);
    const keyId = keyIdOf(key);
    const lines = readFileSync(path, 'utf8').split('\n');
    const anchors: SignedAnchor[] = [];
    lines.forEach((line, i) => {
      if (line.trim() === '') return;
      let parsed: SignedAnchor;
      try {
        parsed = JSON.parse(line) as SignedAnchor;
      } catch {
        throw new AnchorError(`${anchorsFile} line ${i + 1}: not JSON`);
      }
      const { signature, ...anchor } = parsed;
      const valid =
        anchor.format === anchorFormat &&
        Number.isSafeInteger(anchor.seq) &&
        typeof anchor.hash === 'string' &&
        typeof signature === 'string' &&
        anchor.key === keyId &&
        verify(null, Buffer.from(anchorText(anchor), 'utf8'), key, Buffer.from(signature, 'base64url'));
      if (!valid) throw new AnchorError(`${anchorsFile} line ${i + 1}: the signature does not match the anchor key ${keyId}`);
      anchors.push(parsed);
    });
    return anchors;
  }

  latest(): SignedAnchor | null {
    return this.read().at(-1) ?? null;
  }

  /**
   * Signs the chain's current head and appends it (written through to the
   * disk), unless it is the head already anchored last. Returns the newest anchor.
   */
  async anchor(db: Db, now = new Date()): Promise<SignedAnchor | null> {
    const head = await auditHead(db);
    const last = this.latest();
    if (!head || (last && last.seq === head.seq && last.hash === head.hash)) return last;
    const key = this.signingKey();
    const anchor: Anchor = { format: anchorFormat, seq: head.seq, hash: head.hash, at: now.toISOString(), key: keyIdOf(createPublicKey(key)) };
    const signed: SignedAnchor = { ...anchor, signature: sign(null, Buffer.from(anchorText(anchor), 'utf8'), key).toString('base64url') };
    const fd = openSync(join(this.dir, anchorsFile), 'a', 0o644);
    try {
      writeSync(fd, `${JSON.stringify(signed)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    return signed;
  }
}

export type AnchoredVerification = ChainVerification & { anchors: number; latestAnchor: SignedAnchor | null; anchorKey: string | null };

/** The chain recomputed and checked against every anchor of the store. */
export async function verifyWithAnchors(db: Db, store: AnchorStore): Promise<AnchoredVerification> {
  let anchors: SignedAnchor[];
  try {
    anchors = store.read();
  } catch (error) {
    if (!(error instanceof AnchorError)) throw error;
    // Anchors that cannot be trusted vouch for nothing: the check fails.
    return { ok: false, entries: 0, firstBadSeq: null, reason: `anchors: ${error.message}`, anchors: 0, latestAnchor: null, anchorKey: store.keyId() };
  }
  const result = await verifyAuditChain(db, { anchors });
  return { ...result, anchors: anchors.length, latestAnchor: anchors.at(-1) ?? null, anchorKey: store.keyId() };
}

/** Anchors the head now and then, and once more on stop; a failure is logged and tried again next time. */
export class Anchorer {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly store: AnchorStore,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Anchors the head once (resolved when written, so nothing the server does after its start races it), then every `seconds`. */
  start(seconds: number): Promise<unknown> {
    this.timer = setInterval(() => void this.tick(), seconds * 1000);
    this.timer.unref();
    return this.tick();
  }

  tick(): Promise<unknown> {
    this.running = this.running.then(() => this.store.anchor(this.db)).catch(this.onError);
    return this.running;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.tick();
  }
}
