import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { resources } from './resources.ts';

const saved = typeof localStorage !== 'undefined' ? localStorage.getItem('tillit.lang') : null;

void i18n.use(initReactI18next).init({
  resources,
  lng: saved === 'en' ? 'en' : 'nb',
  fallbackLng: 'nb',
  interpolation: { escapeValue: false },
});

/** Keeps <html lang> right for screen readers (WCAG 3.1.1) and remembers the choice. */
export function setLanguage(lng: 'nb' | 'en') {
  void i18n.changeLanguage(lng);
  localStorage.setItem('tillit.lang', lng);
  document.documentElement.lang = lng;
}
// Unit tests of formatting (time.ts) load this outside a browser.
if (typeof document !== 'undefined') document.documentElement.lang = i18n.language;

export default i18n;

/** The BCP 47 locale for dates and numbers in the current language. */
export const locale = () => (i18n.language === 'en' ? 'en-GB' : 'nb-NO');
