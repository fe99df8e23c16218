import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { id } from '../shared/i18n/id.ts';
import { en } from '../shared/i18n/en.ts';
import type { Lang } from '../shared/i18n/format.ts';

const stored = typeof localStorage !== 'undefined' ? localStorage.getItem('paritrana.lang') : null;
export const initialLang: Lang = stored === 'en' ? 'en' : 'id';

void i18next.use(initReactI18next).init({
  resources: { id: { translation: id }, en: { translation: en } },
  lng: initialLang,
  fallbackLng: 'id',
  interpolation: { escapeValue: false },
});
document.documentElement.lang = initialLang;

export function setLanguage(lang: Lang): void {
  localStorage.setItem('paritrana.lang', lang);
  document.documentElement.lang = lang;
  void i18next.changeLanguage(lang);
}

export default i18next;
