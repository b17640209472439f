import { type Language, setLanguage, useLanguage, useT } from '../../i18n/index.ts';

/** Each language is named in itself, so a reader finds theirs whatever is showing now. */
const NAMES: Record<Language, string> = { en: 'English', zh: '中文' };

export function LanguageSwitch() {
  const t = useT();
  const lng = useLanguage();
  return (
    <label className="field-inline language-switch">
      <span className="sr-only">{t('app.language')}</span>
      <span aria-hidden="true">🌐</span>
      <select
        value={lng}
        onChange={(e) => void setLanguage(e.target.value as Language)}
        data-testid="language"
      >
        {(Object.keys(NAMES) as Language[]).map((l) => (
          <option key={l} value={l} lang={l === 'zh' ? 'zh-CN' : 'en'}>
            {NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
