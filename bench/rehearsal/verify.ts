/**
 * Verifiers, one per province and all provinces at once, go through their
 * queue: every item decided, a few sent back for revision (the candidate
 * corrects and submits again, the verifier accepts), then the verification
 * confirmed. The national admin verifies the national round the same way.
 */
import { each, randomOf, Session } from './http.ts';
import type { World } from './world.ts';
import { password } from './servers.ts';
import { saveAndSubmit } from './candidates.ts';

type Queue = { candidateId: string; submissionStatus: string; candidateStatus: string; provinceCode: string }[];
type View = { items: { key: string; status: string }[]; state: string; submissionStatus: string };

/** Decides every pending item valid (or one of them for revision), and confirms when nothing awaits. */
export async function verifyCandidate(world: World, verifier: Session, candidateId: string, revision: boolean, resubmit: () => Promise<void>): Promise<void> {
  let view = await verifier.get<View>(`/api/candidates/${candidateId}/verification`);
  // The verifier opens the evidence (uploaded through any of the servers).
  const files = await verifier.get<{ id: string; bytes: number }[]>(`/api/candidates/${candidateId}/evidence`);
  if (files.length === 0) world.stats.error(`candidate ${candidateId} has no evidence`);
  else {
    const file = await verifier.raw('GET', `/api/evidence/${files[0]!.id}`, undefined, 200);
    if (!file.body.startsWith('%PDF-')) world.stats.error(`evidence ${files[0]!.id} is not the file uploaded`);
  }
  if (revision) {
    const item = view.items[view.items.length - 1]!;
    await verifier.send('POST', `/api/candidates/${candidateId}/verification/items`, { key: item.key, status: 'revision', comment: 'Lampirkan bukti yang terbaca', deadline: '2099-06-30' }, 200);
    world.sent.revisions += 1;
    await resubmit();
    view = await verifier.get<View>(`/api/candidates/${candidateId}/verification`);
  }
  for (const item of view.items.filter((i) => i.status !== 'valid')) {
    await verifier.send('POST', `/api/candidates/${candidateId}/verification/items`, { key: item.key, status: 'valid', comment: null, deadline: null }, 200);
  }
  await verifier.send('POST', `/api/candidates/${candidateId}/verification/confirm`, {}, 200);
}

export async function verifyProvinces(world: World): Promise<void> {
  const random = randomOf(world.options.seed + 7);
  const plan = world.provinces.map((p) => ({ p, revisions: new Set(p.candidates.filter(() => random.next() < 0.1).map((c) => c.id)) }));
  await each(world.stats, plan, world.options.concurrency, async ({ p, revisions }) => {
    const verifier = await Session.signIn(world.api, p.verifier.email, password);
    const queue = await verifier.get<Queue>(`/api/editions/${world.editionId}/verification`);
    // The queue also lists the province's national-level candidacies (its government), which the national committee verifies.
    const mine = new Set(p.candidates.map((c) => c.id));
    const waiting = queue.filter((q) => mine.has(q.candidateId) && q.submissionStatus === 'submitted' && q.candidateStatus !== 'verified');
    if (waiting.length !== p.candidates.length) world.stats.error(`province ${p.code}: ${waiting.length} submitted self-assessments in the queue, ${p.candidates.length} sent`);
    for (const entry of waiting) {
      const candidate = p.candidates.find((c) => c.id === entry.candidateId)!;
      await verifyCandidate(world, verifier, entry.candidateId, revisions.has(entry.candidateId), async () => {
        const operator = await Session.signIn(world.api, candidate.email, password);
        await saveAndSubmit(operator, candidate.id, undefined);
      });
    }
  });
}
