// UI text in English and Korean. The language comes from the student's choice (kept in this browser), else the
// browser's language; t(key, values) fills {name} placeholders. Every key exists in both languages (a unit test
// holds them together), so a screen never shows a key instead of a sentence.
import en from '../i18n/en.js';
import ko from '../i18n/ko.js';
import reviewEn from '../i18n/review.en.js';
import reviewKo from '../i18n/review.ko.js';
import consoleEn from '../i18n/console.en.js';
import consoleKo from '../i18n/console.ko.js';

export const LANGUAGES = { en: 'English', ko: '한국어' };
// The student's screens, the TA's review desk and the instructor's console each keep their own dictionary.
const MESSAGES = { en: { ...en, ...reviewEn, ...consoleEn }, ko: { ...ko, ...reviewKo, ...consoleKo } };
const STORAGE_KEY = 'backprop.language';
let language = 'en';

/** Returns the language to start in: the stored choice, else the first of the browser's languages we have. */
export function initialLanguage(stored, browserLanguages = []) {
  if (stored && MESSAGES[stored]) {
    return stored;
  }
  const match = browserLanguages.map((tag) => tag.slice(0, 2).toLowerCase()).find((code) => MESSAGES[code]);
  return match ?? 'en';
}

export function currentLanguage() {
  return language;
}

/** Switches the language (and remembers it when {@code storage} is given); the app re-renders after. */
export function setLanguage(code, storage = null) {
  language = MESSAGES[code] ? code : 'en';
  storage?.setItem(STORAGE_KEY, language);
  if (typeof document !== 'undefined') {
    document.documentElement.lang = language;
  }
}

/** Starts in the browser's language, or the one chosen before. */
export function startLanguage(storage, browserLanguages) {
  setLanguage(initialLanguage(storage?.getItem(STORAGE_KEY), browserLanguages));
}

/** Returns the text of {@code key} in the current language with {@code values} filled in. */
export function t(key, values = {}) {
  const text = MESSAGES[language][key] ?? MESSAGES.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

/** The dictionaries, for the test that holds the two languages together. */
export const messages = MESSAGES;
