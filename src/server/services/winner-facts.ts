import type { ItemStatus } from '../../domain/candidates/verification.ts';
import type { Formats } from '../../domain/publication/press-release.ts';
import { programTotals, verifiedFacts, type WinnerFacts } from '../../domain/publication/winner-facts.ts';
import { fundingWords, regulationName, segmentWords } from '../../domain/publication/wording.ts';
import type { ScoringResult } from '../../domain/scoring/index.ts';
import type { Db } from '../../db/client.ts';
import type { CandidateRow } from '../../db/repositories/candidates.ts';
import { valuesOf } from '../../db/repositories/coverage.ts';
import { listEvents, listLevels, listMilestones } from '../../db/repositories/editions.ts';
import * as pools from '../../db/repositories/pools.ts';
import { signatoriesFor, type SignatoryRow } from '../../db/repositories/publication.ts';
import { findProvince } from '../../db/repositories/regions.ts';
import { findSubmission } from '../../db/repositories/submissions.ts';
import { itemsOf } from '../../db/repositories/verification.ts';
import type { Handover, WinnerFigures } from '../../shared/contracts/index.ts';
import { formatDate, formatNumber, formatPercent, formatRupiah } from '../../shared/i18n/format.ts';
import { nextLevel } from './advancement.ts';
import { handoverOf } from './handovers.ts';
import type { PoolContext } from './pool-context.ts';
import { packageIdOf } from './results.ts';

/** The id-ID formats the press release is written with. */
export const idFormats: Formats = { number: (v, d = 0) => formatNumber(v, 'id', d), rupiah: (v) => formatRupiah(v, 'id'), date: (d) => formatDate(d, 'id') };

type LevelKind = 'provinsi' | 'zona' | 'nasional';

/** Everything about a pool that its winners' certificates, releases and public page share. */
export type PublicationContext = {
  pool: PoolContext;
  level: { code: string; kind: LevelKind; name: string };
  area: { code: string; name: string } | null;
  /** The ceremony the certificates and releases name, and where it was recorded; null when none is. */
  ceremony: { date: string; place: string | null; source: 'province' | 'edition' } | null;
  signatories: SignatoryRow[];
  /** How the awards were actually handed over, as the committee recorded it. */
  handover: Handover;
  next: { kind: LevelKind; name: string } | null;
  /** The pool's candidates by their id in the scoring package. */
  candidates: Map<string, CandidateRow>;
};

/** Stage label without its English gloss: "Penilaian dokumen (desk evaluation)" → "Penilaian dokumen". */
export const plainLabel = (label: string): string => label.split(' (')[0]!;

/**
 * The ceremony of a level: a provincial pool names only its own province's
 * ceremony (its `provincial_ceremony` event), never the edition's general
 * milestone, which may be another province's; the nation and zones name the
 * edition's national ceremony (zone awards are handed over there, our rule).
 */
export function ceremonyKind(kind: LevelKind): 'provincial_ceremony' | 'national_ceremony' {
  return kind === 'provinsi' ? 'provincial_ceremony' : 'national_ceremony';
}

/** The ceremony of a pool, or null when its province (or the edition, above the provinces) recorded none. */
export async function ceremonyOf(db: Db, editionId: string, kind: LevelKind, area: string | null): Promise<PublicationContext['ceremony']> {
  if (kind === 'provinsi') {
    if (!area) return null;
    const own = (await listEvents(db, editionId)).find((e) => e.kind === 'provincial_ceremony' && e.provinceCode === area);
    return own ? { date: own.heldOn, place: own.place, source: 'province' } : null;
  }
  const milestone = (await listMilestones(db, editionId)).find((m) => m.kind === ceremonyKind(kind));
  return milestone ? { date: milestone.startsOn, place: milestone.place, source: 'edition' } : null;
}

/** The ceremony as certificates and public pages print it. */
export const printedCeremony = (c: PublicationContext['ceremony']): { date: string; place: string | null } | null => (c ? { date: c.date, place: c.place } : null);

