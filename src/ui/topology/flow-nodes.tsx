/**
 * The shapes on the canvas. Each says what it is in words as well as colour: a Pod shows
 * "Ready"/"Not ready"/"Terminating", a Service its type and ClusterIP, so the picture reads in
 * greyscale and to a screen reader.
 */
import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import { useT } from '../../i18n/index.ts';
import { useUi } from '../../store/ui-store.ts';
import type {
  ClientView,
  DnsView,
  NodeFrameView,
  PodGroupView,
  PodView,
  ServiceView,
} from './to-flow-elements.ts';

type Props<T> = NodeProps & { data: T };

const hidden = { opacity: 0 };

export const PodNode = memo(function PodNode({ data }: Props<PodView>) {
  const t = useT();
  const state = data.terminating ? 'terminating' : data.ready ? 'ready' : 'not-ready';
  const word = t(
    data.terminating
      ? 'topology.podTerminating'
      : data.ready
        ? 'topology.podReady'
        : 'topology.podNotReady',
  );
  return (
    <div
      className={`flow-pod flow-pod-${state}`}
      data-testid={`pod-${data.name}`}
      data-state={state}
      title={`Pod ${data.namespace}/${data.name}`}
    >
      <Handle type="target" position={Position.Top} style={hidden} isConnectable={false} />
      <div className="flow-pod-name">{data.name}</div>
      <div className="flow-pod-meta">
        <span className="mono">{data.ip || t('topology.noIP')}</span>
        <span className={`flow-badge flow-badge-${state}`}>{word}</span>
      </div>
      <Handle type="source" position={Position.Bottom} style={hidden} isConnectable={false} />
    </div>
  );
});

export const PodGroupNode = memo(function PodGroupNode({ data }: Props<PodGroupView>) {
  const t = useT();
  const other = data.selector === 'other Pods';
  return (
    <div className="flow-pod flow-pod-group" title={data.pods.join('\n')} data-testid="pod-group">
      <Handle type="target" position={Position.Top} style={hidden} isConnectable={false} />
      <div className="flow-pod-name">
        {t(other ? 'topology.otherPods' : 'topology.pods', { count: data.count })}
        <span className="flow-muted">{t('topology.readyCount', { count: data.readyCount })}</span>
      </div>
      <div className="flow-pod-meta mono flow-muted">
        {other ? t('topology.variousLabels') : data.selector || t('topology.noLabels')}
      </div>
    </div>
  );
});

/** Shows a Node's Pods one by one, or folds them back into groups. */
function GroupToggle({ id, name, grouped }: { id: string; name: string; grouped: boolean }) {
  const t = useT();
  const expanded = useUi((s) => s.expandedNodes);
  const set = useUi((s) => s.set);
  return (
    <button
      type="button"
      className="flow-group-toggle nodrag nopan"
      data-testid={`group-toggle-${name}`}
      aria-pressed={!grouped}
      onClick={(e) => {
        e.stopPropagation();
        set({ expandedNodes: grouped ? [...expanded, id] : expanded.filter((x) => x !== id) });
      }}
    >
      {grouped ? t('topology.showEachPod') : t('topology.groupPods')}
    </button>
  );
}

export const NodeFrame = memo(function NodeFrame({ id, data }: Props<NodeFrameView>) {
  const t = useT();
  return (
    <div className="flow-node-frame" data-testid={`node-${data.name}`}>
      <Handle type="target" position={Position.Left} style={hidden} isConnectable={false} />
      <div className="flow-node-title">
        <span className="flow-kind">Node</span> <strong>{data.name}</strong>
        <span className="mono flow-muted"> {data.internalIP}</span>
      </div>
      <div className="flow-node-sub mono flow-muted">
        podCIDR {data.podCIDR || '—'} · {t('topology.podCount', { count: data.podCount })}
        {data.groupable && <GroupToggle id={id} name={data.name} grouped={data.grouped} />}
      </div>
      <Handle type="source" position={Position.Right} style={hidden} isConnectable={false} />
    </div>
  );
});

export const ServiceNode = memo(function ServiceNode({ data }: Props<ServiceView>) {
  const kind = data.headless ? 'Headless' : data.type;
  return (
    <div
      className={`flow-svc flow-svc-${kind.toLowerCase()}`}
      data-testid={`svc-${data.name}`}
      title={`Service ${data.namespace}/${data.name}`}
    >
      <Handle type="target" position={Position.Top} style={hidden} isConnectable={false} />
      <div className="flow-svc-head">
        <span className="flow-kind">{kind}</span>
        <strong>{data.name}</strong>
      </div>
      {data.type === 'ExternalName' ? (
        <div className="mono">→ {data.externalName}</div>
      ) : (
        <div className="mono">{data.headless ? 'clusterIP: None' : data.clusterIP}</div>
      )}
      {data.ports.length > 0 && <div className="mono flow-muted">{data.ports.join(', ')}</div>}
      {data.lbIPs.length > 0 && (
        <div className="mono">
          <span className="flow-muted">LB </span>
          {data.lbIPs.join(', ')}
        </div>
      )}
      {data.type === 'LoadBalancer' && data.lbIPs.length === 0 && (
        <div className="mono flow-muted">LB &lt;pending&gt;</div>
      )}
      {data.externalIPs.length > 0 && (
        <div className="mono">
          <span className="flow-muted">externalIPs </span>
          {data.externalIPs.join(', ')}
        </div>
      )}
      {data.trafficPolicy === 'Local' && (
        <div className="flow-muted">externalTrafficPolicy: Local</div>
      )}
      {data.sessionAffinity === 'ClientIP' && <div className="flow-muted">affinity: ClientIP</div>}
      <Handle type="source" position={Position.Bottom} style={hidden} isConnectable={false} />
    </div>
  );
});

export const ClientNode = memo(function ClientNode({ data }: Props<ClientView>) {
  const t = useT();
  return (
    <div className="flow-side flow-client" data-testid="external-client">
      <Handle type="target" position={Position.Bottom} style={hidden} isConnectable={false} />
      <span className="flow-kind">{t('topology.outside')}</span>
      <div>
        <strong>
          {data.label === 'External client' ? t('topology.externalClient') : data.label}
        </strong>
      </div>
      <Handle type="source" position={Position.Bottom} style={hidden} isConnectable={false} />
    </div>
  );
});

export const DnsNode = memo(function DnsNode({ data }: Props<DnsView>) {
  return (
    <div className="flow-side flow-dns" data-testid="kube-dns">
      <Handle type="target" position={Position.Right} style={hidden} isConnectable={false} />
      <div>
        <span className="flow-kind">DNS</span> <strong>kube-dns</strong>
      </div>
      <div className="mono flow-muted">{data.ip}</div>
      <Handle type="source" position={Position.Right} style={hidden} isConnectable={false} />
    </div>
  );
});

export const nodeTypes = {
  pod: PodNode,
  'pod-group': PodGroupNode,
  node: NodeFrame,
  service: ServiceNode,
  client: ClientNode,
  dns: DnsNode,
};
