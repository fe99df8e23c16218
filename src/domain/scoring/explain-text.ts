/**
 * An explanation as text a person can follow line by line, in Bahasa
 * Indonesia (default) or English.
 */
import type { Explanation, IndicatorExplanation } from './explain.ts';
import type { JurorAggregate, Scale } from './types.ts';

export type Lang = 'id' | 'en';

type Words = {
  title: string;
  pool: (p: { edition: string; level: string; area: string | undefined; category: string }) => string;
  method: (agg: string, decimals: number) => string;
  aggregates: Record<JurorAggregate, string>;
  stage: string;
  aspect: string;
  indicator: string;
  weight: string;
  ofFinal: string;
  of: (what: string) => string;
  scale: (s: Scale) => string;
  value: string;
  missing: string;
  marks: string;
  ignored: string;
  noMarks: string;
  aggregate: (name: string) => string;
  score: string;
  contribution: string;
  toFinal: string;
  allEqual: string;
  band: (min: string) => string;
  elseBand: string;
  option: string;
  yes: string;
  no: string;
  clamped: string;
  aspectScore: string;
  stageScore: string;
  final: string;
  rank: (rank: number, of: number) => string;
  award: (award: number) => string;
  noAward: string;
  advances: string;
  staysBack: string;
  flags: string;
  none: string;
};

const fmt = (lang: Lang) => {
  const nf = new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-US', { maximumFractionDigits: 10 });
  return (n: number): string => nf.format(n);
};

