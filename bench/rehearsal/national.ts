/**
 * The national round: the winners that advanced from every province and
 * the provincial governments are verified by the national committee, judged by the national panel the same
 * way as in the provinces, and finalised.
 */
import { each } from './http.ts';
import { nationalCategories, type World } from './world.ts';
import { judgePanel } from './marking.ts';
import { verifyCandidate } from './verify.ts';

type Listed = { id: string; level: string; status: string; categoryCode: string };

export async function nationalRound(world: World): Promise<number> {
  const { national } = world;
  const listed = await national.get<Listed[]>(`/api/editions/${world.editionId}/candidates`);
  const advanced = listed.filter((c) => c.level === 'nasional' && c.categoryCode !== 'pemprov');
  const governments = listed.filter((c) => c.categoryCode === 'pemprov');
  // Each finalised provincial pool sends its category's number of winners (one here).
  const expected = world.pools.filter((p) => p.level === 'provinsi' && p.resultId && p.candidates > 0).length;
  if (advanced.length !== expected) world.stats.error(`${advanced.length} candidacies advanced to the national round, ${expected} expected`);
  if (governments.some((g) => g.status === 'verified')) world.stats.error('a provincial government was verified before the national round');
  await each(world.stats, [...advanced, ...governments], world.options.concurrency, (c) => verifyCandidate(world, national, c.id, false, () => Promise.resolve()));
  const panel = await national.send<{ id: string }>('POST', `/api/editions/${world.editionId}/panels`, {
    level: 'nasional',
    area: '',
    name: 'Dewan Juri Nasional',
    decreeNumber: 'KEP-12/MENKO/PMK/2025',
    decreeDate: '2025-09-01',
    categoryCodes: [...nationalCategories],
  });
  const unsur = ['pemda', 'bps', 'bpjs', 'apindo', 'serikat-pekerja', 'akademisi', 'ahli-jaminan-sosial', 'ahli-ekonomi', 'ahli-hukum'];
  await national.send('PUT', `/api/panels/${panel.id}/members`, {
    members: world.nationalJurors.map((j, i) => ({ userId: j.id, unsur: unsur[i % unsur.length], role: i === 0 ? 'chair' : 'member', title: null })),
  });
  world.nationalPanelId = panel.id;
  await judgePanel(world, { admin: national, level: 'nasional', area: '', panelId: panel.id, jurors: world.nationalJurors, categories: nationalCategories }, world.options.seed * 31337);
  return advanced.length + governments.length;
}
