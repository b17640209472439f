/**
 * The app's one i18next instance. English is bundled; Chinese is a dynamic import fetched only
 * when chosen, so the initial JS stays small. `i18nReady` settles once the starting language
 * is loaded; the app renders after it (React's `use`), so a Chinese visitor never sees a flash
 * of English.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { detectLanguage, htmlLang, type Language, STORAGE_KEY } from './detect.ts';
import { en } from './en.ts';

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { en: { ui: en } },
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: ['en', 'zh'],
  ns: ['ui'],
  defaultNS: 'ui',
  partialBundledLanguages: true,
  // React escapes; i18next must not escape a second time.
  interpolation: { escapeValue: false },
  returnNull: false,
  returnEmptyString: false,
  initAsync: false,
  react: { useSuspense: false },
});

/** Loads the UI strings of `lng` if not yet loaded (Chinese comes from its own chunk). */
async function load(lng: Language): Promise<void> {
  if (lng === 'zh' && !i18n.hasResourceBundle('zh', 'ui')) {
    const { zh, zhExampleTitles } = await import('./zh.ts');
    i18n.addResourceBundle('zh', 'ui', zh);
    i18n.addResourceBundle('zh', 'examples', zhExampleTitles);
  }
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // Storage blocked (e.g. a sandboxed iframe): the choice just isn't remembered.
  }
}

/** Switches the whole UI; `remember` saves the choice for the next visit. */
export async function setLanguage(lng: Language, remember = true): Promise<void> {
  await load(lng);
  await i18n.changeLanguage(lng);
  if (remember) storage()?.setItem(STORAGE_KEY, lng);
  if (typeof document !== 'undefined') document.documentElement.lang = htmlLang(lng);
}

/** An example's title in `lng`; the file's own (English) title where there is none. */
export function exampleTitle(id: string, title: string, lng: Language): string {
  if (lng === 'en') return title;
  const local: unknown = i18n.getResource(lng, 'examples', id);
  return typeof local === 'string' && local !== '' ? local : title;
}

export function currentLanguage(): Language {
  return i18n.resolvedLanguage === 'zh' ? 'zh' : 'en';
}

function startingLanguage(): Language {
  const browser =
    typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  return detectLanguage(browser, storage()?.getItem(STORAGE_KEY) ?? null);
}

/** Settles when the starting language is ready; never rejects (English is the fallback). */
export const i18nReady: Promise<void> = setLanguage(startingLanguage(), false).catch(() =>
  setLanguage('en', false),
);
