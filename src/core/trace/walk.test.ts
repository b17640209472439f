/**
 * The packet walk on the reference's five walkthroughs (k8s-service-semantics §5.14) and the
 * seed, on golden/trace/walkthroughs.yaml: the seed's cluster plus a Service per case.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  applyScenario,
  compileKubeProxy,
  formatTraceText,
  nodeRuleset,
  printSave,
  type Trace,
  type TraceRequest,
  TraceState,
  tracePacket,
  traceWorld,
} from '../index.ts';

const GOLDEN = join(__dirname, '../../../golden/trace');
const cluster = applyScenario(readFileSync(join(GOLDEN, 'walkthroughs.yaml'), 'utf8')).cluster;
const world = traceWorld(cluster);
const ip = (name: string) =>
  cluster.services.find((s) => s.metadata.name === name)?.spec.clusterIP ?? '';

const SEED_POD = 'pod:default/nginx-59ff7ffd6b-hcqhb'; // 10.244.1.14 on node1
const CLIENT = 'pod:default/client'; // 10.244.2.20 on node2

function trace(req: TraceRequest, state?: TraceState): Trace {
  const r = tracePacket(cluster, req, { world, ...(state ? { state } : {}) });
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  return r.value;
}

const saveText = new Map<string, string>();
function rulesView(node: string): string {
  let t = saveText.get(node);
  if (t === undefined) {
    const compiled = compileKubeProxy(cluster, { node });
    if (!compiled.ok) throw new Error('compile failed');
    t = printSave(nodeRuleset(compiled.value));
    saveText.set(node, t);
  }
  return t;
}

/** Every kube-proxy rule a walk lights must be a line of the Rules view of that node. */
function expectRulesFromView(t: Trace): void {
  for (const h of [...t.hops, ...t.reply]) {
    if (h.kind !== 'rule' || h.owner !== 'kube-proxy' || h.position === 0) continue;
    expect(rulesView(h.node ?? '').split('\n')).toContain(h.rule);
  }
}

const ipOf = (hostPort: string | null) => hostPort?.replace(/:\d+$/, '') ?? null;

