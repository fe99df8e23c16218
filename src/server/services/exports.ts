import { packageIdOf } from './results.ts';
import { forbidden, notFound } from '../../domain/errors.ts';
import type { ScoringPackage, ScoringResult } from '../../domain/scoring/index.ts';
import { findEdition, listCategories, listLevels } from '../../db/repositories/editions.ts';
import { employerFigures, regionFigures } from '../../domain/coverage/indicators.ts';
import { listCandidates } from '../../db/repositories/candidates.ts';
import { listSnapshots, valuesOf } from '../../db/repositories/coverage.ts';
import * as pools from '../../db/repositories/pools.ts';
import { membersOf } from '../../db/repositories/panels.ts';
import { listProvinces } from '../../db/repositories/regions.ts';
import { isNationalAdmin, provincesAs, type Actor } from '../policies/actor.ts';
import { panelAbilities, panelPolicy } from '../policies/panels.ts';
import type { ServiceContext } from './context.ts';
import { loadPool } from './pool-context.ts';
import { toCsv, toXlsx, type Cell, type Table } from './tabular.ts';

export type Dataset = 'results' | 'candidates' | 'values' | 'marks';

/** The committee exports what it administers: the nation's admin everything, a province's admin its province. */
function scopeOf(actor: Actor) {
  return isNationalAdmin(actor) ? ({ all: true } as const) : { provinceCodes: provincesAs(actor, 'provincial_admin'), candidateIds: [] };
}

/** The pools of the edition the actor administers, with their current final result. */
async function managedResults(ctx: ServiceContext, editionId: string, publishedOnly: boolean) {
  const out = [];
  for (const row of await pools.listPools(ctx.db, editionId)) {
    if (!panelAbilities.can(ctx.actor, 'manage', row)) continue;
    const result = await pools.currentResult(ctx.db, row.id);
    if (!result || (publishedOnly && !result.publishedAt)) continue;
    out.push({ pool: await loadPool(ctx.db, row.id), result });
  }
  return out;
}

/** The reader's language of an export's headers and labels. */
export type ExportLang = 'id' | 'en';

/** A column: its header in each language. */
type Column = { id: string; en: string };
const col = (id: string, en: string): Column => ({ id, en });
const header = (columns: Column[], lang: ExportLang) => columns.map((c) => c[lang]);

const statusLabels: Record<ExportLang, Record<string, string>> = {
  id: { registered: 'Mendaftar', nominated: 'Dinominasikan', accepted: 'Menerima', declined: 'Menolak', rejected: 'Pendaftaran ditolak', verified: 'Terverifikasi' },
  en: { registered: 'Registered', nominated: 'Nominated', accepted: 'Accepted', declined: 'Declined', rejected: 'Registration rejected', verified: 'Verified' },
};
const kindLabels: Record<ExportLang, Record<string, string>> = {
  id: { pemda: 'Pemerintah daerah', 'badan-usaha': 'Badan usaha' },
  en: { pemda: 'Regional government', 'badan-usaha': 'Company' },
};
const sourceLabels: Record<ExportLang, Record<string, string>> = {
  id: { coverage: 'Data kepesertaan', dispute: 'Koreksi sanggahan', verification: 'Verifikasi' },
  en: { coverage: 'Coverage data', dispute: 'Dispute correction', verification: 'Verification' },
};
const yesNo = (value: boolean, lang: ExportLang) => (value ? (lang === 'id' ? 'Ya' : 'Yes') : lang === 'id' ? 'Tidak' : 'No');
const figureLabels = new Map([...regionFigures, ...employerFigures].map((f) => [f.key as string, f]));
const figureLabel = (key: string, lang: ExportLang) => {
  const figure = figureLabels.get(key);
  return figure ? (lang === 'id' ? figure.labelId : figure.labelEn) : key;
};

/** The edition's levels and categories by id, named in the reader's language. */
async function namesOf(ctx: ServiceContext, editionId: string, lang: ExportLang) {
  const levels = new Map((await listLevels(ctx.db, editionId)).map((l) => [l.id, l.name]));
  const categories = new Map((await listCategories(ctx.db, editionId)).map((c) => [c.code, (lang === 'id' ? c.nameId : c.nameEn) || c.nameId || c.code]));
  return { level: (id: string) => levels.get(id) ?? id, category: (code: string) => categories.get(code) ?? code };
}

