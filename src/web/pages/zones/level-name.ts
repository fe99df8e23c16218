import type { TFunction } from 'i18next';
import type { Level } from '../../../shared/contracts/index.ts';
import { levelTitle } from '../../components/labels.ts';

/** A level's name as the edition calls it ("Regional Sumatera"), else the name of its kind. */
export function levelName(levels: readonly Level[] | undefined, code: string, t: TFunction): string {
  const level = levels?.find((l) => l.code === code);
  return level ? levelTitle(level.name, t) : t(`levelKinds.${code}`, { defaultValue: code });
}
