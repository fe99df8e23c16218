/**
 * Benchmark (not a test): a provincial pool of 50 regencies/cities and a panel
 * of 9 jurors on the default Pemda instrument, with seeded random data and
 * marks; times scoring once and 10,000 sensitivity runs.
 *
 *     npm run bench:score
 */
import { buildScoringPackage, pemdaV1 } from '../src/domain/instruments/index.ts';
import { mulberry32, runSensitivity, scorePackage } from '../src/domain/scoring/index.ts';
import type { Mark } from '../src/domain/scoring/index.ts';

const random = mulberry32(2025);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const between = (lo: number, hi: number, decimals = 2): number => Number((lo + random() * (hi - lo)).toFixed(decimals));

const candidates = Array.from({ length: 50 }, (_, i) => ({ id: `18.${String(i + 1).padStart(2, '0')}`, name: `Kabupaten ${i + 1}` }));
const values = Object.fromEntries(
  candidates.map((c) => [
    c.id,
    {
      regulation_type: pick(['perda', 'perkada', 'instruksi', 'surat-edaran', 'none']),
      gov_funded: Math.floor(random() * 10_000),
      coverage_pct: between(10, 70),
      growth_pct: between(-5, 15),
      bpu_coverage_pct: between(2, 40),
      head_attendance: pick(['kepala-daerah', 'wakil', 'sekda', 'tidak-hadir']),
    },
  ]),
);
const jurors = Array.from({ length: 9 }, (_, i) => ({ id: `j${i + 1}`, conflicts: random() < 0.3 ? [pick(candidates).id] : [] }));
const rubric = pemdaV1.stages.flatMap((s) => s.aspects.flatMap((a) => a.indicators)).filter((i) => i.source === 'rubric');
const marks: Mark[] = jurors.flatMap((j) =>
  candidates.flatMap((c) => rubric.map((i) => ({ juror: j.id, candidate: c.id, indicator: i.id, value: 1 + Math.floor(random() * 5) }))),
);

const pkg = buildScoringPackage({
  instrument: pemdaV1,
  pool: { edition: '2025', level: 'provinsi', area: '18', category: 'pemkab-kota' },
  method: { tieBreak: ['wawancara', 'kinerja'] },
  candidates,
  values,
  jurors,
  marks,
});

let start = performance.now();
const result = scorePackage(pkg);
const scoreMs = performance.now() - start;

start = performance.now();
const report = runSensitivity(pkg, { runs: 10_000, spread: 20, seed: 1 });
const sensitivityMs = performance.now() - start;

const winner = result.results[0]!;
const stable = report.candidates.filter((c) => c.keepsRank === 1).length;
process.stdout.write(
  [
    `pool: ${candidates.length} candidates, ${jurors.length} jurors, ${marks.length} marks, ${rubric.length} rubric and ${Object.keys(values[candidates[0]!.id]!).length} data indicators`,
    `score once:             ${scoreMs.toFixed(1)} ms (Juara 1: ${winner.candidate}, ${winner.score})`,
    `sensitivity 10000 runs: ${sensitivityMs.toFixed(1)} ms (includes scoring once; ${stable} of ${candidates.length} keep their rank in every run; award winners change in ${(report.winnersChange * 100).toFixed(2)}% of runs)`,
    `total:                  ${(scoreMs + sensitivityMs).toFixed(1)} ms`,
    '',
  ].join('\n'),
);