const words = (lang: Lang): Words => {
  const n = fmt(lang);
  if (lang === 'id') {
    return {
      title: 'Penjelasan nilai',
      pool: (p) => `Pool: edisi ${p.edition}, tingkat ${p.level}${p.area ? `, wilayah ${p.area}` : ''}, kategori ${p.category}`,
      method: (agg, d) => `Metode: agregat nilai juri ${agg}; setiap nilai dihitung dengan presisi penuh dan diumumkan dengan pembulatan ${d} desimal (setengah menjauhi nol)`,
      aggregates: { mean: 'rata-rata', median: 'median', 'trimmed-mean': 'rata-rata terpangkas (5 nilai atau lebih: tanpa satu tertinggi dan satu terendah)' },
      stage: 'Tahap',
      aspect: 'Aspek',
      indicator: 'Indikator',
      weight: 'bobot',
      ofFinal: 'dari nilai akhir',
      of: (what) => `dari ${what}`,
      scale: (s) => {
        switch (s.type) {
          case 'rubric': return `rubrik ${n(s.min)}..${n(s.max)}, dinilai juri`;
          case 'linear': return `linear, dasar ${n(s.floor)}, target ${n(s.target)}${s.target < s.floor ? ', makin rendah makin baik' : ''}`;
          case 'bands': return `pita: ${s.bands.map((b) => `≥ ${n(b.min)} → ${n(b.score)}`).join('; ')}; lainnya → ${n(s.else)}`;
          case 'choice': return `pilihan: ${Object.entries(s.options).map(([k, v]) => `${k} → ${n(v)}`).join(', ')}`;
          case 'check': return 'ya/tidak: ya → 100, tidak → 0';
          case 'relative': return 'relatif terhadap kandidat lain dalam pool';
        }
      },
      value: 'nilai data',
      missing: 'tidak ada nilai data → skor 0',
      marks: 'nilai juri',
      ignored: 'diabaikan karena konflik kepentingan',
      noMarks: 'tidak ada nilai juri yang sah → skor 0',
      aggregate: (name) => `agregat (${name})`,
      score: 'skor',
      contribution: 'kontribusi ke aspek',
      toFinal: 'ke nilai akhir',
      allEqual: 'semua kandidat yang memiliki nilai sama',
      band: (min) => `masuk pita ≥ ${min}`,
      elseBand: 'tidak masuk pita mana pun',
      option: 'opsi',
      yes: 'ya',
      no: 'tidak',
      clamped: 'dibatasi 0..1',
      aspectScore: 'Nilai aspek',
      stageScore: 'Nilai tahap',
      final: 'Nilai akhir',
      rank: (r, of) => `Peringkat ${r} dari ${of}`,
      award: (a) => `Juara ${a}`,
      noAward: 'tidak mendapat penghargaan',
      advances: 'lanjut ke tingkat berikutnya',
      staysBack: 'tidak lanjut ke tingkat berikutnya',
      flags: 'Catatan',
      none: 'tidak ada',
    };
  }
  return {
    title: 'Score explanation',
    pool: (p) => `Pool: edition ${p.edition}, level ${p.level}${p.area ? `, area ${p.area}` : ''}, category ${p.category}`,
    method: (agg, d) => `Method: juror aggregate ${agg}; every score is computed in full precision and published rounded to ${d} decimals (half away from zero)`,
    aggregates: { mean: 'mean', median: 'median', 'trimmed-mean': 'trimmed mean (5 marks or more: without one highest and one lowest)' },
    stage: 'Stage',
    aspect: 'Aspect',
    indicator: 'Indicator',
    weight: 'weight',
    ofFinal: 'of the final score',
    of: (what) => `of ${what}`,
    scale: (s) => {
      switch (s.type) {
        case 'rubric': return `rubric ${n(s.min)}..${n(s.max)}, marked by jurors`;
        case 'linear': return `linear, floor ${n(s.floor)}, target ${n(s.target)}${s.target < s.floor ? ', lower is better' : ''}`;
        case 'bands': return `bands: ${s.bands.map((b) => `≥ ${n(b.min)} → ${n(b.score)}`).join('; ')}; else → ${n(s.else)}`;
        case 'choice': return `choice: ${Object.entries(s.options).map(([k, v]) => `${k} → ${n(v)}`).join(', ')}`;
        case 'check': return 'yes/no: yes → 100, no → 0';
        case 'relative': return 'relative to the other candidates of the pool';
      }
    },
    value: 'data value',
    missing: 'no data value → score 0',
    marks: 'jurors’ marks',
    ignored: 'ignored for a conflict of interest',
    noMarks: 'no valid mark → score 0',
    aggregate: (name) => `aggregate (${name})`,
    score: 'score',
    contribution: 'contribution to the aspect',
    toFinal: 'to the final score',
    allEqual: 'all candidates with a value are equal',
    band: (min) => `in the band ≥ ${min}`,
    elseBand: 'in no band',
    option: 'option',
    yes: 'yes',
    no: 'no',
    clamped: 'clamped to 0..1',
    aspectScore: 'Aspect score',
    stageScore: 'Stage score',
    final: 'Final score',
    rank: (r, of) => `Rank ${r} of ${of}`,
    award: (a) => `Juara ${a} (award ${a})`,
    noAward: 'no award',
    advances: 'advances to the next level',
    staysBack: 'does not advance',
    flags: 'Flags',
    none: 'none',
  };
};

const pct = (share: number, n: (x: number) => string): string => `${n(Math.round(share * 10_000) / 100)}%`;

function derivation(ind: IndicatorExplanation, w: Words, n: (x: number) => string): string {
  const s = ind.scale;
  const score = `${w.score} ${n(ind.score)}`;
  if (ind.source === 'rubric') {
    if (ind.aggregate == null || s.type !== 'rubric') return w.noMarks;
    return `${n(ind.aggregate)} → (${n(ind.aggregate)} − ${n(s.min)}) / (${n(s.max)} − ${n(s.min)}) × 100 = ${score}`;
  }
  const v = ind.value;
  if (v === null || v === undefined) return w.missing;
  switch (s.type) {
    case 'linear':
      return `${n(v as number)} → (${n(v as number)} − ${n(s.floor)}) / (${n(s.target)} − ${n(s.floor)}), ${w.clamped}, × 100 = ${score}`;
    case 'bands': {
      const band = s.bands.find((b) => b.min <= (v as number));
      return `${n(v as number)} → ${band ? w.band(n(band.min)) : w.elseBand} → ${score}`;
    }
    case 'choice':
      return `${w.option} "${String(v)}" → ${score}`;
    case 'check':
      return `${v === true ? w.yes : w.no} → ${score}`;
    case 'relative': {
      const r = ind.range!;
      return r.min === r.max
        ? `${n(v as number)} → ${w.allEqual} (${n(r.min)}) → ${score}`
        : `${n(v as number)} → (${n(v as number)} − ${n(r.min)}) / (${n(r.max)} − ${n(r.min)}) × 100 = ${score}`;
    }
    case 'rubric':
      return score;
  }
}

