/**
 * The draft press release (*siaran pers*) about one winner, in Bahasa
 * Indonesia and in the register of the award's news reports. Every sentence
 * is built from facts the system holds (WinnerFacts) and names the facts it
 * states; when a fact is missing its sentence is left out, never guessed.
 * Numbers, money and dates are written by the formats given (id-ID:
 * "9.360", "Rp600,1 juta", "Rabu, 13 Agustus 2025").
 */
import { programTotals, type WinnerFacts } from './winner-facts.ts';
import { fullSubject, fundingWords, listWords, lowerFirst, regionOf, regulationName, segmentWords, shortSubject } from './wording.ts';

export type Formats = {
  number: (value: number, digits?: number) => string;
  rupiah: (value: number) => string;
  date: (isoDate: string) => string;
};

/** One sentence and the facts it states. */
export type Sentence = { text: string; facts: string[] };
export type PressReleaseDraft = { title: string; paragraphs: Sentence[][] };

/** The fixed description of the award closing every release (DOMAIN.md, "What the award is"). */
export const aboutAward =
  'Paritrana Award merupakan penghargaan pemerintah yang digagas Kementerian Koordinator Bidang Pembangunan Manusia dan Kebudayaan (Kemenko PMK) bersama BPJS Ketenagakerjaan bagi pemerintah daerah dan pelaku usaha yang berkomitmen memperluas perlindungan jaminan sosial ketenagakerjaan.';

function levelPhrase(level: WinnerFacts['level'] | NonNullable<WinnerFacts['advancesTo']>): string {
  if (level.kind === 'provinsi') return 'areaName' in level && level.areaName ? `tingkat Provinsi ${level.areaName}` : 'tingkat provinsi';
  if (level.kind === 'nasional') return 'tingkat nasional';
  return level.name;
}

function levelTitle(level: WinnerFacts['level']): string {
  if (level.kind === 'provinsi') return level.areaName ? `Tingkat Provinsi ${level.areaName}` : 'Tingkat Provinsi';
  if (level.kind === 'nasional') return 'Tingkat Nasional';
  return level.name;
}

