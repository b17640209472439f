/**
 * The Trace tab: pick a source and a destination, send one packet (or a hundred) through the
 * core's packet walk, and step through what happened — on the canvas, here, and in the Rules tab,
 * where the rules the packet hit are lit. The UI computes nothing itself: every hop comes from
 * running the compiled rules (src/core/trace).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { IptablesProtocol as Protocol, Trace, TraceRequest } from '../../core/index.ts';
import { useLanguage, useT } from '../../i18n/index.ts';
import { useApplied } from '../../store/scenario.ts';
import { runTrace, sampleTraces, traceDestinations, traceSources } from '../../store/trace-api.ts';
import { traceSteps } from '../../store/trace-steps.ts';
import { useTrace } from '../../store/trace-store.ts';
import { DistributionChart } from './DistributionChart.tsx';
import { localizeDestination, localizeSource } from './localize.ts';
import { outcomeZh } from './outcome-zh.ts';
import { StepList, TracePlayer } from './TracePlayer.tsx';
import { usePlayback } from './use-playback.ts';
import './trace.css';

interface Form {
  readonly from: string;
  readonly to: string;
  readonly protocol: Protocol;
  readonly endpoint: string;
  /** The outside client's address, when sending from outside ('' = the default client). */
  readonly clientIp: string;
}

function formOf(trace: Trace | null): Form {
  const external = trace?.from.startsWith('external:') === true;
  return {
    from: external ? 'external' : (trace?.from ?? ''),
    to: trace?.to ?? '',
    protocol: trace?.protocol ?? 'tcp',
    endpoint: '',
    clientIp: external ? (trace?.from.slice('external:'.length) ?? '') : '',
  };
}

function requestOf(trace: Trace | null): TraceRequest | null {
  return trace ? { from: trace.from, to: trace.to, protocol: trace.protocol } : null;
}

