/** Step controls and the current step in full; the list of every step, the current one marked. */
import { useEffect, useRef } from 'react';
import { useT } from '../../i18n/index.ts';
import { useTrace } from '../../store/trace-store.ts';
import { useUi } from '../../store/ui-store.ts';
import { localizeStepTitle } from './localize.ts';

const SPEEDS = [0.5, 1, 1.5, 3, 6];

export function TracePlayer() {
  const t = useT();
  const { steps, step, playing, speed, go, setPlaying, setSpeed } = useTrace();
  const setUi = useUi((s) => s.set);
  const current = steps[step];
  if (!current) return null;
  const h = current.hop;
  const changed = h.before.src !== h.after.src || h.before.dst !== h.after.dst;
  return (
    <section className="trace-player" aria-label={t('trace.player')}>
      <div className="trace-controls">
        <button
          type="button"
          onClick={() => go(0)}
          aria-label={t('trace.first')}
          disabled={step === 0}
        >
          |◀
        </button>
        <button
          type="button"
          onClick={() => go(step - 1)}
          aria-label={t('trace.back')}
          disabled={step === 0}
          data-testid="trace-back"
        >
          ◀
        </button>
        <button
          type="button"
          onClick={() => {
            const atEnd = step >= steps.length - 1;
            if (atEnd) go(0);
            setPlaying(atEnd ? true : !playing);
          }}
          aria-label={playing ? t('trace.pause') : t('trace.play')}
          data-testid="trace-play"
        >
          {playing ? '❚❚' : '▶'}
        </button>
        <button
          type="button"
          onClick={() => go(step + 1)}
          aria-label={t('trace.forward')}
          disabled={step >= steps.length - 1}
          data-testid="trace-forward"
        >
          ▶▶
        </button>
        <button
          type="button"
          onClick={() => go(steps.length - 1)}
          aria-label={t('trace.last')}
          disabled={step >= steps.length - 1}
        >
          ▶|
        </button>
        <label className="field-inline">
          <span>{t('trace.speed')}</span>
          <select
            value={speed}
            onChange={(e) => setSpeed(Number(e.target.value))}
            aria-label={t('trace.speed')}
          >
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
        </label>
        <span className="trace-count" data-testid="trace-count">
          {t('trace.count', { step: step + 1, total: steps.length })}
        </span>
      </div>
      <div
        className={`trace-step${current.reply ? ' trace-step-reply' : ''}`}
        data-testid="trace-step"
      >
        <div className="trace-step-title">
          {current.reply ? t('trace.reply') : ''}
          {localizeStepTitle(current.title, t)}
        </div>
        {h.rule && (
          <pre className={`trace-rule trace-rule-${h.owner}`} data-testid="trace-rule">
            {h.rule}
          </pre>
        )}
        <p className="trace-note">{h.note}</p>
        <p className="trace-addresses" data-testid="trace-addresses">
          <code>
            {h.before.src} → {h.before.dst}
          </code>
          {changed && (
            <>
              {' ⇒ '}
              <code className="trace-changed">
                {h.after.src} → {h.after.dst}
              </code>
            </>
          )}
          {h.after.mark !== '0x0' && (
            <span className="trace-mark">{t('trace.mark', { mark: h.after.mark })}</span>
          )}
        </p>
        {h.ruleId && h.owner === 'kube-proxy' && (
          <button
            type="button"
            className="link-button"
            onClick={() => setUi({ tab: 'Rules' })}
            data-testid="trace-show-rules"
          >
            {t('trace.showRules', { node: current.node })}
          </button>
        )}
      </div>
    </section>
  );
}

export function StepList() {
  const t = useT();
  const { steps, step, go } = useTrace();
  const ref = useRef<HTMLOListElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: scroll whenever the step changes
  useEffect(() => {
    ref.current?.querySelector('[aria-current="step"]')?.scrollIntoView({ block: 'nearest' });
  }, [step]);
  return (
    <ol
      className="trace-steps"
      ref={ref}
      data-testid="trace-steps"
      aria-label={t('trace.everyStep')}
    >
      {steps.map((s, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: steps are a fixed sequence; a step may repeat
        <li key={`${i}-${s.title}`} aria-current={i === step ? 'step' : undefined}>
          <button type="button" className="link-button" onClick={() => go(i)}>
            <span className="trace-step-index">{i + 1}</span> {s.reply ? '↩ ' : ''}
            {localizeStepTitle(s.title, t)}
          </button>
        </li>
      ))}
    </ol>
  );
}
