/**
 * The instrument page's weights by field path, as the server's schema names
 * them: `instrument.stages.0.weight`, `instrument.stages.0.aspects.1.weight`,
 * `instrument.stages.0.aspects.1.indicators.2.weight`.
 */
type Weighted = { weight: number };
type Tree = { stages: (Weighted & { aspects: (Weighted & { indicators: Weighted[] })[] })[] };

export const weightField = (path: readonly number[]): string => {
  const [si, ai, ii] = path;
  const stage = `instrument.stages.${si}`;
  if (ai === undefined) return `${stage}.weight`;
  if (ii === undefined) return `${stage}.aspects.${ai}.weight`;
  return `${stage}.aspects.${ai}.indicators.${ii}.weight`;
};

/** Every weight field of the instrument, stages first. */
export function weightFields(instrument: Tree): string[] {
  return instrument.stages.flatMap((s, si) => [weightField([si]), ...s.aspects.flatMap((a, ai) => [weightField([si, ai]), ...a.indicators.map((_, ii) => weightField([si, ai, ii]))])]);
}

/**
 * The weights of every list (the stages, a stage's aspects, an aspect's
 * indicators) whose weights are all 0: such a list cannot share a score, so
 * each of its weights is marked and nothing is sent.
 */
export function zeroWeightFields(instrument: Tree): string[] {
  const zero = (list: Weighted[]) => list.length > 0 && list.every((x) => x.weight === 0);
  const out: string[] = [];
  if (zero(instrument.stages)) instrument.stages.forEach((_, si) => out.push(weightField([si])));
  instrument.stages.forEach((s, si) => {
    if (zero(s.aspects)) s.aspects.forEach((_, ai) => out.push(weightField([si, ai])));
    s.aspects.forEach((a, ai) => {
      if (zero(a.indicators)) a.indicators.forEach((_, ii) => out.push(weightField([si, ai, ii])));
    });
  });
  return out;
}

/**
 * How the page names a path the server's instrument check refused: its
 * indices are written `stages[0]` there, `stages.0` here; a list whose
 * weights sum to 0 is shown on its first weight.
 */
export function scoringField(path: string): string {
  const dotted = path.replace(/\[(\d+)\]/g, '.$1');
  return /(^|\.)(stages|aspects|indicators)$/.test(dotted) && dotted.startsWith('instrument.') ? `${dotted}.0.weight` : dotted;
}
