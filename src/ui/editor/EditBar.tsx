/**
 * Editing: add a Node, a Pod or a Service (dialogs), and act on the selected object — toggle a
 * Pod's readiness, make it terminating, scale its group, delete anything. The selection follows
 * clicks on the canvas and is also a plain <select>, so every action is keyboard reachable.
 */
import { useState } from 'react';
import type { Pod } from '../../core/index.ts';
import { useT } from '../../i18n/index.ts';
import { deleteObject, scalePods, setPodReady, setPodTerminating } from '../../store/edits.ts';
import { commitText, scenarioStore, useApplied } from '../../store/scenario.ts';
import { useUi } from '../../store/ui-store.ts';
import { nodeId, podId, podReady, serviceId } from '../topology/to-flow-elements.ts';
import { NodeDialog, PodDialog } from './PodDialog.tsx';
import { freshPodNames } from './pod-names.ts';
import { ServiceDialog } from './ServiceDialog.tsx';

type Open = '' | 'node' | 'pod' | 'service';

function now(): string {
  return new Date().toISOString().replace(/\.\d+Z$/, 'Z');
}

function parseId(id: string): { kind: string; namespace: string; name: string } | null {
  const m = /^(pod|svc|node):(?:([^/]*)\/)?(.+)$/.exec(id);
  if (!m) return null;
  const kind = m[1] === 'pod' ? 'Pod' : m[1] === 'svc' ? 'Service' : 'Node';
  return { kind, namespace: m[2] ?? '', name: m[3] ?? '' };
}

function PodActions({ pod }: { pod: Pod }) {
  const t = useT();
  const set = useUi((s) => s.set);
  const applied = useApplied();
  const ns = pod.metadata.namespace ?? 'default';
  const name = pod.metadata.name ?? '';
  const ready = podReady(pod);
  const terminating = pod.metadata.deletionTimestamp !== undefined;
  const labels = Object.fromEntries(
    Object.entries(pod.metadata.labels ?? {}).filter(([k]) => k !== 'pod-template-hash'),
  );
  // How many Pods share these labels, read from the applied cluster (parsing the scenario text
  // on every render costs hundreds of milliseconds at 300 Pods).
  const [replicas, setReplicas] = useState(() =>
    String(
      (applied?.cluster.pods ?? []).filter(
        (p) =>
          (p.metadata.namespace ?? 'default') === ns &&
          Object.entries(labels).every(([k, v]) => p.metadata.labels?.[k] === v),
      ).length,
    ),
  );
  const run = (next: string, what: string) => {
    const outcome = commitText(next);
    set({ notice: outcome.ok ? what : outcome.diagnostics.map((d) => d.message).join('; ') });
  };
  const text = () => scenarioStore.getState().text;
  const base = name.replace(/-[^-]+$/, '');
  return (
    <>
      <button
        type="button"
        onClick={() =>
          run(
            setPodReady(text(), ns, name, !ready),
            t(ready ? 'edit.noticeNotReady' : 'edit.noticeReady', { name }),
          )
        }
        // A terminating Pod's probe still runs: it may pass (serving) or fail (not serving).
        data-testid="toggle-ready"
      >
        {ready ? t('edit.makeNotReady') : t('edit.makeReady')}
      </button>
      <button
        type="button"
        onClick={() =>
          run(setPodTerminating(text(), ns, name, now()), t('edit.noticeTerminating', { name }))
        }
        disabled={terminating}
        data-testid="terminate"
      >
        {t('edit.terminate')}
      </button>
      <label className="field-inline">
        <span>
          {t('edit.scaleTo', {
            group:
              Object.entries(labels)
                .map(([k, v]) => `${k}=${v}`)
                .join(',') || t('edit.group'),
          })}
        </span>
        <input
          className="narrow"
          type="number"
          min={0}
          max={500}
          value={replicas}
          onChange={(e) => setReplicas(e.target.value)}
          data-testid="scale-count"
        />
      </label>
      <button
        type="button"
        data-testid="scale"
        onClick={() => {
          const nodes = applied?.cluster.nodes.map((n) => n.metadata.name ?? '') ?? [];
          const taken = new Set(applied?.cluster.pods.map((p) => p.metadata.name ?? '') ?? []);
          const fresh = freshPodNames(base, taken);
          run(
            scalePods(text(), ns, labels, Number(replicas) || 0, nodes, fresh),
            t('edit.noticeScaled', { count: replicas }),
          );
        }}
      >
        {t('edit.scale')}
      </button>
    </>
  );
}

export function EditBar() {
  const t = useT();
  const [open, setOpen] = useState<Open>('');
  const applied = useApplied();
  const selected = useUi((s) => s.selected);
  const notice = useUi((s) => s.notice);
  const set = useUi((s) => s.set);
  const cluster = applied?.cluster;
  const options = cluster
    ? [
        ...cluster.nodes.map((n) => ({
          id: nodeId(n.metadata.name ?? ''),
          label: `Node ${n.metadata.name}`,
        })),
        ...cluster.services.map((s) => ({
          id: serviceId(s.metadata.namespace ?? 'default', s.metadata.name ?? ''),
          label: `Service ${s.metadata.namespace}/${s.metadata.name}`,
        })),
        ...cluster.pods.map((p) => ({
          id: podId(p.metadata.namespace ?? 'default', p.metadata.name ?? ''),
          label: `Pod ${p.metadata.namespace}/${p.metadata.name}`,
        })),
      ]
    : [];
  const ref = parseId(selected);
  const pod =
    ref?.kind === 'Pod'
      ? cluster?.pods.find(
          (p) =>
            p.metadata.name === ref.name && (p.metadata.namespace ?? 'default') === ref.namespace,
        )
      : undefined;
  const exists = options.some((o) => o.id === selected);

  return (
    <div className="edit-bar" role="toolbar" aria-label={t('edit.toolbar')}>
      <button type="button" onClick={() => setOpen('node')} data-testid="add-node">
        {t('edit.addNode')}
      </button>
      <button type="button" onClick={() => setOpen('pod')} data-testid="add-pod">
        {t('edit.addPod')}
      </button>
      <button type="button" onClick={() => setOpen('service')} data-testid="add-service">
        {t('edit.addService')}
      </button>
      <span className="sep" aria-hidden="true" />
      <label className="field-inline">
        <span>{t('edit.selected')}</span>
        <select
          value={exists ? selected : ''}
          onChange={(e) => set({ selected: e.target.value, notice: '' })}
          data-testid="selected"
        >
          <option value="">{t('edit.clickObject')}</option>
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      {exists && pod && <PodActions key={selected} pod={pod} />}
      {exists && ref && (
        <button
          type="button"
          data-testid="delete"
          onClick={() => {
            const outcome = commitText(
              deleteObject(scenarioStore.getState().text, {
                kind: ref.kind,
                name: ref.name,
                ...(ref.kind === 'Node' ? {} : { namespace: ref.namespace }),
              }),
            );
            set({
              selected: outcome.ok ? '' : selected,
              notice: outcome.ok
                ? t('edit.noticeDeleted', { kind: ref.kind, name: ref.name })
                : outcome.diagnostics.map((d) => d.message).join('; '),
            });
          }}
        >
          {t('edit.delete')}
        </button>
      )}
      <span className="notice" aria-live="polite" data-testid="notice">
        {notice}
      </span>
      <NodeDialog open={open === 'node'} onClose={() => setOpen('')} />
      <PodDialog open={open === 'pod'} onClose={() => setOpen('')} />
      <ServiceDialog open={open === 'service'} onClose={() => setOpen('')} />
    </div>
  );
}
