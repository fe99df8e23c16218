/**
 * Candidates, many at once: each redeems its invitation (creating its
 * account), signs in, accepts the nomination, uploads small evidence files
 * and fills and submits its self-assessment: regulations, agreements and
 * programs for a regional government; workers, programs, supply chain and
 * CSR for a company.
 */
import { each, randomOf, Session } from './http.ts';
import type { Candidate, World } from './world.ts';
import { password } from './servers.ts';

type SelfAssessment = { version: number; status: string; answers: unknown };

/** A small PDF, different per candidate and file (evidence is stored by SHA-256). */
export function smallPdf(label: string): Uint8Array {
  return Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${label}\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
}

function answersOf(c: Candidate, evidence: string[], random: ReturnType<typeof randomOf>): unknown {
  const innovation = { narrative: `Inovasi perlindungan pekerja rentan oleh ${c.name}: iuran dibayar bersama mitra sehingga perlindungan berlanjut.`, evidenceIds: [] };
  if (c.categoryCode === 'pemkab-kota' || c.categoryCode === 'pemprov') {
    return {
      kind: 'pemda',
      regulations: [{ id: 'r1', type: random.pick(['perda', 'perkada', 'instruksi']), number: `${random.int(1, 99)} Tahun 2024`, title: 'Perlindungan Jaminan Sosial Ketenagakerjaan', date: '2024-02-12', evidenceIds: [evidence[0]] }],
      agreements: [{ id: 'a1', type: 'mou', parties: `${c.name} dan BPJS Ketenagakerjaan`, number: '', date: null, evidenceIds: [evidence[1]] }],
      programs: [
        { id: 'p1', segment: 'perangkat-desa', peopleProtected: random.int(100, 20000), budgetRupiah: random.int(1, 5000) * 1_000_000, fundingSource: 'apbd', periodStart: null, periodEnd: null, evidenceIds: [evidence[2]] },
        { id: 'p2', segment: random.pick(['nelayan', 'petani', 'non-asn', 'rt-rw']), peopleProtected: random.int(100, 20000), budgetRupiah: random.int(1, 5000) * 1_000_000, fundingSource: 'apbd', periodStart: null, periodEnd: null, evidenceIds: [evidence[2]] },
      ],
      coverage: { note: 'Capaian kepesertaan di atas target provinsi.', evidenceIds: [] },
      innovation,
    };
  }
  const vendorsTotal = random.int(10, 500);
  return {
    kind: 'badan-usaha',
    workers: random.int(100, 20000),
    programs: ['JKK', 'JKM', 'JHT', 'JP'],
    supplyChain: { vendorsTotal, vendorsProtected: random.int(0, vendorsTotal), evidenceIds: [evidence[1]] },
    csr: { vulnerableWorkersProtected: random.int(0, 5000), budgetRupiah: random.int(1, 900) * 1_000_000, evidenceIds: [evidence[2]] },
    innovation: { ...innovation, evidenceIds: [evidence[0]] },
  };
}

/** Saves the answers at the version the form was loaded with, then submits. */
export async function saveAndSubmit(session: Session, candidateId: string, answers: unknown): Promise<void> {
  const form = await session.get<SelfAssessment>(`/api/candidates/${candidateId}/self-assessment`);
  await session.send('PUT', `/api/candidates/${candidateId}/self-assessment`, { version: form.version, answers: answers ?? form.answers }, 200);
  await session.send('POST', `/api/candidates/${candidateId}/self-assessment/submit`, {}, 200);
}

async function fillIn(world: World, c: Candidate, seed: number): Promise<void> {
  const random = randomOf(seed);
  await world.api.call('POST', '/api/invitations/accept', { body: { json: { token: c.token, name: `Operator ${c.name}`, password } }, expect: 200 });
  const session = await Session.signIn(world.api, c.email, password);
  await session.send('POST', `/api/candidates/${c.id}/response`, { accept: true, note: null }, 200);
  const evidence: string[] = [];
  for (const name of ['peraturan.pdf', 'perjanjian.pdf', 'program.pdf']) {
    const file = await session.upload<{ id: string }>(`/api/candidates/${c.id}/evidence`, name, smallPdf(`${c.id} ${name}`), 201);
    evidence.push(file.id);
    world.sent.evidence += 1;
  }
  await saveAndSubmit(session, c.id, answersOf(c, evidence, random));
}

export async function fillSelfAssessments(world: World): Promise<void> {
  const all = [...world.provinces.flatMap((p) => p.candidates), ...world.governments].filter((c) => c.token);
  await each(world.stats, all, world.options.concurrency, (c, i) => fillIn(world, c, world.options.seed * 100_003 + i));
}
