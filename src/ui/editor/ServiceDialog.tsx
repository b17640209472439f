import { useState } from 'react';
import type { Diagnostic } from '../../core/index.ts';
import { useT } from '../../i18n/index.ts';
import {
  addService,
  type PortForm,
  type ServiceForm,
  type ServiceKind,
} from '../../store/edits.ts';
import { commitText, scenarioStore } from '../../store/scenario.ts';
import { Dialog } from './Dialog.tsx';
import { FieldErrors, FormErrors } from './form-errors.tsx';

const KINDS: readonly ServiceKind[] = [
  'ClusterIP',
  'Headless',
  'NodePort',
  'LoadBalancer',
  'ExternalName',
];

const emptyPort: PortForm = {
  name: 'http',
  port: '80',
  targetPort: '80',
  protocol: 'TCP',
  nodePort: '',
};

export function initialServiceForm(kind: ServiceKind = 'ClusterIP'): ServiceForm {
  return {
    name: '',
    namespace: 'default',
    kind,
    selector: '',
    ports: [emptyPort],
    clusterIP: '',
    loadBalancerIP: '',
    sourceRanges: '',
    externalName: '',
    externalTrafficPolicy: '',
    internalTrafficPolicy: '',
    sessionAffinity: 'None',
    affinityTimeout: '',
  };
}

const PATHS = [
  'metadata.name',
  'metadata.namespace',
  'spec.selector',
  'spec.ports',
  'spec.clusterIP',
  'spec.externalName',
  'spec.loadBalancerSourceRanges',
  'spec.externalTrafficPolicy',
  'spec.internalTrafficPolicy',
  'spec.sessionAffinity',
  'spec.sessionAffinityConfig',
  'spec.type',
  'status.loadBalancer',
];