describe('pod → ClusterIP (walkthrough 1, the seed)', () => {
  it('spreads over the three endpoints with the kernel probabilities: 1/3 each', () => {
    const t = trace({ from: SEED_POD, to: '10.99.62.169:80' });
    expect(t.distribution.map((d) => d.endpoint)).toEqual([
      '10.244.1.14:80',
      '10.244.1.16:80',
      '10.244.2.12:80',
    ]);
    const [a, b, c] = t.distribution.map((d) => d.probability) as [number, number, number];
    expect(a).toBe(715827883 / 2 ** 31); // 0.3333333333 as the kernel keeps it: 0.33333333349
    expect(b).toBeCloseTo((1 - a) * 0.5, 15);
    expect(a + b + c).toBeCloseTo(1, 15);
    for (const p of [a, b, c]) expect(Math.abs(p - 1 / 3)).toBeLessThan(1e-9);
  });

  it('to the other node: DNAT on node1, VXLAN to node2, no SNAT inside the cluster CIDR', () => {
    const t = trace({ from: SEED_POD, to: '10.99.62.169:80', endpoint: '10.244.2.12:80' });
    expect(t.verdict).toBe('delivered');
    expect(t.deliveredTo).toEqual({
      kind: 'pod',
      pod: 'default/nginx-59ff7ffd6b-7vgh2',
      node: 'node2',
    });
    expect(ipOf(t.sourceSeenByEndpoint)).toBe('10.244.1.14');
    expect(t.sourcePreserved).toBe(true);
    const dnat = t.hops.find((h) => h.verdict === 'DNAT');
    expect(dnat?.rule).toBe(
      '-A KUBE-SEP-WAFDPEMEUUYA22C5 -p tcp -m comment --comment "default/nginx:xsp7pg" -m tcp -j DNAT --to-destination 10.244.2.12:80',
    );
    expect(t.hops.some((h) => h.kind === 'wire' && h.note.includes('VXLAN'))).toBe(true);
    expect(t.hops.some((h) => h.kind === 'nat')).toBe(false);
    expect(t.replyMatches).toBe(true);
    expectRulesFromView(t);
  });

  it('on the same node: delivered over cni0 with the pod IP as source', () => {
    const t = trace({ from: SEED_POD, to: '10.99.62.169:80', endpoint: '10.244.1.16:80' });
    expect(t.deliveredTo).toMatchObject({ pod: 'default/nginx-59ff7ffd6b-g6pgc', node: 'node1' });
    expect(ipOf(t.sourceSeenByEndpoint)).toBe('10.244.1.14');
    expect(t.hairpin).toBe(false);
  });

  it('matches its golden trace', async () => {
    const t = trace({ from: SEED_POD, to: '10.99.62.169:80', endpoint: '10.244.2.12:80' });
    await expect(formatTraceText(t)).toMatchFileSnapshot(join(GOLDEN, 'seed-pod-to-clusterip.txt'));
  });

  it('a seed picks one endpoint, the same every time', () => {
    const picks = [1, 2, 3, 4, 5, 6, 7, 8].map(
      (seed) => trace({ from: SEED_POD, to: '10.99.62.169:80', seed }).endpoint,
    );
    expect(picks).toEqual(
      [1, 2, 3, 4, 5, 6, 7, 8].map(
        (seed) => trace({ from: SEED_POD, to: '10.99.62.169:80', seed }).endpoint,
      ),
    );
    expect(new Set(picks).size).toBeGreaterThan(1);
  });

  it('from the node itself: the source is masqueraded to the VTEP address for a remote pod', () => {
    const t = trace({ from: 'node:node1', to: '10.99.62.169:80', endpoint: '10.244.2.12:80' });
    expect(t.packet.src).toMatch(/^172\.18\.0\.3:/);
    expect(ipOf(t.sourceSeenByEndpoint)).toBe('10.244.1.0');
    expect(t.hops.find((h) => h.kind === 'rule' && h.hook === 'OUTPUT')?.table).toBe('nat');
  });
});

describe('hairpin (walkthrough 4)', () => {
  it('a pod reaching itself through its Service is masqueraded to the bridge address', () => {
    const t = trace({ from: SEED_POD, to: '10.99.62.169:80', endpoint: '10.244.1.14:80' });
    expect(t.hairpin).toBe(true);
    expect(ipOf(t.sourceSeenByEndpoint)).toBe('10.244.1.1');
    const masq = t.hops.find((h) => h.verdict === 'MASQUERADE');
    expect(masq?.chain).toBe('KUBE-POSTROUTING');
    expect(
      t.hops.some((h) => h.chain?.startsWith('KUBE-SEP-') && h.verdict === 'jump KUBE-MARK-MASQ'),
    ).toBe(true);
    expect(t.replyMatches).toBe(true);
  });
});

