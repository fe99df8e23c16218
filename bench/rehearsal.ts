/**
 * Benchmark (not a test): the national dress rehearsal. Drives one whole
 * edition through the HTTP API only, as each actor would, concurrently where
 * real people would be (bounded), on its own fresh installation:
 *
 *   setup        the national admin: edition, categories, timeline, staff accounts, signatories
 *   nominate     provincial admins: every regency/city, companies by import, invitations, panels
 *   self-assess  candidates: accept, evidence files, self-assessment, submit
 *   verify       verifiers: every item, some revisions, confirmation
 *   provincial   panels: pools, conflicts, desk and interview marking, stages closed, results finalised
 *   national     advanced winners verified and judged by the national panel
 *   announce     results published, certificates issued, the public portal under load
 *   pages        the committee's daily pages opened by every province at national size
 *   check        every ranking recomputed by `paritrana score`; counts compared
 *
 *     npm run bench:rehearsal -- [--scale national|ci] [--database pglite|postgres] [--servers N] [--seed N]
 *
 * PostgreSQL comes from DATABASE_URL: a fresh database is created for the run
 * and dropped after it. Progress goes to stderr; the last line of stdout is
 * one JSON object with the figures (`errors` counts every unexpected status
 * and every mismatch).
 */
import { Api, percentile, progress, Session, Stats } from './rehearsal/http.ts';
import { adminEmail, password, startInstallation } from './rehearsal/servers.ts';
import { chooseProvinces, createStaff, setUpEdition } from './rehearsal/setup.ts';
import { nominate } from './rehearsal/nominate.ts';
import { fillSelfAssessments } from './rehearsal/candidates.ts';
import { verifyProvinces } from './rehearsal/verify.ts';
import { judgeProvinces } from './rehearsal/marking.ts';
import { nationalRound } from './rehearsal/national.ts';
import { announce } from './rehearsal/announce.ts';
import { checkEverything } from './rehearsal/checks.ts';
import { committeePages } from './rehearsal/pages.ts';
import type { Options, World } from './rehearsal/world.ts';

function parseOptions(argv: string[]): Options {
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const scale = (value('scale') ?? 'national') as Options['scale'];
  const database = (value('database') ?? 'pglite') as Options['database'];
  if (!['national', 'ci'].includes(scale)) throw new Error('--scale is national or ci');
  if (!['pglite', 'postgres'].includes(database)) throw new Error('--database is pglite or postgres');
  const servers = Number(value('servers') ?? 1);
  if (!Number.isInteger(servers) || servers < 1 || servers > 8) throw new Error('--servers is 1 to 8');
  const ci = scale === 'ci';
  return {
    scale,
    database,
    servers,
    seed: Number(value('seed') ?? 1),
    companies: Number(value('companies') ?? (ci ? 8 : 50)),
    jurors: 9,
    concurrency: Number(value('concurrency') ?? (ci ? 8 : 16)),
    publicSeconds: ci ? 5 : 20,
    publicClients: ci ? 20 : 100,
  };
}

const options = parseOptions(process.argv.slice(2));
const started = performance.now();
const stats = new Stats();
progress(`rehearsal: scale ${options.scale}, ${options.database}, ${options.servers} server(s), seed ${options.seed}`);
const installation = await startInstallation(options.database, options.servers);
let peakRssMb = installation.rssMb();
const sampler = setInterval(() => (peakRssMb = Math.max(peakRssMb, installation.rssMb())), 250);
let provinces = 0;
let candidates = 0;
let jurors = 0;
let marks = 0;
try {
  const api = new Api(installation.urls, stats);
  stats.begin('setup');
  const national = await Session.signIn(api, adminEmail, password);
  const chosen = await chooseProvinces(national, options);
  const { editionId, categories } = await setUpEdition(national);
  const world: World = {
    options,
    api,
    stats,
    national,
    editionId,
    categories,
    provinces: [],
    governments: [],
    nationalJurors: [],
    pools: [],
    sent: { candidates: 0, marks: 0, sheets: 0, conflicts: 0, revisions: 0, evidence: 0 },
  };
  await createStaff(world, chosen);
  provinces = world.provinces.length;
  jurors = (world.provinces.length + 1) * options.jurors;

  stats.begin('nominate');
  await nominate(world);
  candidates = world.sent.candidates;
  progress(`${candidates} candidates nominated in ${provinces} provinces`);

  stats.begin('self-assess');
  await fillSelfAssessments(world);
  progress(`${world.sent.evidence} evidence files uploaded`);

  stats.begin('verify');
  await verifyProvinces(world);
  progress(`${world.sent.revisions} revisions asked and corrected`);
  await national.send('POST', `/api/editions/${editionId}/status`, { status: 'assessing' }, 200);

  stats.begin('provincial');
  await judgeProvinces(world);
  progress(`${world.pools.length} provincial pools finalised; ${world.sent.marks} marks, ${world.sent.sheets} sheets`);

  stats.begin('national');
  const advanced = await nationalRound(world);
  progress(`national round: ${advanced} candidacies judged`);

  stats.begin('announce');
  const { certificates, publicRequests } = await announce(world);
  progress(`${certificates.length} certificates issued; ${publicRequests} public requests during the announcement`);

  stats.begin('pages');
  progress('committee pages at national size:');
  await committeePages(world);

  stats.begin('check');
  const checked = await checkEverything(world);
  progress(`${checked.rankings} rankings recomputed by paritrana score; ${checked.marks} marks and ${checked.sheets} sheets on the server`);
  stats.end();
  marks = world.sent.marks;
} catch (error) {
  stats.error(`the rehearsal stopped: ${(error as Error).stack ?? String(error)}`);
} finally {
  stats.end();
  clearInterval(sampler);
  await installation.stop();
}

for (const [kind, count] of stats.errorKinds) progress(`errors: ${count} × ${kind}`);
progress('time by route:');
for (const line of stats.hotRoutes()) progress(`  ${line}`);
const all = stats.phases.flatMap((p) => p.latencies);
const round = (v: number) => Math.round(v * 10) / 10;
const summary = {
  scale: options.scale,
  database: options.database,
  servers: options.servers,
  provinces,
  candidates,
  jurors,
  marks,
  requests: all.length,
  errors: stats.errors,
  wallSeconds: round((performance.now() - started) / 1000),
  p50Ms: round(percentile(all, 50)),
  p99Ms: round(percentile(all, 99)),
  peakRssMb: Math.round(peakRssMb),
  phases: stats.phases.map((p) => ({
    name: p.name,
    seconds: round((p.endedAt - p.startedAt) / 1000),
    requests: p.latencies.length,
    p50Ms: round(percentile(p.latencies, 50)),
    p99Ms: round(percentile(p.latencies, 99)),
  })),
};
process.stdout.write(`${JSON.stringify(summary)}\n`);
process.exitCode = stats.errors === 0 ? 0 : 1;
