import { describe, expect, it } from 'vitest';
import { describeService } from '../kubectl/describe-service.ts';
import { kubectlGet } from '../kubectl/get.ts';
import { serviceManifest } from './edit-forms.ts';
import {
  addNode,
  addObject,
  addPod,
  addService,
  applyObject,
  removeNode,
  removePod,
  removeService,
  scalePods,
  setPodReady,
  setPodTerminating,
  updatePod,
  updateService,
} from './edits.ts';
import { exampleFiles } from './test-support/fixtures.ts';
import type { Service } from './types.ts';

const SEED = exampleFiles['seed-nginx.yaml'] ?? '';
const POD = 'nginx-59ff7ffd6b-hcqhb';

const service = (name: string, spec: Record<string, unknown>) => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace: 'default' },
  spec,
});

function endpointOf(result: ReturnType<typeof setPodReady>, ip: string) {
  return result.applied.cluster.endpointSlices
    .flatMap((s) => s.endpoints)
    .find((e) => e.addresses[0] === ip);
}

describe('Node edits', () => {
  it('adds a Node: the model gives it the next pod CIDR; comments stay', () => {
    const r = addNode(SEED, 'node3');
    expect(r.ok).toBe(true);
    expect(r.text.startsWith(SEED.split('\n', 1)[0] ?? '')).toBe(true);
    const node = r.applied.cluster.nodes.find((n) => n.metadata.name === 'node3');
    expect(node?.spec?.podCIDR).toBe('10.244.3.0/24');
  });

  it('refuses a Node that exists, with the API server words, and keeps the text', () => {
    const r = addNode(SEED, 'node1');
    expect(r.ok).toBe(false);
    expect(r.text).toBe(SEED);
    expect(r.diagnostics[0]).toMatchObject({
      code: 'SVCLAB-2302',
      message: 'nodes "node1" already exists',
    });
  });

  it('removes a Node; its Pods are left without an IP and say why', () => {
    const r = removeNode(SEED, 'node2');
    expect(r.applied.cluster.nodes.map((n) => n.metadata.name)).toEqual(['node1']);
    expect(r.diagnostics.some((d) => d.message.includes('names no Node'))).toBe(true);
  });
});

describe('Pod edits', () => {
  it('adds a Pod: scheduled, addressed from its node CIDR, and in the Service endpoints', () => {
    const r = addPod(SEED, {
      apiVersion: 'v1',
      metadata: { name: 'nginx-new', labels: { 'k8s.kuboard.cn/name': 'nginx' } },
      spec: { nodeName: 'node2', containers: [{ name: 'nginx', image: 'nginx:1.25' }] },
    });
    expect(r.ok).toBe(true);
    const pod = r.applied.cluster.pods.find((p) => p.metadata.name === 'nginx-new');
    expect(pod?.status?.podIP).toBe('10.244.2.13');
    expect(endpointOf(r, '10.244.2.13')?.conditions.ready).toBe(true);
  });

  it('updates a Pod in place and refuses one that does not exist', () => {
    const r = updatePod(SEED, {
      apiVersion: 'v1',
      metadata: { name: POD, namespace: 'default', labels: { app: 'other' } },
      spec: { nodeName: 'node1', containers: [{ name: 'nginx' }] },
    });
    expect(r.applied.cluster.endpointSlices[0]?.endpoints).toHaveLength(2);
    const missing = updatePod(SEED, { metadata: { name: 'nope' }, spec: {} });
    expect(missing.diagnostics[0]?.message).toBe('pods "nope" not found');
    expect(missing.text).toBe(SEED);
  });

  it('sets a Pod not ready: its endpoint stays, not ready, and describe drops it', () => {
    const r = setPodReady(SEED, 'default', POD, false);
    expect(endpointOf(r, '10.244.1.14')?.conditions).toEqual({
      ready: false,
      serving: false,
      terminating: false,
    });
    const svc = r.applied.cluster.services[0] as Service;
    expect(describeService(svc, r.applied.cluster)).toMatch(
      /\nEndpoints: +10\.244\.1\.16:80,10\.244\.2\.12:80\n/,
    );
    const back = setPodReady(r.text, 'default', POD, true);
    expect(endpointOf(back, '10.244.1.14')?.conditions.ready).toBe(true);
  });

  it('a Pod given without status becomes Running when a probe fails (never an empty STATUS)', () => {
    const text = `${SEED}---\napiVersion: v1\nkind: Pod\nmetadata: {name: bare}\nspec: {nodeName: node1, containers: [{name: c}]}\n`;
    const r = setPodReady(text, 'default', 'bare', false);
    expect(kubectlGet(r.applied.cluster, 'pods', { names: ['bare'] }).stdout).toContain(
      'bare   0/1     Running',
    );
  });

  it('marks a Pod terminating: kubectl says Terminating, the endpoint is serving and terminating', () => {
    const r = setPodTerminating(SEED, 'default', POD, '2024-07-14T08:40:00Z');
    // Still passing its readiness probe while it shuts down: serving, terminating, not ready.
    expect(endpointOf(r, '10.244.1.14')?.conditions).toEqual({
      ready: false,
      serving: true,
      terminating: true,
    });
    // Failing the probe as well (not ready): neither serving nor ready.
    const failing = setPodReady(r.text, 'default', POD, false);
    expect(endpointOf(failing, '10.244.1.14')?.conditions).toEqual({
      ready: false,
      serving: false,
      terminating: true,
    });
    expect(kubectlGet(r.applied.cluster, 'pods', { names: [POD] }).stdout).toContain('Terminating');
  });

  it('removes a Pod, and says so when there is none', () => {
    expect(removePod(SEED, 'default', POD).applied.cluster.pods).toHaveLength(2);
    expect(removePod(SEED, 'default', 'nope').diagnostics[0]?.message).toBe(
      'pods "nope" not found',
    );
  });

  it('scales by label: new Pods round-robin with fresh IPs, surplus newest first; deterministic', () => {
    const labels = { 'k8s.kuboard.cn/name': 'nginx' };
    const name = (i: number) => `nginx-59ff7ffd6b-new${i}`;
    const up = scalePods(SEED, 'default', labels, 5, ['node1', 'node2'], name);
    expect(up.text).toBe(scalePods(SEED, 'default', labels, 5, ['node1', 'node2'], name).text);
    expect(up.applied.cluster.endpointSlices[0]?.endpoints.map((e) => e.addresses[0])).toEqual([
      '10.244.1.14',
      '10.244.1.16',
      '10.244.1.17',
      '10.244.2.12',
      '10.244.2.13',
    ]);
    const down = scalePods(up.text, 'default', labels, 1, [], name);
    expect(down.applied.cluster.pods.map((p) => p.metadata.name)).toEqual([
      'nginx-59ff7ffd6b-7vgh2',
    ]);
  });
});