describe('external → NodePort (walkthroughs 2 and 3)', () => {
  it('eTP Cluster: masqueraded to the address of the interface the packet leaves by', () => {
    const local = trace({ from: 'external', to: '172.18.0.3:30080', endpoint: '10.244.1.14:80' });
    expect(ipOf(local.sourceSeenByEndpoint)).toBe('10.244.1.1'); // node1's cni0
    const remote = trace({ from: 'external', to: '172.18.0.3:30080', endpoint: '10.244.2.12:80' });
    expect(ipOf(remote.sourceSeenByEndpoint)).toBe('10.244.1.0'); // node1's flannel.1
    for (const t of [local, remote]) {
      expect(t.sourcePreserved).toBe(false);
      expect(t.hops.some((h) => h.chain === 'KUBE-NODEPORTS')).toBe(true);
      expect(t.hops.some((h) => h.chain?.startsWith('KUBE-EXT-'))).toBe(true);
      expect(t.replyMatches).toBe(true);
      expectRulesFromView(t);
    }
    expect(local.distribution.length).toBe(3);
  });

  it('matches its golden trace', async () => {
    const t = trace({ from: 'external', to: '172.18.0.3:30080', endpoint: '10.244.2.12:80' });
    await expect(formatTraceText(t)).toMatchFileSnapshot(join(GOLDEN, 'external-to-nodeport.txt'));
  });

  it('eTP Local: the client IP is kept on a node with a local endpoint', () => {
    const t = trace({ from: 'external', to: '172.18.0.3:30081' });
    expect(t.verdict).toBe('delivered');
    expect(ipOf(t.sourceSeenByEndpoint)).toBe('172.18.0.100');
    expect(t.sourcePreserved).toBe(true);
    expect(t.hops.some((h) => h.chain?.startsWith('KUBE-SVL-'))).toBe(true);
    expect(t.distribution.map((d) => d.endpoint)).toEqual(['10.244.1.30:8080', '10.244.1.31:8080']);
  });

  it('eTP Local: dropped (a time-out) on a node without a local endpoint', () => {
    const t = trace({ from: 'external', to: '172.18.0.4:30081' });
    expect(t.verdict).toBe('dropped');
    expect(t.distribution).toEqual([
      { endpoint: null, verdict: 'dropped', target: null, probability: 1 },
    ]);
    expect(t.reply).toEqual([]);
  });

  it('eTP Local does not apply to the node itself: short-circuited to all endpoints', () => {
    const t = trace({ from: 'node:node2', to: '172.18.0.4:30081' });
    expect(t.verdict).toBe('delivered');
    expect(t.sourcePreserved).toBe(false);
  });
});

describe('LoadBalancer', () => {
  it('source ranges: a client outside loadBalancerSourceRanges is dropped', () => {
    const t = trace({ from: 'external', to: '198.51.100.50:80' });
    expect(t.verdict).toBe('dropped');
    expect(t.hops.some((h) => h.verdict?.startsWith('jump KUBE-FW-'))).toBe(true);
    const drop = t.hops.find((h) => h.verdict === 'DROP');
    expect(drop).toMatchObject({ table: 'filter', chain: 'KUBE-PROXY-FIREWALL' });
    expect(drop?.rule).toContain('traffic not accepted by KUBE-FW-');
  });

  it('source ranges: a client inside them reaches a web pod', () => {
    const t = trace({ from: 'external:203.0.113.9', to: '198.51.100.50:80' });
    expect(t.verdict).toBe('delivered');
    expect(t.deliveredTo?.kind).toBe('pod');
    expect(t.replyMatches).toBe(true);
  });

  it('without source ranges: delivered, masqueraded (eTP Cluster)', () => {
    const t = trace({ from: 'external', to: '198.51.100.51:80', via: 'node2' });
    expect(t.verdict).toBe('delivered');
    expect(ipOf(t.sourceSeenByEndpoint)).toBe('10.244.2.0'); // from node2 over VXLAN
  });
});

describe('no endpoints (walkthrough 5)', () => {
  it('is refused by the filter table REJECT', () => {
    const t = trace({ from: CLIENT, to: `${ip('empty')}:80` });
    expect(t.verdict).toBe('refused');
    const reject = t.hops.find((h) => h.kind === 'rule' && h.verdict === 'REJECT');
    expect(reject?.table).toBe('filter');
    expect(reject?.rule).toContain('has no endpoints');
    expect(t.refusedBy).toBe('reject-rule');
    expect(t.outcome).toMatch(/connection refused/i);
  });

  it('by name, through the pod resolv.conf search list', () => {
    const t = trace({ from: CLIENT, to: 'empty:80' });
    expect(t.resolution?.steps[0]).toEqual({
      qname: 'empty.default.svc.cluster.local.',
      result: ip('empty'),
    });
    expect(t.verdict).toBe('refused');
  });
});

