/**
 * The i18n API for the whole UI.
 * - `useT()` in components: `const t = useT(); t('scenario.undo')` (keys typed against en.ts);
 *   re-renders on a language switch.
 * - `t()` outside React (e.g. a notice built in an event handler).
 * - `useStrings(records)` for a feature that keeps its own `{ en, zh }` records (see
 *   docs/I18N.md): returns the record of the current language.
 * - `registerStrings(ns, records)` puts such records into i18next as a namespace, for features
 *   that want i18next's interpolation and plurals: `useTranslation(ns)`.
 */
import { useTranslation } from 'react-i18next';
import type { Language } from './detect.ts';
import { currentLanguage, i18n } from './i18n.ts';

export type { Language } from './detect.ts';
export { LANGUAGES } from './detect.ts';
export { currentLanguage, exampleTitle, i18n, i18nReady, setLanguage } from './i18n.ts';

export function useT() {
  return useTranslation().t;
}

export const t = i18n.t.bind(i18n);

/** The current language; components using it re-render on a switch. */
export function useLanguage(): Language {
  const { i18n: inst } = useTranslation();
  return inst.resolvedLanguage === 'zh' ? 'zh' : 'en';
}

/** A feature's strings in both languages: `zh` has the same shape as `en`. */
export interface StringRecords<T> {
  readonly en: T;
  readonly zh: T;
}

/** The record of the current language (English where a language has none). */
export function useStrings<T>(records: StringRecords<T>): T {
  return records[useLanguage()] ?? records.en;
}

/** The record of the current language, outside React. */
export function stringsOf<T>(records: StringRecords<T>): T {
  return records[currentLanguage()] ?? records.en;
}

/** Adds a feature's records as i18next namespace `ns` (strings only; idempotent). */
export function registerStrings(ns: string, records: StringRecords<object>): void {
  for (const lng of ['en', 'zh'] as const)
    if (!i18n.hasResourceBundle(lng, ns)) i18n.addResourceBundle(lng, ns, records[lng]);
}

/**
 * A record that always reads the current language's strings (`t.title`), for feature modules
 * that export their strings as one object: read at render time, and the app re-renders on a
 * language switch (App subscribes through useT).
 */
export function liveStrings<T extends object>(records: StringRecords<T>): T {
  return new Proxy(records.en, {
    get: (_target, key) => stringsOf(records)[key as keyof T],
  });
}
