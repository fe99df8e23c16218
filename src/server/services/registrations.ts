import { createHash, randomBytes } from 'node:crypto';
import { AppError, notFound } from '../../domain/errors.ts';
import { checkImportRows, type RowProblem } from '../../domain/candidates/import-rows.ts';
import { identityKey, unitOfCategory } from '../../domain/candidates/rules.ts';
import { deadlinePassed } from '../../domain/candidates/self-assessment.ts';
import type { Db } from '../../db/client.ts';
import * as repo from '../../db/repositories/candidates.ts';
import { findCategory, findEdition, listCategories, listEditions } from '../../db/repositories/editions.ts';
import { queueMessage } from '../../db/repositories/messages.ts';
import { appendAudit } from '../../db/repositories/audit.ts';
import type { CandidateDetail, RegistrationDecision, RegistrationInput, RegistrationReceipt } from '../../shared/contracts/index.ts';
import { auditActor } from '../policies/actor.ts';
import { authorizeCandidate } from '../policies/candidates.ts';
import { importContext, openEdition, presentCandidate } from './candidates.ts';
import type { ServiceContext } from './context.ts';
import { queueInvitation } from './invitations.ts';
import { deadlineOf } from './self-assessment.ts';

/** Editions a regional government or a company may register for: those open, before the registration deadline. */
export async function registrationEditions(db: Db) {
  const out = [];
  for (const edition of (await listEditions(db)).filter((e) => e.status === 'open')) {
    if (deadlinePassed({ deadline: await deadlineOf(db, edition.id), now: new Date() })) continue;
    // Villages are nominated by their province (the form asks for no village code); a provincial government competes above the province.
    const categories = (await listCategories(db, edition.id)).filter((c) => c.levels.includes('provinsi') && c.family !== 'khusus' && unitOfCategory(c) !== 'desa');
    out.push({ id: edition.id, label: edition.label, categories: categories.map(({ id, code, family, nameId, nameEn }) => ({ id, code, family, nameId, nameEn })) });
  }
  return out;
}

/** The form's fields for the template's columns, so each problem names what the applicant typed. */
const fieldOf: Record<RowProblem['column'], string> = {
  kategori: 'categoryId',
  kode_wilayah: 'regencyCode',
  npp: 'npp',
  nama: 'name',
  kelas_usaha: 'sizeClass',
  sektor: 'sector',
  alamat: 'address',
  nama_kontak: 'contact.name',
  jabatan_kontak: 'contact.position',
  telepon_kontak: 'contact.phone',
  email_kontak: 'contact.email',
  baris: 'candidate',
};

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** How self-registrations are limited and confirmed (from the configuration). */
export type RegistrationSettings = { baseUrl: string; pendingPerProvince: number; confirmHours: number };

/** The application's row as the import checks it, against the keys already held by candidates. */
async function checkApplication(tx: Db, editionId: string, categoryCode: string, input: RegistrationInput) {
  const { candidates, problems } = checkImportRows(
    [
      {
        kategori: categoryCode,
        kode_wilayah: input.regencyCode ?? '',
        npp: input.npp ?? '',
        nama: input.name ?? '',
        kelas_usaha: input.sizeClass ?? '',
        sektor: input.sector ?? '',
        alamat: input.address ?? '',
      },
    ],
    await importContext(tx, editionId, input.provinceCode),
  );
  if (problems.length > 0) {
    throw new AppError('VALIDATION_FAILED', 'The registration is not valid', problems.map((p) => ({ path: fieldOf[p.column], message: p.message })));
  }
  return candidates[0]!;
}

/**
 * A regional government or a company applies by itself (no account yet). The
 * application reserves nothing and the committee does not see it until the
 * contact opens the single-use link e-mailed to them (see
 * `confirmRegistration`); unconfirmed ones expire. A province has at most
 * `pendingPerProvince` applications waiting.
 */
export async function registerCandidate(db: Db, input: RegistrationInput, settings: RegistrationSettings): Promise<RegistrationReceipt> {
  const edition = await findEdition(db, input.editionId);
  if (!edition) throw notFound('edition');
  if (edition.status !== 'open') throw new AppError('EDITION_LOCKED', 'Registration for this edition is not open', [{ path: 'editionId', message: 'registration is not open' }]);
  if (deadlinePassed({ deadline: await deadlineOf(db, edition.id), now: new Date() })) {
    throw new AppError('DEADLINE_PASSED', 'The registration deadline has passed', [{ path: 'editionId', message: 'the registration deadline has passed' }]);
  }
  const category = await findCategory(db, edition.id, input.categoryId);
  if (!category) throw new AppError('VALIDATION_FAILED', 'The category is not in this edition', [{ path: 'categoryId', message: 'not in this edition' }]);
  return db.transaction(async (tx) => {
    const candidate = await checkApplication(tx, edition.id, category.code, input);
    await repo.deleteExpiredRegistrationRequests(tx);
    if ((await repo.countPendingRegistrations(tx, edition.id, input.provinceCode)) >= settings.pendingPerProvince) {
      // 409 with the whole reason (the page shows it as it is): not a per-address rate limit, the province's queue is full.
      throw new AppError('CONFLICT', `Province ${input.provinceCode} already has ${settings.pendingPerProvince} registrations waiting; try again once the committee has dealt with them`);
    }
    const token = randomBytes(24).toString('base64url');
    const expiresAt = new Date(Date.now() + settings.confirmHours * 3_600_000);
    const request = await repo.insertRegistrationRequest(tx, {
      editionId: edition.id,
      provinceCode: input.provinceCode,
      email: input.contact.email,
      details: input,
      tokenHash: tokenHash(token),
      expiresAt,
    });
    const link = `${settings.baseUrl}/daftar/konfirmasi/${token}`;
    await queueMessage(tx, {
      to: input.contact.email,
      provinceCode: input.provinceCode,
      subject: `Konfirmasi pendaftaran Paritrana Award: ${candidate.name}`,
      body: [
        'Yth. Bapak/Ibu,',
        '',
        `Alamat e-mail ini dipakai untuk mendaftarkan ${candidate.name} sebagai kandidat Paritrana Award. Buka tautan berikut untuk mengonfirmasi pendaftaran; baru setelah itu panitia provinsi memeriksanya:`,
        link,
        '',
        `Tautan berlaku ${settings.confirmHours} jam dan hanya dapat dipakai sekali. Abaikan e-mail ini bila Anda tidak mendaftar.`,
        '',
        `(English) This address was used to register ${candidate.name} for the Paritrana Award. Open the link above to confirm the registration; only then does the provincial committee see it. The link works once, for ${settings.confirmHours} hours. Ignore this e-mail if you did not register.`,
      ].join('\n'),
    });
    await appendAudit(tx, { id: null, label: `pendaftar ${input.contact.email}` }, {
      action: 'registration.request',
      entityType: 'registration',
      entityId: request.id,
      after: { editionId: edition.id, categoryId: category.id, provinceCode: input.provinceCode, key: candidate.regencyCode ?? candidate.npp, email: input.contact.email, expiresAt },
    });
    return { id: request.id, name: candidate.name, status: 'unconfirmed' as const };
  });
}