describe('session affinity (ClientIP)', () => {
  it('keeps one endpoint for every walk within the timeout, and forgets it after', () => {
    const state = new TraceState();
    const first = trace({ from: CLIENT, to: `${ip('sticky')}:80`, seed: 7 }, state);
    expect(first.distribution).toHaveLength(3);
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const again = trace({ from: CLIENT, to: `${ip('sticky')}:80`, seed, now: 100 }, state);
      expect(again.endpoint).toBe(first.endpoint);
      expect(again.distribution).toEqual([
        expect.objectContaining({ endpoint: first.endpoint, probability: 1 }),
      ]);
    }
    // 600 s after the last --set (at 100 s), the recent entry is too old.
    const later = trace({ from: CLIENT, to: `${ip('sticky')}:80`, now: 701 }, state);
    expect(later.distribution).toHaveLength(3);
  });
});

describe('names', () => {
  it('headless: the name resolves to pod IPs and the packet goes straight there, no DNAT', () => {
    const t = trace({ from: CLIENT, to: 'web-headless:8080' });
    expect(t.resolution?.addresses).toEqual(expect.arrayContaining(['10.244.1.30']));
    expect(t.hops.some((h) => h.verdict === 'DNAT')).toBe(false);
    expect(t.verdict).toBe('delivered');
    expect(t.sourcePreserved).toBe(true);
    expect(t.deliveredTo).toMatchObject({ kind: 'pod', node: 'node1' });
  });

  it('ExternalName: CNAME, then out through the CNI masquerade with the node address', () => {
    const t = trace({ from: CLIENT, to: 'search:80' });
    expect(t.resolution?.cnames).toEqual(['search.example.com.']);
    expect(t.resolution?.addresses).toEqual(['192.0.2.20']);
    expect(t.deliveredTo).toEqual({ kind: 'external', ip: '192.0.2.20' });
    expect(ipOf(t.sourceSeenByEndpoint)).toBe('172.18.0.4');
    const masq = t.hops.find((h) => h.verdict === 'MASQUERADE');
    expect(masq).toMatchObject({ owner: 'flannel', chain: 'FLANNEL-POSTRTG' });
    expect(t.replyMatches).toBe(true);
  });
});

describe('packets for the node itself', () => {
  it('a port nothing listens on is refused (TCP RST), not delivered', () => {
    const t = trace({ from: 'external', to: '172.18.0.3:31999' });
    expect(t.verdict).toBe('refused');
    expect(t.refusedBy).toBe('no-listener');
    expect(t.outcome).toContain('Nothing listens on node1 at 172.18.0.3:31999/tcp');
  });

  it("the kubelet's port answers", () => {
    const t = trace({ from: 'external', to: '172.18.0.4:10250' });
    expect(t.verdict).toBe('delivered');
    expect(t.deliveredTo).toEqual({ kind: 'node', node: 'node2' });
    expect(t.hops.at(-1)?.note).toContain('the kubelet');
    expect(t.replyMatches).toBe(true);
  });
});

describe('bad requests are diagnostics, not exceptions', () => {
  it.each([
    [{ from: 'pod:default/nope', to: '10.99.62.169:80' }, 'SVCLAB-5001', 'pods "nope" not found'],
    [{ from: 'node:node9', to: '10.99.62.169:80' }, 'SVCLAB-5001', 'nodes "node9" not found'],
    [{ from: CLIENT, to: '10.99.62.169' }, 'SVCLAB-5002', 'expected HOST:PORT'],
    [{ from: CLIENT, to: '10.99.62.169:70000' }, 'SVCLAB-5002', 'expected HOST:PORT'],
    [{ from: CLIENT, to: 'nosuch:80' }, 'SVCLAB-5003', 'does not resolve'],
    [{ from: 'external', to: 'nginx:80' }, 'SVCLAB-5003', 'own resolver'],
  ])('%o', (req, code, text) => {
    const r = tracePacket(cluster, req, { world });
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]?.code).toBe(code);
    expect(r.diagnostics[0]?.message).toContain(text);
  });

  it('an endpoint the rules cannot choose is a warning', () => {
    const r = tracePacket(
      cluster,
      { from: CLIENT, to: '10.99.62.169:80', endpoint: '10.9.9.9:80' },
      { world },
    );
    expect(r.ok).toBe(true);
    expect(r.diagnostics[0]?.code).toBe('SVCLAB-5004');
  });
});
