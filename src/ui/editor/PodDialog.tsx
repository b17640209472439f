import { useState } from 'react';
import type { Diagnostic } from '../../core/index.ts';
import { useT } from '../../i18n/index.ts';
import { addNode, addPod, parseLabels } from '../../store/edits.ts';
import { objectsOfKind } from '../../store/manifest-edits.ts';
import { commitText, scenarioStore, useApplied } from '../../store/scenario.ts';
import { Dialog } from './Dialog.tsx';
import { FieldErrors, FormErrors } from './form-errors.tsx';

/** The first `base-N` name no Pod in the scenario has yet. */
function freeName(base: string): string {
  const taken = new Set(
    objectsOfKind(scenarioStore.getState().text, 'Pod').map(
      (p) => (p.metadata as { name?: string } | undefined)?.name,
    ),
  );
  for (let i = 1; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

export function PodDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const applied = useApplied();
  const nodes = applied?.cluster.nodes.map((n) => n.metadata.name ?? '') ?? [];
  const [name, setName] = useState('');
  const [namespace, setNamespace] = useState('default');
  const [node, setNode] = useState('');
  const [labels, setLabels] = useState('app=web');
  const [ready, setReady] = useState(true);
  const [port, setPort] = useState('80');
  const [errors, setErrors] = useState<readonly Diagnostic[]>([]);

  const submit = () => {
    const app = parseLabels(labels).app ?? 'pod';
    const outcome = commitText(
      addPod(scenarioStore.getState().text, {
        name: name.trim() || freeName(app),
        namespace: namespace.trim() || 'default',
        nodeName: node || nodes[0] || '',
        labels: parseLabels(labels),
        ready,
        ...(/^\d+$/.test(port.trim()) ? { containerPort: Number(port) } : {}),
      }),
    );
    if (outcome.ok) {
      setErrors([]);
      setName('');
      onClose();
    } else setErrors(outcome.diagnostics);
  };

  return (
    <Dialog title={t('form.addPodTitle')} open={open} onClose={onClose} testId="pod-dialog">
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <FormErrors diagnostics={errors} paths={['metadata', 'spec.nodeName', 'spec.containers']} />
        <div className="form-row">
          <label>
            {t('form.name')} <span className="flow-muted">{t('form.podNameHint')}</span>
            <input value={name} onChange={(e) => setName(e.target.value)} data-testid="pod-name" />
            <FieldErrors diagnostics={errors} path="metadata.name" />
          </label>
          <label>
            {t('form.namespace')}
            <input value={namespace} onChange={(e) => setNamespace(e.target.value)} />
          </label>
        </div>
        <div className="form-row">
          <label>
            {t('form.node')}
            <select
              value={node || nodes[0]}
              onChange={(e) => setNode(e.target.value)}
              data-testid="pod-node"
            >
              {nodes.map((n) => (
                <option key={n}>{n}</option>
              ))}
            </select>
            <FieldErrors diagnostics={errors} path="spec.nodeName" />
          </label>
          <label>
            {t('form.labels')}
            <input
              value={labels}
              onChange={(e) => setLabels(e.target.value)}
              data-testid="pod-labels"
            />
            <FieldErrors diagnostics={errors} path="metadata.labels" />
          </label>
          <label>
            containerPort
            <input value={port} inputMode="numeric" onChange={(e) => setPort(e.target.value)} />
          </label>
        </div>
        <label className="check">
          <input
            type="checkbox"
            checked={ready}
            onChange={(e) => setReady(e.target.checked)}
            data-testid="pod-ready"
          />
          {t('form.podReady')}
        </label>
        <div className="form-actions">
          <button type="submit" className="primary" data-testid="pod-submit">
            {t('form.createPod')}
          </button>
          <button type="button" onClick={onClose}>
            {t('form.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function NodeDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const applied = useApplied();
  const count = applied?.cluster.nodes.length ?? 0;
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<readonly Diagnostic[]>([]);
  const submit = () => {
    const outcome = commitText(
      addNode(scenarioStore.getState().text, name.trim() || `node${count + 1}`),
    );
    if (outcome.ok) {
      setErrors([]);
      setName('');
      onClose();
    } else setErrors(outcome.diagnostics);
  };
  return (
    <Dialog title={t('form.addNodeTitle')} open={open} onClose={onClose} testId="node-dialog">
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <FormErrors diagnostics={errors} paths={['metadata.name']} />
        <label>
          {t('form.name')} <span className="flow-muted">{t('form.nodeNameHint')}</span>
          <input
            value={name}
            placeholder={`node${count + 1}`}
            onChange={(e) => setName(e.target.value)}
            data-testid="node-name"
          />
          <FieldErrors diagnostics={errors} path="metadata.name" />
        </label>
        <div className="form-actions">
          <button type="submit" className="primary" data-testid="node-submit">
            {t('form.addNode')}
          </button>
          <button type="button" onClick={onClose}>
            {t('form.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