export function ServiceDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const [form, setForm] = useState<ServiceForm>(initialServiceForm());
  const [errors, setErrors] = useState<readonly Diagnostic[]>([]);
  const set = (patch: Partial<ServiceForm>) => setForm({ ...form, ...patch });
  const setPort = (i: number, patch: Partial<PortForm>) =>
    set({ ports: form.ports.map((p, j) => (j === i ? { ...p, ...patch } : p)) });
  const external = form.kind === 'NodePort' || form.kind === 'LoadBalancer';

  const submit = () => {
    // An ExternalName Service has no ports in the form (they are hidden), so it sends none.
    const sent = form.kind === 'ExternalName' ? { ...form, ports: [] } : form;
    const outcome = commitText(addService(scenarioStore.getState().text, sent));
    if (outcome.ok) {
      setErrors([]);
      setForm(initialServiceForm(form.kind));
      onClose();
    } else setErrors(outcome.diagnostics);
  };

  return (
    <Dialog title={t('form.addServiceTitle')} open={open} onClose={onClose} testId="service-dialog">
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <FormErrors diagnostics={errors} paths={PATHS} />
        <label>
          {t('form.type')}
          <select
            value={form.kind}
            onChange={(e) => set({ kind: e.target.value as ServiceKind })}
            data-testid="svc-type"
          >
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {k === 'Headless' ? t('form.headless') : k}
              </option>
            ))}
          </select>
        </label>
        <div className="form-row">
          <label>
            {t('form.name')}
            <input
              value={form.name}
              onChange={(e) => set({ name: e.target.value })}
              data-testid="svc-name"
            />
            <FieldErrors diagnostics={errors} path="metadata.name" />
          </label>
          <label>
            {t('form.namespace')}
            <input
              value={form.namespace}
              onChange={(e) => set({ namespace: e.target.value })}
              data-testid="svc-namespace"
            />
            <FieldErrors diagnostics={errors} path="metadata.namespace" />
          </label>
        </div>
        {form.kind === 'ExternalName' ? (
          <label>
            externalName
            <input
              value={form.externalName}
              placeholder="my.database.example.com"
              onChange={(e) => set({ externalName: e.target.value })}
              data-testid="svc-externalname"
            />
            <FieldErrors diagnostics={errors} path="spec.externalName" />
          </label>
        ) : (
          <label>
            {t('form.selector')}
            <input
              value={form.selector}
              placeholder="app=nginx"
              onChange={(e) => set({ selector: e.target.value })}
              data-testid="svc-selector"
            />
            <FieldErrors diagnostics={errors} path="spec.selector" />
          </label>
        )}
        <fieldset>
          <legend>{t('form.ports')}</legend>
          {form.ports.map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
            <div className="form-row port-row" key={i}>
              <label>
                name
                <input
                  value={p.name}
                  onChange={(e) => setPort(i, { name: e.target.value })}
                  data-testid={`port-name-${i}`}
                />
              </label>
              <label>
                port
                <input
                  value={p.port}
                  inputMode="numeric"
                  onChange={(e) => setPort(i, { port: e.target.value })}
                  data-testid={`port-port-${i}`}
                />
              </label>
              <label>
                targetPort
                <input
                  value={p.targetPort}
                  onChange={(e) => setPort(i, { targetPort: e.target.value })}
                  data-testid={`port-target-${i}`}
                />
              </label>
              <label>
                protocol
                <select
                  value={p.protocol}
                  onChange={(e) => setPort(i, { protocol: e.target.value as PortForm['protocol'] })}
                >
                  <option>TCP</option>
                  <option>UDP</option>
                  <option>SCTP</option>
                </select>
              </label>
              {external && (
                <label>
                  nodePort
                  <input
                    value={p.nodePort}
                    placeholder={t('form.auto')}
                    inputMode="numeric"
                    onChange={(e) => setPort(i, { nodePort: e.target.value })}
                    data-testid={`port-nodeport-${i}`}
                  />
                </label>
              )}
              <button
                type="button"
                aria-label={t('form.removePort', { n: i + 1 })}
                onClick={() => set({ ports: form.ports.filter((_, j) => j !== i) })}
              >
                −
              </button>
              <FieldErrors diagnostics={errors} path={`spec.ports[${i}]`} />
            </div>
          ))}
          <FieldErrors
            diagnostics={errors}
            path="spec.ports"
            except={form.ports.map((_, i) => `spec.ports[${i}]`)}
          />
          <button
            type="button"
            onClick={() => set({ ports: [...form.ports, { ...emptyPort, name: '', port: '' }] })}
          >
            {t('form.addPort')}
          </button>
        </fieldset>
        {form.kind !== 'ExternalName' && form.kind !== 'Headless' && (
          <label>
            clusterIP <span className="flow-muted">{t('form.clusterIPHint')}</span>
            <input
              value={form.clusterIP}
              placeholder={t('form.auto')}
              onChange={(e) => set({ clusterIP: e.target.value })}
            />
            <FieldErrors diagnostics={errors} path="spec.clusterIP" />
          </label>
        )}
        {form.kind === 'LoadBalancer' && (
          <div className="form-row">
            <label>
              {t('form.lbIP')} <span className="flow-muted">(status.loadBalancer.ingress)</span>
              <input
                value={form.loadBalancerIP}
                placeholder={t('form.lbIPPlaceholder')}
                onChange={(e) => set({ loadBalancerIP: e.target.value })}
                data-testid="svc-lbip"
              />
              <FieldErrors diagnostics={errors} path="status.loadBalancer" />
            </label>
            <label>
              loadBalancerSourceRanges
              <input
                value={form.sourceRanges}
                placeholder="203.0.113.0/24, …"
                onChange={(e) => set({ sourceRanges: e.target.value })}
                data-testid="svc-ranges"
              />
              <FieldErrors diagnostics={errors} path="spec.loadBalancerSourceRanges" />
            </label>
          </div>
        )}
        {form.kind !== 'ExternalName' && (
          <div className="form-row">
            {external && (
              <label>
                externalTrafficPolicy
                <select
                  value={form.externalTrafficPolicy}
                  onChange={(e) =>
                    set({
                      externalTrafficPolicy: e.target.value as ServiceForm['externalTrafficPolicy'],
                    })
                  }
                  data-testid="svc-etp"
                >
                  <option value="">{t('form.defaultCluster')}</option>
                  <option>Cluster</option>
                  <option>Local</option>
                </select>
                <FieldErrors diagnostics={errors} path="spec.externalTrafficPolicy" />
              </label>
            )}
            <label>
              internalTrafficPolicy
              <select
                value={form.internalTrafficPolicy}
                onChange={(e) =>
                  set({
                    internalTrafficPolicy: e.target.value as ServiceForm['internalTrafficPolicy'],
                  })
                }
                data-testid="svc-itp"
              >
                <option value="">{t('form.defaultCluster')}</option>
                <option>Cluster</option>
                <option>Local</option>
              </select>
              <FieldErrors diagnostics={errors} path="spec.internalTrafficPolicy" />
            </label>
            <label>
              sessionAffinity
              <select
                value={form.sessionAffinity}
                onChange={(e) =>
                  set({ sessionAffinity: e.target.value as ServiceForm['sessionAffinity'] })
                }
                data-testid="svc-affinity"
              >
                <option>None</option>
                <option>ClientIP</option>
              </select>
            </label>
            {form.sessionAffinity === 'ClientIP' && (
              <label>
                timeoutSeconds
                <input
                  value={form.affinityTimeout}
                  placeholder="10800"
                  onChange={(e) => set({ affinityTimeout: e.target.value })}
                  data-testid="svc-affinity-timeout"
                />
                <FieldErrors diagnostics={errors} path="spec.sessionAffinityConfig" />
              </label>
            )}
          </div>
        )}
        <div className="form-actions">
          <button type="submit" className="primary" data-testid="svc-submit">
            {t('form.createService')}
          </button>
          <button type="button" onClick={onClose}>
            {t('form.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
