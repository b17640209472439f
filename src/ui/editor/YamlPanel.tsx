/**
 * The whole scenario as YAML, editable. "Apply" runs the core's applyScenario on the draft: with
 * errors, each is shown at its line with the API server's text and the scenario keeps its last
 * valid state; without, the draft becomes the scenario (one undo step).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Diagnostic } from '../../core/index.ts';
import { useT } from '../../i18n/index.ts';
import { commitText, useScenario } from '../../store/scenario.ts';

function lineOf(d: Diagnostic): number | null {
  return d.line ?? null;
}

export function YamlPanel() {
  const t = useT();
  const text = useScenario((s) => s.text);
  const [draft, setDraft] = useState(text);
  const [errors, setErrors] = useState<readonly Diagnostic[]>([]);
  const [applied, setApplied] = useState(false);
  const gutter = useRef<HTMLDivElement>(null);
  const area = useRef<HTMLTextAreaElement>(null);

  // An edit elsewhere (a form, undo) replaces the draft unless the user is mid-edit.
  const [base, setBase] = useState(text);
  useEffect(() => {
    if (text !== base) {
      if (draft === base) setDraft(text);
      setBase(text);
    }
  }, [text, base, draft]);

  const lineCount = draft.split('\n').length;
  const errorLines = useMemo(() => {
    const m = new Map<number, string[]>();
    for (const d of errors) {
      const l = lineOf(d);
      if (l !== null) m.set(l, [...(m.get(l) ?? []), d.message]);
    }
    return m;
  }, [errors]);

  const apply = () => {
    const outcome = commitText(draft);
    setErrors(outcome.diagnostics.filter((d) => d.severity === 'error'));
    setApplied(outcome.ok);
    if (outcome.ok) setBase(draft);
  };

  return (
    <div className="yaml-panel">
      <div className="toolbar">
        <button type="button" onClick={apply} data-testid="yaml-apply" disabled={draft === text}>
          {t('yaml.apply')}
        </button>
        <button
          type="button"
          onClick={() => {
            setDraft(text);
            setErrors([]);
          }}
          disabled={draft === text}
        >
          {t('yaml.discard')}
        </button>
        <span className="flow-muted" aria-live="polite">
          {errors.length > 0
            ? t('yaml.errors', { count: errors.length })
            : applied && draft === text
              ? t('yaml.applied')
              : draft === text
                ? t('yaml.asApplied')
                : t('yaml.edited')}
        </span>
      </div>
      {errors.length > 0 && (
        <ul className="yaml-errors" data-testid="yaml-errors">
          {errors.map((d, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list per apply
            <li key={i}>
              {d.line !== undefined && (
                <button
                  type="button"
                  className="linkish"
                  onClick={() => goToLine(area.current, draft, d.line ?? 1)}
                >
                  {t('yaml.line', { line: d.line })}
                </button>
              )}{' '}
              <span className="mono">{d.message}</span>
            </li>
          ))}
        </ul>
      )}
      <div className="yaml-editor">
        <div className="yaml-gutter mono" ref={gutter} aria-hidden="true">
          {Array.from({ length: lineCount }, (_, i) => {
            const msgs = errorLines.get(i + 1);
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: line numbers
              <div key={i} className={msgs ? 'gutter-error' : undefined} title={msgs?.join('\n')}>
                {msgs ? '●' : ''}
                {i + 1}
              </div>
            );
          })}
        </div>
        <textarea
          ref={area}
          className="yaml-text mono"
          aria-label={t('yaml.textLabel')}
          data-testid="yaml-text"
          spellCheck={false}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onScroll={(e) => {
            if (gutter.current) gutter.current.scrollTop = e.currentTarget.scrollTop;
          }}
        />
      </div>
    </div>
  );
}

function goToLine(area: HTMLTextAreaElement | null, text: string, line: number) {
  if (!area) return;
  const lines = text.split('\n');
  const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
  area.focus();
  area.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
  const lh = Number.parseFloat(getComputedStyle(area).lineHeight) || 18;
  area.scrollTop = Math.max(0, (line - 3) * lh);
}