async function resultsTable(ctx: ServiceContext, editionId: string, lang: ExportLang): Promise<Table> {
  const results = await managedResults(ctx, editionId, false);
  const names = await namesOf(ctx, editionId, lang);
  const provinces = new Map((await listProvinces(ctx.db)).map((p) => [p.code, p.name]));
  const stages = new Map(results.flatMap((r) => r.pool.setup.instrument.stages.map((s) => [s.id, s.label[lang]] as const)));
  const aspects = new Map(results.flatMap((r) => r.pool.setup.instrument.stages.flatMap((s) => s.aspects.map((a) => [a.id, a.label[lang]] as const))));
  const rows: Cell[][] = [];
  for (const { pool, result } of results) {
    const candidateNames = new Map((result.package as ScoringPackage).candidates.map((c) => [c.id, c.name ?? c.id]));
    for (const r of (result.result as ScoringResult).results) {
      rows.push([
        names.level(pool.pool.level),
        pool.pool.area || null,
        pool.pool.area ? (provinces.get(pool.pool.area) ?? null) : null,
        pool.category.code,
        names.category(pool.category.code),
        result.version,
        result.finalisedAt,
        result.publishedAt ?? null,
        result.packageSha256,
        r.rank,
        r.candidate,
        candidateNames.get(r.candidate) ?? r.candidate,
        r.score,
        r.award,
        yesNo(r.advances, lang),
        ...[...stages.keys()].map((s) => r.stages[s] ?? null),
        ...[...aspects.keys()].map((a) => r.aspects[a] ?? null),
      ]);
    }
  }
  const columns = [
    col('Tingkat', 'Level'),
    col('Kode wilayah', 'Area code'),
    col('Provinsi', 'Province'),
    col('Kode kategori', 'Category code'),
    col('Kategori', 'Category'),
    col('Versi hasil', 'Result version'),
    col('Ditetapkan (WIB)', 'Finalised (WIB)'),
    col('Diumumkan (WIB)', 'Announced (WIB)'),
    col('SHA-256 paket penilaian', 'Scoring package SHA-256'),
    col('Peringkat', 'Rank'),
    col('Kode kandidat', 'Candidate code'),
    col('Nama', 'Name'),
    col('Nilai akhir', 'Final score'),
    col('Juara', 'Juara'),
    col('Maju ke tingkat berikutnya', 'Advances'),
    ...[...stages.values()].map((name) => col(`Tahap: ${name}`, `Stage: ${name}`)),
    ...[...aspects.values()].map((name) => col(`Aspek: ${name}`, `Aspect: ${name}`)),
  ];
  return { name: lang === 'id' ? 'Hasil' : 'Results', columns: header(columns, lang), rows };
}

async function candidatesTable(ctx: ServiceContext, editionId: string, lang: ExportLang): Promise<Table> {
  const rows = await listCandidates(ctx.db, editionId, scopeOf(ctx.actor!));
  const names = await namesOf(ctx, editionId, lang);
  const columns = [
    col('ID', 'ID'),
    col('Tingkat', 'Level'),
    col('Kode provinsi', 'Province code'),
    col('Kode kategori', 'Category code'),
    col('Kategori', 'Category'),
    col('Jenis', 'Kind'),
    col('Kode wilayah', 'Region code'),
    col('NPP', 'NPP'),
    col('Nama', 'Name'),
    col('Status', 'Status'),
    col('Kelas usaha', 'Size class'),
    col('Sektor', 'Sector'),
    col('Maju dari (ID)', 'Advanced from (ID)'),
  ];
  return {
    name: lang === 'id' ? 'Kandidat' : 'Candidates',
    columns: header(columns, lang),
    rows: rows.map((c) => [
      c.id,
      names.level(c.level),
      c.provinceCode,
      c.categoryCode,
      names.category(c.categoryCode),
      kindLabels[lang][c.kind] ?? c.kind,
      c.villageCode ?? c.regencyCode,
      c.npp,
      c.name,
      statusLabels[lang][c.status] ?? c.status,
      c.sizeClass,
      c.sector,
      c.advancedFrom,
    ]),
  };
}

async function valuesTable(ctx: ServiceContext, editionId: string, lang: ExportLang): Promise<Table> {
  const candidates = await listCandidates(ctx.db, editionId, scopeOf(ctx.actor!));
  const names = await namesOf(ctx, editionId, lang);
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const snapshots = new Map((await listSnapshots(ctx.db, editionId)).map((s) => [s.id, s.version]));
  const values = await valuesOf(
    ctx.db,
    candidates.map((c) => c.id),
  );
  const columns = [
    col('ID kandidat', 'Candidate ID'),
    col('Tingkat', 'Level'),
    col('Kode kategori', 'Category code'),
    col('Kode wilayah / NPP', 'Region code / NPP'),
    col('Nama', 'Name'),
    col('Kunci data', 'Data key'),
    col('Data', 'Figure'),
    col('Nilai', 'Value'),
    col('Sumber', 'Source'),
    col('Versi data kepesertaan', 'Coverage snapshot version'),
    col('Catatan', 'Note'),
    col('Diperbarui (WIB)', 'Updated (WIB)'),
  ];
  return {
    name: lang === 'id' ? 'Data terkonfirmasi' : 'Confirmed data',
    columns: header(columns, lang),
    rows: values
      .map((v) => {
        const c = byId.get(v.candidateId)!;
        return [
          c.id,
          names.level(c.level),
          c.categoryCode,
          c.villageCode ?? c.regencyCode ?? c.npp,
          c.name,
          v.key,
          figureLabel(v.key, lang),
          v.valueNum ?? v.valueText,
          sourceLabels[lang][v.source] ?? v.source,
          v.snapshotId ? (snapshots.get(v.snapshotId) ?? null) : null,
          v.note,
          v.updatedAt,
        ] as Cell[];
      })
      .sort((a, b) => String(a[4]).localeCompare(String(b[4])) || String(a[5]).localeCompare(String(b[5]))),
  };
}

