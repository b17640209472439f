/** Which of our languages a visitor gets: a saved choice, else the browser's first match. */
export const LANGUAGES = ['en', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];

export const STORAGE_KEY = 'svclab.language';

export function isLanguage(x: unknown): x is Language {
  return x === 'en' || x === 'zh';
}

/**
 * Chinese for any `zh` tag (zh, zh-CN, zh-Hans, zh-SG…). We only have Simplified Chinese; a
 * Traditional reader (zh-TW, zh-Hant) still reads it better than English, as the
 * kubernetes.io/zh-cn docs are read there too. The first of `navigator.languages` decides, so a
 * browser set to English first with Chinese second gets English.
 */
export function detectLanguage(browser: readonly string[], saved: string | null): Language {
  if (isLanguage(saved)) return saved;
  const first = browser[0]?.toLowerCase() ?? '';
  return first === 'zh' || first.startsWith('zh-') ? 'zh' : 'en';
}

/** The BCP 47 tag for <html lang>, so screen readers and fonts pick Chinese glyphs. */
export function htmlLang(lng: Language): string {
  return lng === 'zh' ? 'zh-CN' : 'en';
}
