import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { ka } from './ka';

const STORAGE_KEY = 'sajaro.uiLanguage';

/** The interface languages; Georgian first, as the acts are. */
export const UI_LANGUAGES = ['ka', 'en'] as const;
/** An interface language. */
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** Starts i18next with both languages; the choice is remembered on this computer. */
export function initI18n(): typeof i18next {
  const saved = localStorage.getItem(STORAGE_KEY);
  void i18next.use(initReactI18next).init({
    resources: { ka: { translation: ka }, en: { translation: en } },
    lng: saved === 'en' || saved === 'ka' ? saved : 'ka',
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  });
  document.documentElement.lang = i18next.language;
  return i18next;
}

/** Switches the interface language and remembers it. */
export function setUiLanguage(language: UiLanguage): void {
  localStorage.setItem(STORAGE_KEY, language);
  void i18next.changeLanguage(language);
  document.documentElement.lang = language;
}
