/**
 * The national admin sets up the edition: its categories, levels and
 * timeline, the accounts of the provincial admins, verifiers and jurors
 * (POST /api/users), and the signatories of the certificates.
 */
import { each, type Session } from './http.ts';
import { categoryCodes, type Options, type Person, type World } from './world.ts';
import { password } from './servers.ts';

type Catalogue = { code: string; family: string; nameId: string; nameEn: string; levels: string[]; awards: number; advance: number; eligibility: string[] }[];

/** The provinces of the run: all 38, or three small ones for CI. */
export async function chooseProvinces(national: Session, options: Options): Promise<{ code: string; name: string }[]> {
  const all = await national.get<{ code: string; name: string }[]>('/api/regions/provinces');
  if (options.scale === 'national') return all;
  return ['75', '17', '52'].map((code) => all.find((p) => p.code === code)!).filter(Boolean);
}

export async function setUpEdition(national: Session): Promise<{ editionId: string; categories: Map<string, string> }> {
  const edition = await national.send<{ id: string }>('POST', '/api/editions', { label: 'Paritrana Award 2025 (gladi nasional)', periodStart: '2024-01-01', periodEnd: '2024-12-31', minJurors: 5 });
  const catalogue = await national.get<Catalogue>('/api/catalogue/categories');
  const categories = new Map<string, string>();
  for (const code of categoryCodes) {
    const c = catalogue.find((x) => x.code === code)!;
    const created = await national.send<{ id: string }>('POST', `/api/editions/${edition.id}/categories`, {
      code: c.code,
      family: c.family,
      nameId: c.nameId,
      nameEn: c.nameEn,
      levels: c.levels,
      awards: c.awards,
      advance: c.advance,
      // The rehearsal loads no coverage extract (bench:screen measures that), so
      // the rules that need its figures are left out; has-regulation is kept.
      eligibility: c.eligibility.filter((rule) => rule === 'has-regulation'),
    });
    categories.set(code, created.id);
  }
  await national.send('PATCH', `/api/editions/${edition.id}`, { coverageTargetPct: 52.15 });
  // The self-assessment deadline is the end of registration: later than the run.
  await national.send('PUT', `/api/editions/${edition.id}/timeline`, {
    milestones: [
      { kind: 'socialization', startsOn: '2025-03-15', endsOn: null, place: 'Jakarta' },
      { kind: 'registration', startsOn: '2025-04-01', endsOn: '2099-12-31', place: null },
      { kind: 'verification', startsOn: '2025-06-01', endsOn: '2025-06-30', place: null },
      { kind: 'provincial_interview', startsOn: '2025-07-14', endsOn: '2025-07-15', place: 'Kantor Gubernur' },
      { kind: 'provincial_ceremony', startsOn: '2025-08-13', endsOn: null, place: 'Kantor Gubernur' },
      { kind: 'national_verification', startsOn: '2025-09-15', endsOn: '2025-09-30', place: 'Jakarta' },
      { kind: 'national_interview', startsOn: '2025-10-20', endsOn: '2025-10-24', place: 'Jakarta' },
      { kind: 'national_ceremony', startsOn: '2025-12-10', endsOn: null, place: 'Istana Negara, Jakarta' },
    ],
  });
  await national.send('POST', `/api/editions/${edition.id}/status`, { status: 'open' });
  return { editionId: edition.id, categories };
}

type Grant = { role: string; provinceCode: string | null; candidateId: null };

/** Creates the committee's accounts through the API, as the national admin does. */
export async function createStaff(world: World, provinces: { code: string; name: string }[]): Promise<void> {
  const { national, options } = world;
  const make = async (email: string, name: string, roles: Grant[]): Promise<Person> => {
    const user = await national.send<{ id: string }>('POST', '/api/users', { email, name, password, locale: 'id', roles });
    return { id: user.id, email, name };
  };
  const jobs: (() => Promise<void>)[] = [];
  for (const p of provinces) {
    const state = { code: p.code, name: p.name, admin: null as unknown as Person, verifier: null as unknown as Person, jurors: [] as Person[], candidates: [] };
    world.provinces.push(state);
    jobs.push(async () => {
      state.admin = await make(`admin.${p.code}@rehearsal.example`, `Admin Provinsi ${p.name}`, [{ role: 'provincial_admin', provinceCode: p.code, candidateId: null }]);
    });
    jobs.push(async () => {
      state.verifier = await make(`verifikator.${p.code}@rehearsal.example`, `Verifikator ${p.name}`, [{ role: 'verifier', provinceCode: p.code, candidateId: null }]);
    });
    for (let j = 0; j < options.jurors; j += 1) {
      jobs.push(async () => {
        state.jurors[j] = await make(`juri${j + 1}.${p.code}@rehearsal.example`, `Juri ${j + 1} ${p.name}`, [{ role: 'juror', provinceCode: p.code, candidateId: null }]);
      });
    }
  }
  for (let j = 0; j < options.jurors; j += 1) {
    jobs.push(async () => {
      world.nationalJurors[j] = await make(`juri${j + 1}.nasional@rehearsal.example`, `Juri Nasional ${j + 1}`, [{ role: 'juror', provinceCode: null, candidateId: null }]);
    });
  }
  await each(world.stats, jobs, options.concurrency, (job) => job());
  await national.send('PUT', `/api/editions/${world.editionId}/signatories`, {
    signatories: [
      ...provinces.flatMap((p) => [
        { level: 'provinsi', area: p.code, name: `Gubernur ${p.name}`, title: `Gubernur ${p.name}`, handsOver: true },
        { level: 'provinsi', area: p.code, name: `Kepala Kantor Wilayah ${p.name}`, title: 'Kepala Kantor Wilayah BPJS Ketenagakerjaan', handsOver: false },
      ]),
      { level: 'nasional', area: '', name: 'Menteri Koordinator PMK', title: 'Menteri Koordinator Bidang Pembangunan Manusia dan Kebudayaan', handsOver: true },
    ],
  });
}
