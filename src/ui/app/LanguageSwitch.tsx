import { type Language, setLanguage, useLanguage, useT } from '../../i18n/index.ts';

/** Each language is named in itself, so a reader finds theirs whatever is showing now. */
const NAMES: Record<Language, string> = { en: 'English', zh: '中文' };

export function LanguageSwitch() {
  const t = useT();
  const lng = useLanguage();
  return (
    <label className="field-inline language-switch">
      <span className="sr-only">{t('app.language')}</span>
      {/* A globe drawn, not an emoji: not every system has an emoji font. */}
      <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
        <g fill="none" stroke="currentColor" strokeWidth="1.2">
          <circle cx="8" cy="8" r="6.5" />
          <ellipse cx="8" cy="8" rx="2.8" ry="6.5" />
          <path d="M1.5 8h13M2.6 4.5h10.8M2.6 11.5h10.8" />
        </g>
      </svg>
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