/** The marks behind published results only, as frozen in their packages, with the jurors' names and comments. */
async function marksTable(ctx: ServiceContext, editionId: string, lang: ExportLang): Promise<Table> {
  const names = await namesOf(ctx, editionId, lang);
  const rows: Cell[][] = [];
  for (const { pool, result } of await managedResults(ctx, editionId, true)) {
    const pkg = result.package as ScoringPackage;
    const candidateNames = new Map(pkg.candidates.map((c) => [c.id, c.name ?? c.id]));
    const jurors = new Map((await membersOf(ctx.db, [pool.panel.id])).map((m) => [m.userId, m]));
    const live = await pools.marksOf(ctx.db, pool.pool.id);
    const ids = new Map((await pools.candidatesOfPool(ctx.db, pool.pool)).map((c) => [packageIdOf(c), c.id]));
    const indicators = new Map(pool.setup.instrument.stages.flatMap((s) => s.aspects.flatMap((a) => a.indicators.map((i) => [i.id, i.label[lang]] as const))));
    for (const m of pkg.marks ?? []) {
      const comment = live.find((x) => x.userId === m.juror && x.candidateId === ids.get(m.candidate) && x.indicatorId === m.indicator)?.comment ?? null;
      const juror = jurors.get(m.juror);
      rows.push([
        names.level(pool.pool.level),
        pool.pool.area || null,
        pool.category.code,
        result.version,
        m.juror,
        juror?.name ?? null,
        juror?.unsur ?? null,
        m.candidate,
        candidateNames.get(m.candidate) ?? null,
        m.indicator,
        indicators.get(m.indicator) ?? m.indicator,
        m.value,
        comment,
      ]);
    }
  }
  rows.sort((a, b) => [0, 1, 2, 8, 5, 9].reduce((c, i) => c || String(a[i] ?? '').localeCompare(String(b[i] ?? '')), 0));
  const columns = [
    col('Tingkat', 'Level'),
    col('Kode wilayah', 'Area code'),
    col('Kode kategori', 'Category code'),
    col('Versi hasil', 'Result version'),
    col('ID juri', 'Juror ID'),
    col('Juri', 'Juror'),
    col('Unsur', 'Unsur'),
    col('Kode kandidat', 'Candidate code'),
    col('Nama', 'Name'),
    col('Kode indikator', 'Indicator code'),
    col('Indikator', 'Indicator'),
    col('Nilai', 'Mark'),
    col('Komentar', 'Comment'),
  ];
  return { name: lang === 'id' ? 'Nilai juri' : 'Jurors marks', columns: header(columns, lang), rows };
}

const builders: Record<Dataset, (ctx: ServiceContext, editionId: string, lang: ExportLang) => Promise<Table>> = {
  results: resultsTable,
  candidates: candidatesTable,
  values: valuesTable,
  marks: marksTable,
};

/**
 * One dataset of an edition as Excel or CSV: results (current final
 * results), candidates, confirmed data values, and — once a result is
 * published — the jurors' marks behind it. Headers and labels are in the
 * reader's language; times are WIB (Excel dates in XLSX, ISO 8601 with
 * +07:00 in CSV); numbers stay numbers.
 */
export async function exportDataset(ctx: ServiceContext, editionId: string, dataset: Dataset, format: 'xlsx' | 'csv', lang: ExportLang = 'id'): Promise<{ body: Buffer; filename: string; type: string }> {
  const edition = await findEdition(ctx.db, editionId);
  if (!edition) throw notFound('edition');
  if (!panelPolicy.manageAnywhere(ctx.actor!)) throw forbidden('Only the committee exports');
  const table = await builders[dataset](ctx, editionId, lang);
  const slug = edition.label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return format === 'csv'
    ? { body: toCsv(table), filename: `${slug}-${dataset}.csv`, type: 'text/csv; charset=utf-8' }
    : { body: await toXlsx(table), filename: `${slug}-${dataset}.xlsx`, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
}