export function TracePanel() {
  const t = useT();
  const applied = useApplied();
  const cluster = applied?.cluster;
  const trace = useTrace((s) => s.trace);
  const samples = useTrace((s) => s.samples);
  const load = useTrace((s) => s.load);
  const setSamples = useTrace((s) => s.setSamples);
  const sources = useMemo(() => (cluster ? traceSources(cluster) : []), [cluster]);
  const destinations = useMemo(() => (cluster ? traceDestinations(cluster) : []), [cluster]);
  // A trace loaded from elsewhere (a share link, a lesson) fills the form, so edits re-send it.
  const [form, setForm] = useState<Form>(() => formOf(useTrace.getState().trace));
  const [error, setError] = useState('');
  const [sent, setSent] = useState<TraceRequest | null>(() => requestOf(useTrace.getState().trace));
  const ours = useRef<Trace | null>(useTrace.getState().trace);
  useEffect(() => {
    if (trace === null || trace === ours.current) return;
    ours.current = trace;
    setForm(formOf(trace));
    setSent(requestOf(trace));
  }, [trace]);
  usePlayback();

  const from = form.from || sources[0]?.value || '';
  const to = form.to || destinations.find((d) => /ClusterIP/.test(d.label))?.value || '';
  const request = (): TraceRequest => ({
    from: from === 'external' && form.clientIp.trim() ? `external:${form.clientIp.trim()}` : from,
    to: to.trim(),
    protocol: form.protocol,
    ...(form.endpoint ? { endpoint: form.endpoint } : {}),
  });

  const send = (req: TraceRequest) => {
    if (!cluster) return;
    const r = runTrace(cluster, req);
    if (!r.ok) {
      setError(r.diagnostics.map((d) => d.message).join('\n'));
      return;
    }
    setError(r.diagnostics.map((d) => d.message).join('\n'));
    setSent(req);
    ours.current = r.trace;
    load(r.trace, traceSteps(r.trace));
  };

  // Live: after every edit, the same packet is sent again through the new rules.
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-run only when the cluster changes
  useEffect(() => {
    if (sent && cluster) send(sent);
  }, [cluster]);

  const sendMany = () => {
    if (!cluster) return;
    const req = request();
    send(req);
    const counts = sampleTraces(cluster, req, 100);
    setSamples({ counts, total: 100 });
  };

  if (!cluster) return <p className="waiting">{t('trace.hasErrors')}</p>;
  const set = (patch: Partial<Form>) => setForm({ ...form, ...patch });
  return (
    <div className="trace-panel">
      <form
        className="trace-form"
        onSubmit={(e) => {
          e.preventDefault();
          setSamples(null);
          send(request());
        }}
      >
        <label>
          <span>{t('trace.from')}</span>
          <select
            data-testid="trace-from"
            value={from}
            onChange={(e) => set({ from: e.target.value })}
          >
            {sources.map((s) => (
              <option key={s.value} value={s.value}>
                {localizeSource(s.label, t)}
              </option>
            ))}
          </select>
        </label>
        {from === 'external' && (
          <label>
            <span>{t('trace.clientAddress')}</span>
            <input
              data-testid="trace-client-ip"
              value={form.clientIp}
              placeholder={sources
                .find((x) => x.value === 'external')
                ?.label.replace(/^.*\((.*)\)$/, '$1')}
              onChange={(e) => set({ clientIp: e.target.value })}
            />
          </label>
        )}
        <label>
          <span>{t('trace.to')}</span>
          <input
            data-testid="trace-to"
            list="trace-destinations"
            value={to}
            placeholder={t('trace.toPlaceholder')}
            onChange={(e) => set({ to: e.target.value })}
          />
          <datalist id="trace-destinations">
            {destinations.map((d) => (
              <option
                key={`${d.value}|${d.label}`}
                value={d.value}
                label={localizeDestination(d.label, t)}
              />
            ))}
          </datalist>
        </label>
        <label>
          <span>{t('trace.protocol')}</span>
          <select
            data-testid="trace-protocol"
            value={form.protocol}
            onChange={(e) => set({ protocol: e.target.value as Protocol })}
          >
            <option value="tcp">TCP</option>
            <option value="udp">UDP</option>
            <option value="sctp">SCTP</option>
          </select>
        </label>
        <label>
          <span>{t('trace.endpoint')}</span>
          <select
            data-testid="trace-endpoint"
            value={form.endpoint}
            onChange={(e) => set({ endpoint: e.target.value })}
          >
            <option value="">{t('trace.random')}</option>
            {(trace?.distribution ?? [])
              .filter((d) => d.endpoint)
              .map((d) => (
                <option key={d.endpoint} value={d.endpoint ?? ''}>
                  {t('trace.force', { endpoint: d.endpoint ?? '', target: d.target ?? '' })}
                </option>
              ))}
          </select>
        </label>
        <div className="trace-actions">
          <button type="submit" data-testid="trace-send">
            {t('trace.send')}
          </button>
          <button type="button" data-testid="trace-send-100" onClick={sendMany}>
            {t('trace.send100')}
          </button>
        </div>
      </form>
      {error && (
        <p className="trace-error" role="alert" data-testid="trace-error">
          {error}
        </p>
      )}
      {trace && (
        <>
          <Outcome />
          <TracePlayer />
          {samples && <DistributionChart trace={trace} samples={samples} />}
          <StepList />
        </>
      )}
    </div>
  );
}

function Outcome() {
  const t = useT();
  const language = useLanguage();
  const trace = useTrace((s) => s.trace);
  if (!trace) return null;
  return (
    <section
      className={`trace-outcome trace-${trace.verdict}`}
      data-testid="trace-outcome"
      aria-live="polite"
    >
      <strong>{t(`trace.verdict.${trace.verdict}`)}</strong>{' '}
      {language === 'zh' ? outcomeZh(trace) : trace.outcome}
      {trace.resolution && (
        <div className="trace-resolution">
          {trace.resolution.steps.map((s) => (
            <code key={s.qname}>
              {s.qname} → {s.result}
            </code>
          ))}
        </div>
      )}
    </section>
  );
}
