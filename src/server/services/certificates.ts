import { randomBytes } from 'node:crypto';
import { AppError } from '../../domain/errors.ts';
import { codeFromBytes, isWellFormed, normaliseCode } from '../../domain/publication/certificate-code.ts';
import { fullSubject } from '../../domain/publication/wording.ts';
import type { ScoringResult } from '../../domain/scoring/index.ts';
import type { Db } from '../../db/client.ts';
import { canonicalJson } from '../../db/canonical-json.ts';
import * as repo from '../../db/repositories/publication.ts';
import { findResult } from '../../db/repositories/pools.ts';
import type { CertificatePayload, CertificateVerification } from '../../shared/contracts/index.ts';
import { currentSigningKey, signText, verifyText } from './signing.ts';
import { printedCeremony, type PublicationContext } from './winner-facts.ts';
import { notifyAboutCandidate } from '../notifications/events.ts';
import { absoluteLink } from '../notifications/notify.ts';

/** What a certificate certifies, without its code and time of issue (to tell whether it changed). */
const substance = (p: CertificatePayload): string => canonicalJson({ ...p, code: '', issuedAt: '' });

async function unusedCode(tx: Db): Promise<string> {
  for (;;) {
    const code = codeFromBytes(randomBytes(11));
    if (!(await repo.findCertificateByCode(tx, code))) return code;
  }
}

/**
 * Issues the certificates of a result's winners, signed with the server's
 * key. A winner keeps its certificate when nothing it certifies changed; a
 * certificate whose facts changed (another signatory, a moved ceremony) is
 * replaced by a new one with a new code. Returns the codes by candidate.
 */
export async function issueCertificates(tx: Db, p: PublicationContext, row: repo.ResultRow): Promise<Map<string, string>> {
  const result = row.result as ScoringResult;
  const existing = new Map((await repo.currentCertificates(tx, [row.id])).map((c) => [c.candidateId, c]));
  const codes = new Map<string, string>();
  const key = await currentSigningKey(tx);
  for (const r of result.results.filter((x) => x.award !== null)) {
    const candidate = p.candidates.get(r.candidate)!;
    const payload: CertificatePayload = {
      format: 'paritrana.certificate/v1',
      code: '',
      edition: { id: p.pool.edition.id, label: p.pool.edition.label },
      level: p.level,
      area: p.area,
      category: { code: p.pool.category.code, name: p.pool.category.nameId },
      candidate: { id: r.candidate, name: candidate.name, displayName: fullSubject(candidate) },
      rank: r.rank,
      award: r.award!,
      score: r.score,
      result: { id: row.id, version: row.version, packageSha256: row.packageSha256 },
      ceremony: printedCeremony(p.ceremony),
      signatories: p.signatories.map((s) => ({ name: s.name, title: s.title })),
      issuedAt: '',
    };
    const prior = existing.get(candidate.id);
    if (prior && substance(prior.payload as CertificatePayload) === substance(payload)) {
      codes.set(r.candidate, prior.code);
      continue;
    }
    if (prior) await repo.markCertificateReplaced(tx, prior.id);
    const code = await unusedCode(tx);
    const signed = { ...payload, code, issuedAt: new Date().toISOString() };
    await repo.insertCertificate(tx, {
      code,
      editionId: p.pool.edition.id,
      poolId: p.pool.pool.id,
      resultId: row.id,
      candidateId: candidate.id,
      payload: signed,
      signature: signText(key.key, canonicalJson(signed)),
      keyId: key.id,
    });
    await notifyAboutCandidate(tx, candidate, 'certificate.issued', ['candidate', 'provincial_admins'], { code, check: absoluteLink(`/verifikasi/${code}`) }, { link: `/verifikasi/${code}` });
    codes.set(r.candidate, code);
  }
  return codes;
}

const notGenuine = (code: string, reason: 'malformed' | 'unknown' | 'bad-signature'): CertificateVerification => ({
  code,
  status: 'not-genuine',
  reason,
  certificate: null,
  signature: null,
  poolId: null,
});

/**
 * Whether a code belongs to a certificate we issued and what it certifies.
 * A code that cannot be read or whose check character is wrong (an altered
 * or mistyped code), an unknown code, and a record whose signature does not
 * match are all "not genuine". A genuine certificate is valid while its
 * result is the published one; otherwise it says why it no longer is.
 */
export async function verifyCertificate(db: Db, input: string): Promise<CertificateVerification> {
  const code = normaliseCode(input);
  if (!code || !isWellFormed(code)) return notGenuine(input.trim().slice(0, 40), 'malformed');
  const row = await repo.findCertificateByCode(db, code);
  if (!row) return notGenuine(code, 'unknown');
  const payload = row.payload as CertificatePayload;
  // A certificate speaks for its own edition and result only, and an imported key only for its edition.
  const consistent = payload.code === code && payload.edition?.id === row.editionId && payload.result?.id === row.resultId;
  if (!consistent || !(await verifyText(db, row.keyId, canonicalJson(payload), row.signature, row.editionId))) return notGenuine(code, 'bad-signature');
  const result = await findResult(db, row.resultId);
  const status: CertificateVerification['status'] = row.replacedAt
    ? 'replaced'
    : result?.status !== 'final'
      ? 'superseded'
      : result.publishedAt === null
        ? 'withdrawn'
        : 'valid';
  return {
    code,
    status,
    reason: null,
    certificate: payload,
    signature: { algorithm: 'ed25519', keyId: row.keyId, value: row.signature },
    poolId: status === 'valid' ? row.poolId : null,
  };
}

/** A valid certificate's payload, for its PDF; anything else is refused with the reason. */
export async function validCertificate(db: Db, input: string): Promise<CertificatePayload> {
  const verification = await verifyCertificate(db, input);
  if (verification.status === 'not-genuine') throw new AppError('NOT_FOUND', 'No certificate has this code');
  if (verification.status !== 'valid') throw new AppError('CONFLICT', `This certificate is no longer valid (${verification.status})`);
  return verification.certificate!;
}