export async function publicationContext(db: Db, pool: PoolContext): Promise<PublicationContext> {
  const levels = await listLevels(db, pool.edition.id);
  const levelRow = levels.find((l) => l.code === pool.pool.level);
  const level = { code: pool.pool.level, kind: levelRow?.kind ?? 'provinsi', name: levelRow?.name ?? pool.pool.level };
  const province = pool.pool.area ? await findProvince(db, pool.pool.area) : null;
  const ceremony = await ceremonyOf(db, pool.edition.id, level.kind, pool.pool.area);
  const nextCode = nextLevel(levels, pool.category.levels, pool.pool.level, pool.pool.area);
  const nextRow = nextCode ? levels.find((l) => l.code === nextCode) : undefined;
  const candidates = await pools.candidatesOfPool(db, pool.pool);
  return {
    pool,
    level,
    area: province ? { code: province.code, name: province.name } : null,
    ceremony,
    signatories: await signatoriesFor(db, pool.edition.id, pool.pool.level, pool.pool.area),
    handover: await handoverOf(db, pool.pool.id),
    next: nextRow ? { kind: nextRow.kind, name: nextRow.name } : nextCode ? { kind: 'nasional', name: nextCode } : null,
    candidates: new Map(candidates.map((c) => [packageIdOf(c), c])),
  };
}

/** What the system holds about one winner of a result. */
export async function winnerFacts(db: Db, p: PublicationContext, row: ScoringResult['results'][number]): Promise<WinnerFacts> {
  const candidate = p.candidates.get(row.candidate);
  if (!candidate) throw new Error(`candidate ${row.candidate} of the result is not in the pool`);
  const values = new Map((await valuesOf(db, [candidate.id])).map((v) => [v.key, v.valueNum]));
  const submission = await findSubmission(db, candidate.id);
  const items = new Map((await itemsOf(db, [candidate.id])).map((i) => [i.itemKey, i.status]));
  const status = (key: string): ItemStatus => items.get(key) ?? 'pending';
  return {
    candidate: { name: candidate.name, kind: candidate.kind },
    edition: { label: p.pool.edition.label },
    level: { kind: p.level.kind, name: p.level.name, areaName: p.area?.name ?? null },
    category: { name: p.pool.category.nameId },
    award: row.award!,
    rank: row.rank,
    score: row.score,
    stages: p.pool.setup.instrument.stages.filter((s) => row.stages[s.id] !== undefined).map((s) => ({ label: plainLabel(s.label.id), score: row.stages[s.id]! })),
    advancesTo: row.advances ? p.next : null,
    ceremony: printedCeremony(p.ceremony),
    signatories: p.signatories.map((s) => ({ name: s.name, title: s.title, handsOver: s.handsOver })),
    handover: {
      presenter: p.handover.presenter,
      occasion: p.handover.occasion,
      representative: p.handover.representatives.find((x) => x.candidateId === candidate.id) ?? null,
    },
    values: {
      coveragePct: values.get('coverage_pct') ?? null,
      govFunded: values.get('gov_funded') ?? null,
      workers: values.get('workers') ?? null,
      supplyChainPct: values.get('supply_chain_pct') ?? null,
    },
    verified: submission ? verifiedFacts(submission.answers, status) : verifiedFacts(null, status),
  };
}

/** A winner's key figures as the public page shows them. */
export function figuresOf(f: WinnerFacts): WinnerFigures {
  const totals = programTotals(f.verified.programs);
  return {
    coveragePct: f.values.coveragePct,
    govFunded: f.values.govFunded,
    workers: f.values.workers,
    supplyChainPct: f.values.supplyChainPct,
    peopleProtected: totals.people,
    budgetRupiah: totals.budgetRupiah,
    regulations: f.verified.regulations.map((r) => ({ ...r, name: regulationName(r.type, f.candidate.name) })),
    programs: f.verified.programs,
    programCodes: f.verified.programCodes,
    csr: f.verified.csr,
  };
}