/**
 * The applicant opened the link: the application becomes a candidate in
 * status `registered`, shown to the provincial committee. The link works
 * once and only before it expires; the regency or NPP must still be free.
 */
export async function confirmRegistration(db: Db, token: string): Promise<RegistrationReceipt> {
  return db.transaction(async (tx) => {
    const request = await repo.findRegistrationRequestByToken(tx, tokenHash(token));
    if (!request || request.confirmedAt || request.expiresAt.getTime() < Date.now()) {
      throw new AppError('NOT_FOUND', 'The confirmation link does not work: already used or expired; register again if needed');
    }
    const input = request.details as RegistrationInput;
    const edition = await findEdition(tx, request.editionId);
    if (!edition || edition.status !== 'open') throw new AppError('EDITION_LOCKED', 'Registration for this edition is no longer open');
    const category = await findCategory(tx, edition.id, input.categoryId);
    if (!category) throw new AppError('CONFLICT', 'The category of this registration is no longer in the edition');
    const candidate = await checkApplication(tx, edition.id, category.code, input);
    const row = await repo.insertCandidate(tx, { ...candidate, contacts: [input.contact], editionId: edition.id, status: 'registered' });
    await repo.markRegistrationConfirmed(tx, request.id, row.id);
    await appendAudit(tx, { id: null, label: `pendaftar ${input.contact.email}` }, { action: 'candidate.register', entityType: 'candidate', entityId: row.id, after: row });
    return { id: row.id, name: row.name, status: 'registered' as const };
  });
}

/**
 * The provincial admin approves a self-registration (→ nominated, its contact
 * invited by e-mail) or rejects it with a reason (told to the contact).
 */
export async function decideRegistration(ctx: ServiceContext, candidateId: string, decision: RegistrationDecision, baseUrl: string): Promise<CandidateDetail> {
  const { db, actor } = ctx;
  return db.transaction(async (tx) => {
    const before = await repo.findCandidate(tx, candidateId, true);
    if (!before) throw notFound('candidate');
    authorizeCandidate(actor, 'decideRegistration', before);
    if (before.status !== 'registered') throw new AppError('CONFLICT', `The registration was already decided (${before.status})`);
    await openEdition(tx, before.editionId);
    // A registration reserves nothing while it waits: the province may have nominated the same regency or NPP meanwhile.
    const key = identityKey(before);
    if (decision.approve && (await repo.candidateKeys(tx, before.editionId, () => before.level)).has(`${before.categoryId}|${key}`)) {
      throw new AppError('CONFLICT', `${key} is already a candidate of this category; reject this registration`, [{ path: 'approve', message: `${key} is already a candidate` }]);
    }
    const email = before.contacts.find((c) => c.email)?.email ?? null;
    const after = await repo.updateCandidate(tx, candidateId, decision.approve ? { status: 'nominated' } : { status: 'rejected', responseNote: decision.reason });
    await appendAudit(tx, auditActor(actor), {
      action: decision.approve ? 'candidate.registration.approve' : 'candidate.registration.reject',
      entityType: 'candidate',
      entityId: candidateId,
      before: { status: before.status },
      after: { status: after.status, reason: decision.reason },
    });
    if (decision.approve && email) await queueInvitation(tx, actor, after, email, baseUrl);
    if (!decision.approve && email) {
      await queueMessage(tx, {
        to: email,
        provinceCode: before.provinceCode,
        subject: `Pendaftaran Paritrana Award: ${before.name}`,
        body: [
          'Yth. Bapak/Ibu,',
          '',
          `Pendaftaran ${before.name} sebagai kandidat Paritrana Award tidak disetujui oleh panitia provinsi, dengan alasan:`,
          decision.reason ?? '',
          '',
          `(English) The registration of ${before.name} for the Paritrana Award was not approved by the provincial committee. Reason: ${decision.reason ?? ''}`,
        ].join('\n'),
      });
    }
    return presentCandidate(tx, after, actor);
  });
}
