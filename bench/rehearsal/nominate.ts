/**
 * Provincial admins, all at once: each nominates every regency/city of its
 * province (from the regions table) and its provincial government (a
 * national-level candidacy, which the national committee then invites),
 * imports its companies from the
 * template (a CSV, followed as a job), invites one person per candidate and
 * reads the invitation links from its outbox (no SMTP here), and sets up its
 * panel of jurors by unsur. Jurors record their ties (a conflict the pool
 * finds when it is created).
 */
import { each, RehearsalError, Session } from './http.ts';
import { provincialCategories, type ProvinceState, type World } from './world.ts';
import { password } from './servers.ts';

const unsur = ['pemda', 'bps', 'bpjs', 'apindo', 'serikat-pekerja', 'akademisi', 'ahli-jaminan-sosial', 'ahli-ekonomi', 'ahli-hukum'];

async function waitForJob(admin: Session, jobId: string): Promise<void> {
  for (let i = 0; i < 6000; i += 1) {
    const job = await admin.get<{ status: string; error: string | null }>(`/api/jobs/${jobId}`);
    if (job.status === 'done') return;
    if (job.status === 'failed') {
      admin.api.stats.error(`import job failed: ${job.error}`);
      throw new RehearsalError('import failed');
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  admin.api.stats.error(`import job ${jobId} did not finish`);
  throw new RehearsalError('import did not finish');
}

async function nominateProvince(world: World, p: ProvinceState, index: number): Promise<void> {
  const admin = await Session.signIn(world.api, p.admin.email, password);
  const base = `/api/editions/${world.editionId}`;
  const detail = await admin.get<{ regencies: { code: string; name: string }[] }>(`/api/regions/provinces/${p.code}`);
  // A regional government is nominated by its region alone: a regency/city by its code, the province's government by none.
  const nominateGovernment = async (category: string, regencyCode: string | null) => {
    await admin.send('POST', `${base}/candidates`, {
      categoryId: world.categories.get(category),
      provinceCode: p.code,
      regencyCode,
      npp: null,
      name: null,
      sizeClass: null,
      sector: null,
      address: null,
      contacts: [],
    });
    world.sent.candidates += 1;
  };
  for (const r of detail.regencies) await nominateGovernment('pemkab-kota', r.code);
  await nominateGovernment('pemprov', null);
  const rows = Array.from({ length: world.options.companies }, (_, i) => ['usaha-besar', `RH${p.code}${String(i + 1).padStart(5, '0')}`, `PT Gladi ${p.code} Nomor ${i + 1}`, 'besar']);
  const csv = [['kategori', 'npp', 'nama', 'kelas_usaha'], ...rows].map((r) => r.join(',')).join('\n');
  const { jobId } = await admin.upload<{ jobId: string }>(`${base}/candidates/import?province=${p.code}`, 'kandidat.csv', Buffer.from(csv), 202);
  await waitForJob(admin, jobId);
  world.sent.candidates += rows.length;

  const listed = (await admin.get<{ id: string; name: string; categoryCode: string; provinceCode: string; regencyCode: string | null; level: string }[]>(`${base}/candidates`)).filter(
    (c) => c.provinceCode === p.code && c.level === 'provinsi',
  );
  p.candidates = listed.map((c, i) => ({ id: c.id, name: c.name, categoryCode: c.categoryCode, regencyCode: c.regencyCode, email: `operator${i + 1}.${p.code}@kandidat.example` }));
  for (const c of p.candidates) await admin.send('POST', `/api/candidates/${c.id}/invitations`, { email: c.email }, 201);
  const outbox = await admin.get<{ to: string; body: string }[]>('/api/outbox');
  const tokens = new Map(outbox.map((m) => [m.to, /\/undangan\/([\w-]+)/.exec(m.body)?.[1]]));
  for (const c of p.candidates) {
    c.token = tokens.get(c.email);
    if (!c.token) world.stats.error(`no invitation link in the outbox for ${c.email}`);
  }

  const panel = await admin.send<{ id: string }>('POST', `${base}/panels`, {
    level: 'provinsi',
    area: p.code,
    name: `Tim Penilai Provinsi ${p.name}`,
    decreeNumber: `100.3.3.2-${index + 1} Tahun 2025`,
    decreeDate: '2025-06-02',
    categoryCodes: [...provincialCategories],
  });
  p.panelId = panel.id;
  await admin.send('PUT', `/api/panels/${panel.id}/members`, {
    members: p.jurors.map((j, i) => ({ userId: j.id, unsur: unsur[i % unsur.length], role: i === 0 ? 'chair' : i === 1 ? 'secretary' : 'member', title: null })),
  });
  // The last juror sits on the board of the first regency: a tie the pool turns into a conflict.
  const tied = p.candidates.find((c) => c.regencyCode);
  const last = p.jurors[p.jurors.length - 1]!;
  const juror = await Session.signIn(world.api, last.email, password);
  await juror.send('PUT', '/api/juror/profile', { institution: `Universitas di ${p.name}`, ties: tied ? [{ kind: 'regency', code: tied.regencyCode, note: 'anggota dewan pengawas' }] : [] });
  if (tied) world.sent.conflicts += 1;
}

/** The national committee invites the provincial governments the provinces nominated (their candidacies are national). */
async function inviteGovernments(world: World): Promise<void> {
  const { national } = world;
  const listed = await national.get<{ id: string; name: string; categoryCode: string; provinceCode: string; level: string }[]>(`/api/editions/${world.editionId}/candidates`);
  const nominated = listed.filter((c) => c.categoryCode === 'pemprov');
  if (nominated.length !== world.provinces.length) world.stats.error(`${nominated.length} provincial governments nominated, ${world.provinces.length} sent`);
  world.governments = nominated.map((c) => ({ id: c.id, name: c.name, categoryCode: c.categoryCode, regencyCode: null, email: `operator.pemprov.${c.provinceCode}@kandidat.example` }));
  for (const c of world.governments) await national.send('POST', `/api/candidates/${c.id}/invitations`, { email: c.email }, 201);
  const outbox = await national.get<{ to: string; body: string }[]>('/api/outbox');
  const tokens = new Map(outbox.map((m) => [m.to, /\/undangan\/([\w-]+)/.exec(m.body)?.[1]]));
  for (const c of world.governments) {
    c.token = tokens.get(c.email);
    if (!c.token) world.stats.error(`no invitation link in the outbox for ${c.email}`);
  }
}

export async function nominate(world: World): Promise<void> {
  await each(world.stats, world.provinces, world.options.concurrency, (p, i) => nominateProvince(world, p, i));
  await inviteGovernments(world);
}