/** The facts a press release was drafted from, keyed as its sentences name them, in Bahasa Indonesia. */
export function factList(f: WinnerFacts): { key: string; label: string; value: string }[] {
  const n = idFormats.number;
  const out: { key: string; label: string; value: string }[] = [
    { key: 'winner', label: 'Pemenang', value: `${f.candidate.name}: Juara ${f.award}, ${f.edition.label}, ${f.level.areaName ? `Provinsi ${f.level.areaName}` : f.level.name}, ${f.category.name}` },
    { key: 'score', label: 'Nilai akhir', value: n(f.score, 2) },
  ];
  if (f.stages.length > 1) out.push({ key: 'stages', label: 'Nilai per tahap', value: f.stages.map((s) => `${s.label} ${n(s.score, 2)}`).join('; ') });
  if (f.ceremony) {
    out.push({ key: 'ceremony.date', label: 'Tanggal penyerahan', value: idFormats.date(f.ceremony.date) });
    if (f.ceremony.place) out.push({ key: 'ceremony.place', label: 'Tempat penyerahan', value: f.ceremony.place });
  }
  const h = f.handover;
  if (h.occasion) {
    out.push({ key: 'handover.occasion', label: 'Diserahkan dalam acara', value: h.occasion.name });
    out.push({ key: 'handover.date', label: 'Tanggal penyerahan (acara)', value: idFormats.date(h.occasion.date) });
    if (h.occasion.place) out.push({ key: 'handover.place', label: 'Tempat penyerahan (acara)', value: h.occasion.place });
  }
  if (h.presenter) out.push({ key: 'handover.presenter', label: 'Diserahkan oleh', value: `${h.presenter.title}, ${h.presenter.name}` });
  const presenter = f.signatories.find((s) => s.handsOver);
  if (presenter && !h.presenter) out.push({ key: 'presenter', label: 'Diserahkan oleh', value: `${presenter.title}, ${presenter.name}` });
  if (h.representative) {
    out.push({ key: 'handover.representative', label: 'Diterima oleh', value: `${h.representative.name}, ${h.representative.title}${h.representative.onBehalfOf ? `, mewakili ${h.representative.onBehalfOf}` : ''}` });
  }
  if (f.signatories.length > 0) out.push({ key: 'signatories', label: 'Penanda tangan piagam', value: f.signatories.map((s) => `${s.name} (${s.title})`).join('; ') });
  const v = f.values;
  if (v.coveragePct != null) out.push({ key: 'coverage_pct', label: 'Cakupan kepesertaan', value: formatPercent(v.coveragePct, 2, 'id') });
  if (v.govFunded != null && v.govFunded > 0) out.push({ key: 'gov_funded', label: 'Pekerja dibiayai anggaran daerah', value: n(v.govFunded) });
  if (v.workers != null) out.push({ key: 'workers', label: 'Pekerja terdaftar aktif', value: n(v.workers) });
  if (v.supplyChainPct != null) out.push({ key: 'supply_chain_pct', label: 'Mitra dan pemasok terdaftar', value: formatPercent(v.supplyChainPct, 2, 'id') });
  const r = f.verified;
  if (r.regulations.length > 0) {
    out.push({ key: 'regulations', label: 'Regulasi (terverifikasi)', value: r.regulations.map((x) => `${regulationName(x.type, f.candidate.name)}${x.number ? ` Nomor ${x.number}` : ''}`).join('; ') });
  }
  if (r.agreements.length > 0) out.push({ key: 'agreements', label: 'Kerja sama (terverifikasi)', value: r.agreements.map((a) => `${a.type.toUpperCase()}${a.number ? ` ${a.number}` : ''} ${a.parties}`.trim()).join('; ') });
  if (r.programs.length > 0) {
    const program = (p: (typeof r.programs)[number]) =>
      [p.people != null ? `${n(p.people)} ${segmentWords[p.segment] ?? p.segment}` : (segmentWords[p.segment] ?? p.segment), p.budgetRupiah != null ? idFormats.rupiah(p.budgetRupiah) : null, fundingWords[p.fundingSource] ?? p.fundingSource]
        .filter(Boolean)
        .join(', ');
    out.push({ key: 'programs', label: 'Program perlindungan (terverifikasi)', value: r.programs.map(program).join('; ') });
  }
  if (r.programCodes.length > 0) out.push({ key: 'program_codes', label: 'Program yang diikuti', value: r.programCodes.join(', ') });
  if (r.csr && r.csr.workers != null && r.csr.workers > 0) out.push({ key: 'csr', label: 'CSR untuk pekerja rentan', value: `${n(r.csr.workers)} pekerja${r.csr.budgetRupiah ? `, ${idFormats.rupiah(r.csr.budgetRupiah)}` : ''}` });
  if (r.innovation) out.push({ key: 'innovation', label: 'Inovasi (terverifikasi)', value: r.innovation });
  if (f.advancesTo) out.push({ key: 'advances', label: 'Maju ke', value: f.advancesTo.name });
  out.push({ key: 'award.about', label: 'Tentang Paritrana Award', value: 'Keterangan tetap tentang penghargaan' });
  return out;
}
