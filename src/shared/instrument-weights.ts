/**
 * The effective weight of each indicator of an instrument: its share of the
 * final score in percent, the product of its share of its aspect, the
 * aspect's share of its stage and the stage's share of the whole (weights
 * need not sum to 100; spec/scoring.md). The effective weights of all
 * indicators sum to 100.
 */
type Weighted = { id: string; weight: number };
type Tree = { stages: (Weighted & { aspects: (Weighted & { indicators: Weighted[] })[] })[] };

const share = (item: Weighted, all: Weighted[]) => {
  const total = all.reduce((s, x) => s + x.weight, 0);
  return total > 0 ? item.weight / total : 0;
};

export function effectiveWeights(instrument: Tree): Record<string, number> {
  const out: Record<string, number> = {};
  for (const stage of instrument.stages) {
    for (const aspect of stage.aspects) {
      for (const indicator of aspect.indicators) {
        out[indicator.id] = share(stage, instrument.stages) * share(aspect, stage.aspects) * share(indicator, aspect.indicators) * 100;
      }
    }
  }
  return out;
}
