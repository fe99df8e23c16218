/**
 * A new version of a default instrument made from the previous one: the
 * aspects named get new indicator lists, everything else (stages, weights,
 * rubric descriptors) is carried over unchanged.
 */
import type { DataIndicator, Instrument, InstrumentIndicator, Label } from './types.ts';

export function indicatorOf(instrument: Instrument, id: string): InstrumentIndicator {
  const found = instrument.stages.flatMap((s) => s.aspects.flatMap((a) => a.indicators)).find((i) => i.id === id);
  if (!found) throw new Error(`${instrument.id} has no indicator ${id}`);
  return found;
}

/** An indicator of the base instrument with another weight (and, for a data indicator, another scale). */
export function carried(instrument: Instrument, id: string, weight: number, scale?: DataIndicator['scale']): InstrumentIndicator {
  const found = indicatorOf(instrument, id);
  return found.source === 'data' && scale ? { ...found, weight, scale } : { ...found, weight };
}

export function revise(base: Instrument, version: number, label: Label, aspects: Record<string, InstrumentIndicator[]>): Instrument {
  return {
    ...base,
    id: `${base.family}.v${version}`,
    version,
    label,
    stages: base.stages.map((stage) => ({
      ...stage,
      aspects: stage.aspects.map((aspect) => (aspects[aspect.id] ? { ...aspect, indicators: aspects[aspect.id]! } : aspect)),
    })),
  };
}