describe('Service edits', () => {
  it('adds a Service: allocated, and its EndpointSlice derived', () => {
    const r = addService(
      SEED,
      service('web', {
        type: 'NodePort',
        selector: { 'k8s.kuboard.cn/name': 'nginx' },
        ports: [{ port: 8080, targetPort: 80 }],
      }),
    );
    expect(r.ok).toBe(true);
    const web = r.applied.cluster.services.find((s) => s.metadata.name === 'web');
    expect(web?.spec.ports?.[0]?.nodePort).toBeGreaterThanOrEqual(30000);
    expect(
      r.applied.cluster.endpointSlices.map(
        (s) => s.metadata.labels?.['kubernetes.io/service-name'],
      ),
    ).toContain('web');
  });

  it('returns the API server error for an invalid Service, with the text it would have written', () => {
    const r = addService(
      SEED,
      service('web', { type: 'NodePort', ports: [{ port: 80, nodePort: 80 }] }),
    );
    expect(r.ok).toBe(false);
    expect(r.text).not.toBe(SEED);
    expect(r.diagnostics.find((d) => d.severity === 'error')?.message).toBe(
      'spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
    );
  });

  it('updates a Service in place (one document, not two) and removes it', () => {
    const updated = updateService(
      SEED,
      service('nginx', {
        clusterIP: '10.99.62.169',
        selector: { 'k8s.kuboard.cn/name': 'nginx' },
        ports: [{ name: 'http', port: 8080, targetPort: 80 }],
      }),
    );
    expect(updated.ok).toBe(true);
    expect(updated.text.match(/kind: Service/g)).toHaveLength(1);
    expect(updated.applied.cluster.services[0]?.spec.ports?.[0]?.port).toBe(8080);
    expect(removeService(updated.text, 'default', 'nginx').applied.cluster.services).toEqual([]);
  });

  it('applyObject adds what is missing and updates what exists (kubectl apply)', () => {
    const form = serviceManifest({
      name: 'nginx',
      namespace: 'default',
      kind: 'Headless',
      selector: 'k8s.kuboard.cn/name=nginx',
      ports: [{ name: 'http', port: '80', targetPort: '', protocol: 'TCP', nodePort: '' }],
      clusterIP: '',
      loadBalancerIP: '',
      sourceRanges: '',
      externalName: '',
      externalTrafficPolicy: '',
      internalTrafficPolicy: '',
      sessionAffinity: 'None',
      affinityTimeout: '',
    });
    expect(addObject(SEED, form).ok).toBe(false);
    const r = applyObject(SEED, form);
    expect(r.applied.cluster.services[0]?.spec.clusterIP).toBe('None');
  });
});

describe('kubectl apply annotation', () => {
  it('records the manifest as Go marshals it (sorted keys, HTML-escaped, namespace filled in)', () => {
    const svc = service('web', { ports: [{ port: 80 }] });
    const r = addService(SEED, {
      ...svc,
      metadata: { name: 'web', annotations: { note: '<a&b>' } },
    });
    const web = r.applied.cluster.services.find((s) => s.metadata.name === 'web');
    expect(web?.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration']).toBe(
      '{"apiVersion":"v1","kind":"Service","metadata":{"annotations":{"note":"\\u003ca\\u0026b\\u003e"},"name":"web","namespace":"default"},"spec":{"ports":[{"port":80}]}}\n',
    );
  });
});