/** The first sentences of a narrative, up to about `limit` characters, cut at a sentence or word. */
export function excerpt(text: string, limit = 300): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= limit) return clean;
  const sentences = clean.match(/[^.!?]+[.!?]+(\s|$)/g) ?? [];
  let out = '';
  for (const s of sentences) {
    if ((out + s).trim().length > limit) break;
    out += s;
  }
  if (out.trim() !== '') return out.trim();
  const cut = clean.slice(0, limit);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : limit)}…`;
}

function ceremonySentences(f: WinnerFacts, fmt: Formats): Sentence[] {
  const h = f.handover;
  // A recorded presenter replaces the signatory who was to hand the award over.
  const signatory = f.signatories.find((s) => s.handsOver);
  const presenter = h.presenter ? { ...h.presenter, fact: 'handover.presenter' } : signatory ? { name: signatory.name, title: signatory.title, fact: 'presenter' } : null;
  // A hand-over at another event replaces the ceremony's date and place.
  const when = h.occasion
    ? { date: h.occasion.date, place: h.occasion.place, facts: ['handover.date', 'handover.place'] as const }
    : f.ceremony
      ? { date: f.ceremony.date, place: f.ceremony.place, facts: ['ceremony.date', 'ceremony.place'] as const }
      : null;
  if (!presenter && !when && !h.occasion && !h.representative) return [];
  const facts: string[] = [];
  let text = 'Penghargaan tersebut diserahkan';
  if (presenter) {
    text += ` oleh ${presenter.title}, ${presenter.name},`;
    facts.push(presenter.fact);
  }
  if (h.occasion) {
    text += ` dalam acara ${h.occasion.name}`;
    facts.push('handover.occasion');
  }
  if (when) {
    text += ` pada ${fmt.date(when.date)}`;
    facts.push(when.facts[0]);
    if (when.place) {
      text += ` di ${when.place}`;
      facts.push(when.facts[1]);
    }
  }
  text = text.replace(/,$/, '');
  if (h.representative) {
    const r = h.representative;
    text = `${facts.length > 0 ? `${text} dan diterima` : 'Penghargaan tersebut diterima'} oleh ${r.title}, ${r.name}${r.onBehalfOf ? `, yang hadir mewakili ${r.onBehalfOf}` : ''}`;
    facts.push('handover.representative');
  }
  return [{ text: `${text}.`, facts }];
}

function signatorySentence(f: WinnerFacts): Sentence[] {
  if (f.signatories.length === 0) return [];
  return [{ text: `Piagam penghargaan ditandatangani oleh ${listWords(f.signatories.map((s) => `${s.name} selaku ${s.title}`))}.`, facts: ['signatories'] }];
}

function scoreSentence(f: WinnerFacts, short: string, fmt: Formats): Sentence {
  const stages = f.stages.map((s) => `${lowerFirst(s.label)} ${fmt.number(s.score, 2)}`);
  return {
    text: `Dalam penilaian oleh tim penilai, ${short} memperoleh nilai akhir ${fmt.number(f.score, 2)}${stages.length > 1 ? `, dengan nilai ${listWords(stages)}` : ''}.`,
    facts: stages.length > 1 ? ['score', 'stages'] : ['score'],
  };
}

function regionFacts(f: WinnerFacts, short: string, fmt: Formats): Sentence[] {
  const out: Sentence[] = [];
  const v = f.values;
  const where = regionOf(f.candidate.name) ? f.candidate.name : short;
  if (v.coveragePct != null) {
    out.push({ text: `Capaian cakupan kepesertaan jaminan sosial ketenagakerjaan di ${where} tercatat ${fmt.number(v.coveragePct, 2)} persen.`, facts: ['coverage_pct'] });
  }
  if (v.govFunded != null && v.govFunded > 0) {
    out.push({ text: `Sebanyak ${fmt.number(v.govFunded)} pekerja di ${where} terdaftar sebagai peserta yang iurannya dibiayai anggaran daerah.`, facts: ['gov_funded'] });
  }
  const regs = f.verified.regulations.map((r) => {
    const number = r.number ? ` Nomor ${r.number}` : '';
    const title = r.title ? ` tentang ${r.title}` : '';
    return `${regulationName(r.type, f.candidate.name)}${number}${title}`;
  });
  if (regs.length > 0) out.push({ text: `Komitmen tersebut dituangkan dalam ${listWords(regs)}.`, facts: ['regulations'] });
  const agreements = f.verified.agreements.map((g) => {
    const kind = g.type === 'mou' ? 'nota kesepahaman (MoU)' : 'perjanjian kerja sama (PKS)';
    return `${kind}${g.number ? ` Nomor ${g.number}` : ''}${g.parties ? ` antara ${g.parties}` : ''}`;
  });
  if (agreements.length > 0) out.push({ text: `${short} juga telah menandatangani ${listWords(agreements)}.`, facts: ['agreements'] });
  const programs = f.verified.programs.map((p) => {
    const who = segmentWords[p.segment] ?? segmentWords.lainnya!;
    const people = p.people != null ? `${fmt.number(p.people)} ${who}` : who;
    const budget = p.budgetRupiah != null ? ` dengan anggaran ${fmt.rupiah(p.budgetRupiah)}` : '';
    return `${people}${budget} dari ${fundingWords[p.fundingSource] ?? fundingWords.lainnya!}`;
  });
  if (programs.length > 0) {
    out.push({ text: `Melalui program perlindungan pekerja, ${short} telah melindungi ${listWords(programs)}.`, facts: ['programs'] });
    const totals = programTotals(f.verified.programs);
    if (f.verified.programs.length > 1 && totals.people != null && f.verified.programs.every((p) => p.people != null)) {
      const budget = totals.budgetRupiah != null && f.verified.programs.every((p) => p.budgetRupiah != null) ? ` dengan total anggaran ${fmt.rupiah(totals.budgetRupiah)}` : '';
      out.push({ text: `Secara keseluruhan, ${fmt.number(totals.people)} pekerja terlindungi${budget}.`, facts: ['programs'] });
    }
  }
  return out;
}

function companyFacts(f: WinnerFacts, short: string, fmt: Formats): Sentence[] {
  const out: Sentence[] = [];
  if (f.values.workers != null) out.push({ text: `Sebanyak ${fmt.number(f.values.workers)} pekerja ${short} terdaftar sebagai peserta aktif BPJS Ketenagakerjaan.`, facts: ['workers'] });
  if (f.verified.programCodes.length > 0) {
    out.push({ text: `Pekerja ${short} diikutsertakan dalam program ${listWords(f.verified.programCodes)}.`, facts: ['program_codes'] });
  }
  if (f.values.supplyChainPct != null) {
    out.push({ text: `Sebanyak ${fmt.number(f.values.supplyChainPct, 2)} persen mitra dan pemasok ${short} telah terdaftar sebagai peserta.`, facts: ['supply_chain_pct'] });
  }
  const csr = f.verified.csr;
  if (csr && csr.workers != null && csr.workers > 0) {
    const budget = csr.budgetRupiah != null && csr.budgetRupiah > 0 ? ` dengan anggaran ${fmt.rupiah(csr.budgetRupiah)}` : '';
    out.push({ text: `Melalui program tanggung jawab sosial perusahaan (CSR), ${short} melindungi ${fmt.number(csr.workers)} pekerja rentan${budget}.`, facts: ['csr'] });
  }
  return out;
}

/** The draft of a winner's press release, sentence by sentence with the facts each states. */
export function draftPressRelease(f: WinnerFacts, fmt: Formats): PressReleaseDraft {
  const subject = fullSubject(f.candidate);
  const short = shortSubject(f.candidate);
  const lead: Sentence[] = [
    {
      text: `${subject} meraih Juara ${f.award} ${f.edition.label} ${levelPhrase(f.level)} untuk kategori ${f.category.name}.`,
      facts: ['winner'],
    },
    ...ceremonySentences(f, fmt),
    ...signatorySentence(f),
  ];
  const basis: Sentence[] = [scoreSentence(f, short, fmt), ...(f.candidate.kind === 'pemda' ? regionFacts(f, short, fmt) : companyFacts(f, short, fmt))];
  if (f.verified.innovation) {
    basis.push({ text: `Dalam penilaian, ${short} memaparkan inovasinya: “${excerpt(f.verified.innovation)}”`, facts: ['innovation'] });
  }
  const next: Sentence[] = f.advancesTo
    ? [{ text: `Sebagai Juara ${f.award}, ${short} selanjutnya mewakili ${f.level.areaName ? `Provinsi ${f.level.areaName}` : levelPhrase(f.level)} dalam penilaian ${levelPhrase(f.advancesTo)}.`, facts: ['advances'] }]
    : [];
  return {
    title: `${subject} Raih Juara ${f.award} ${f.edition.label} ${levelTitle(f.level)}`,
    paragraphs: [lead, basis, next, [{ text: aboutAward, facts: ['award.about'] }]].filter((p) => p.length > 0),
  };
}

/** The draft as the editable text: paragraphs separated by a blank line. */
export function draftText(draft: PressReleaseDraft): string {
  return draft.paragraphs.map((p) => p.map((s) => s.text).join(' ')).join('\n\n');
}
