/**
 * From the core's trace to the player's steps: one step per hop, each placed on a canvas shape.
 * A rule of a Service's own chains (KUBE-SVC/SEP/SVL/EXT/FW) places the packet on that Service's
 * shape, so the DNAT is seen happening "at" the Service; other kernel steps sit on the node's
 * frame; sending and delivery sit on the pod, the node or the external client.
 */
import type { Place, Trace, TraceHop } from '../core/index.ts';
import type { PacketStep } from './trace-store.ts';

const SERVICE_CHAIN = /^KUBE-(SVC|SEP|SVL|EXT|FW)-/;

/** Canvas ids as the topology draws them (see src/ui/topology/to-flow-elements.ts). */
export const canvasId = {
  pod: (nsName: string) => `pod:${nsName}`,
  service: (nsName: string) => `svc:${nsName}`,
  node: (name: string) => `node:${name}`,
  client: 'client:external',
};

function placeId(p: Place): string {
  switch (p.kind) {
    case 'pod':
      return canvasId.pod(p.pod);
    case 'node':
      return canvasId.node(p.node);
    case 'external':
      return canvasId.client;
  }
}

function hopPlace(h: TraceHop): string {
  if (h.kind === 'rule' && h.chain && SERVICE_CHAIN.test(h.chain)) {
    const svc = (h.objects ?? []).find((o) => o.startsWith('Service '));
    if (svc) return canvasId.service(svc.slice('Service '.length));
  }
  return placeId(h.at);
}

function title(h: TraceHop): string {
  const where =
    h.node ?? (h.at.kind === 'external' ? h.at.ip : h.at.kind === 'pod' ? h.at.pod : h.at.node);
  if (h.kind === 'rule') {
    const pos = h.position === 0 ? 'policy' : `rule ${h.position}`;
    return `${where} · ${h.table} ${h.hook} · ${h.chain} ${pos} → ${h.verdict}`;
  }
  return `${where} · ${h.kind}`;
}

export function traceSteps(trace: Trace): PacketStep[] {
  const steps: PacketStep[] = [];
  const legs: Array<[readonly TraceHop[], boolean]> = [
    [trace.hops, false],
    [trace.reply, true],
  ];
  for (const [hops, reply] of legs) {
    const lit: string[] = [];
    let litNode = '';
    for (const h of hops) {
      const node =
        h.node ?? (h.at.kind === 'pod' ? h.at.node : h.at.kind === 'node' ? h.at.node : '');
      if (node !== litNode) {
        // The Rules view shows one node: the trail of lit rules starts again on each node.
        lit.length = 0;
        litNode = node;
      }
      if (h.ruleId) lit.push(h.ruleId);
      steps.push({
        at: hopPlace(h),
        title: title(h),
        node,
        src: h.after.src,
        dst: h.after.dst,
        ruleIds: h.ruleId ? [...lit] : [],
        chains: h.chain ? [h.chain] : [],
        reply,
        hop: h,
      });
    }
  }
  return steps;
}