/** The explanation as lines of text. */
export function formatExplanation(e: Explanation, lang: Lang = 'id'): string {
  const w = words(lang);
  const n = fmt(lang);
  const out: string[] = [];
  out.push(`${w.title}: ${e.candidate}${e.name ? ` — ${e.name}` : ''}`);
  out.push(w.pool({ edition: e.pool.edition, level: e.pool.level, area: e.pool.area, category: e.pool.category }));
  out.push(w.method(w.aggregates[e.method.jurorAggregate], e.method.decimals));
  for (const stage of e.stages) {
    out.push('');
    out.push(`${w.stage} ${stage.id} — ${w.weight} ${n(stage.weight)} (${pct(stage.share, n)} ${w.ofFinal})`);
    for (const aspect of stage.aspects) {
      out.push(`  ${w.aspect} ${aspect.id} — ${w.weight} ${n(aspect.weight)} (${pct(aspect.share, n)} ${w.of(`${w.stage.toLowerCase()} ${stage.id}`)})`);
      for (const ind of aspect.indicators) {
        out.push(`    ${w.indicator} ${ind.id} [${w.scale(ind.scale)}] — ${w.weight} ${n(ind.weight)} (${pct(ind.share, n)} ${w.of(`${w.aspect.toLowerCase()} ${aspect.id}`)})`);
        if (ind.source === 'data') {
          out.push(`      ${w.value}: ${derivation(ind, w, n)}`);
        } else {
          const marks = (ind.marks ?? []).map((m) => `${m.juror} = ${n(m.value)}`).join(', ') || w.none;
          out.push(`      ${w.marks}: ${marks}`);
          if (ind.ignored && ind.ignored.length > 0) {
            out.push(`      ${w.ignored}: ${ind.ignored.map((m) => `${m.juror} = ${n(m.value)}`).join(', ')}`);
          }
          out.push(`      ${w.aggregate(w.aggregates[e.method.jurorAggregate])}: ${derivation(ind, w, n)}`);
        }
        out.push(`      ${w.contribution}: ${pct(ind.share, n)} × ${n(ind.score)} = ${n(ind.contribution)}; ${w.toFinal}: ${n(ind.toFinal)}`);
      }
      const terms = aspect.indicators.map((i) => `${pct(i.share, n)} × ${n(i.score)}`).join(' + ');
      out.push(`  ${w.aspectScore} ${aspect.id} = ${terms} = ${n(aspect.score)}`);
    }
    const terms = stage.aspects.map((a) => `${pct(a.share, n)} × ${n(a.score)}`).join(' + ');
    out.push(`${w.stageScore} ${stage.id} = ${terms} = ${n(stage.score)}`);
  }
  out.push('');
  const terms = e.stages.map((s) => `${pct(s.share, n)} × ${n(s.score)}`).join(' + ');
  out.push(`${w.final} = ${terms} = ${n(e.score)}`);
  out.push(`${w.rank(e.rank, e.candidates)}; ${e.award !== null ? w.award(e.award) : w.noAward}; ${e.advances ? w.advances : w.staysBack}`);
  out.push(`${w.flags}: ${e.flags.length > 0 ? e.flags.join(', ') : w.none}`);
  return `${out.join('\n')}\n`;
}
