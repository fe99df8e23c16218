import type { TFunction } from 'i18next';
import type { Category } from '../../shared/contracts/index.ts';
import type { Lang } from '../../shared/i18n/format.ts';

/** A category by its code, in the reader's language (the code itself when unknown). */
export function categoryName(categories: Pick<Category, 'code' | 'nameId' | 'nameEn'>[] | undefined, code: string, lang: Lang): string {
  const category = categories?.find((c) => c.code === code);
  return category ? (lang === 'en' ? category.nameEn : category.nameId) : code;
}

/**
 * What a missing-item path of the self-assessment means to a person:
 * `regulations.0.evidenceIds` → "Regulasi #1: bukti terlampir".
 */
export function missingLabel(path: string, t: TFunction): string {
  const [section = '', index, field] = path.split('.');
  const sectionName = t(`sa.sections.${section}`, { defaultValue: section });
  if (index !== undefined && /^\d+$/.test(index)) {
    return `${sectionName} #${Number(index) + 1}: ${t(`sa.fields.${field ?? ''}`, { defaultValue: field ?? '' })}`;
  }
  if (index !== undefined) return `${sectionName}: ${t(`sa.fields.${index}`, { defaultValue: index })}`;
  // A whole list is missing (regulations, programs), or a single figure (workers).
  return `${sectionName}: ${section === 'workers' ? t('sa.required') : t('sa.atLeastOne')}`;
}

/** An audit action of a candidate's history in words. */
export function actionLabel(action: string, t: TFunction): string {
  return t(`history.actions.${action.replace(/\./g, '_')}`, { defaultValue: action });
}

/** A role in words, with its province by name: "Admin provinsi, Nusa Tenggara Barat" (never "ADMIN PROVINSI 52"). */
export function roleLabel(role: { role: string; provinceCode: string | null }, t: TFunction, provinces: { code: string; name: string }[] | undefined): string {
  const name = t(`roles.${role.role}`, { defaultValue: role.role });
  if (!role.provinceCode) return name;
  return `${name}, ${provinces?.find((p) => p.code === role.provinceCode)?.name ?? t('provinceCode', { code: role.provinceCode })}`;
}

/**
 * The name a level is shown by. The two levels every edition starts with
 * ("Tingkat Provinsi", "Tingkat Nasional") are said in the reader's language;
 * a level the committee named itself ("Zona Sumatera") keeps its name.
 */
export function levelTitle(name: string, t: TFunction): string {
  const standard = standardLevels[name];
  return standard ? t(`levelTitles.${standard}`) : name;
}

const standardLevels: Record<string, string> = { 'Tingkat Provinsi': 'provinsi', 'Tingkat Nasional': 'nasional' };
