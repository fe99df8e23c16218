import type { TFunction } from 'i18next';
import type { Level } from '../../../shared/contracts/index.ts';

/** A level's name as the edition calls it ("Regional Sumatera"), else the name of its kind. */
export function levelName(levels: readonly Level[] | undefined, code: string, t: TFunction): string {
  return levels?.find((l) => l.code === code)?.name ?? t(`levelKinds.${code}`, { defaultValue: code });
}
