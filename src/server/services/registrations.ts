import { AppError, notFound } from '../../domain/errors.ts';
import { checkImportRows, type RowProblem } from '../../domain/candidates/import-rows.ts';
import { deadlinePassed } from '../../domain/candidates/self-assessment.ts';
import type { Db } from '../../db/client.ts';
import * as repo from '../../db/repositories/candidates.ts';
import { findCategory, findEdition, listCategories, listEditions } from '../../db/repositories/editions.ts';
import { queueMessage } from '../../db/repositories/messages.ts';
import { appendAudit } from '../../db/repositories/audit.ts';
import type { CandidateDetail, RegistrationDecision, RegistrationInput } from '../../shared/contracts/index.ts';
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
    const categories = (await listCategories(db, edition.id)).filter((c) => c.levels.includes('provinsi'));
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

/**
 * A regional government or a company applies by itself (no account yet): it
 * lands in status `registered` until the provincial admin decides.
 */
export async function registerCandidate(db: Db, input: RegistrationInput): Promise<{ id: string; name: string; status: 'registered' }> {
  const edition = await findEdition(db, input.editionId);
  if (!edition) throw notFound('edition');
  if (edition.status !== 'open') throw new AppError('EDITION_LOCKED', 'Pendaftaran edisi ini tidak dibuka', [{ path: 'editionId', message: 'pendaftaran tidak dibuka' }]);
  if (deadlinePassed({ deadline: await deadlineOf(db, edition.id), now: new Date() })) {
    throw new AppError('DEADLINE_PASSED', 'Batas pendaftaran sudah lewat', [{ path: 'editionId', message: 'batas pendaftaran sudah lewat' }]);
  }
  const category = await findCategory(db, edition.id, input.categoryId);
  if (!category) throw new AppError('VALIDATION_FAILED', 'Kategori tidak ada dalam edisi ini', [{ path: 'categoryId', message: 'tidak ada dalam edisi ini' }]);
  return db.transaction(async (tx) => {
    const { candidates, problems } = checkImportRows(
      [
        {
          kategori: category.code,
          kode_wilayah: input.regencyCode ?? '',
          npp: input.npp ?? '',
          nama: input.name ?? '',
          kelas_usaha: input.sizeClass ?? '',
          sektor: input.sector ?? '',
          alamat: input.address ?? '',
        },
      ],
      await importContext(tx, edition.id, input.provinceCode),
    );
    if (problems.length > 0) {
      throw new AppError('VALIDATION_FAILED', 'Data pendaftaran belum benar', problems.map((p) => ({ path: fieldOf[p.column], message: p.message })));
    }
    const row = await repo.insertCandidate(tx, { ...candidates[0]!, contacts: [input.contact], editionId: edition.id, status: 'registered' });
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
