import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import {
  addNode,
  addPod,
  addService,
  deleteObject,
  parseLabels,
  type ServiceForm,
  scalePods,
  serviceManifest,
  setPodReady,
  setPodTerminating,
} from './edits.ts';

const BASE = `# my cluster
apiVersion: v1
kind: Pod
metadata:
  name: web-1
  namespace: default
  labels:
    app: web
spec:
  nodeName: node1
  containers:
    - name: app
status:
  conditions:
    - type: Ready
      status: "True"
`;

const docs = (text: string) => parseAllDocuments(text).map((d) => d.toJS());

const form: ServiceForm = {
  name: 'web',
  namespace: 'default',
  kind: 'NodePort',
  selector: 'app=web',
  ports: [{ name: 'http', port: '80', targetPort: '8080', protocol: 'TCP', nodePort: '' }],
  clusterIP: '',
  loadBalancerIP: '',
  sourceRanges: '',
  externalName: '',
  externalTrafficPolicy: 'Local',
  internalTrafficPolicy: '',
  sessionAffinity: 'None',
  affinityTimeout: '',
};

describe('edits', () => {
  it('appends a Node as a new document and keeps the comment', () => {
    const next = addNode(BASE, 'node3');
    expect(next.startsWith('# my cluster')).toBe(true);
    expect(docs(next).map((d) => d.kind)).toEqual(['Pod', 'Node']);
  });

  it('adds a Pod with its Ready condition and no IP (the CNI allocates it)', () => {
    const next = addPod(BASE, {
      name: 'web-2',
      namespace: 'default',
      nodeName: 'node2',
      labels: { app: 'web' },
      ready: false,
    });
    const pod = docs(next)[1];
    expect(pod.status.podIP).toBeUndefined();
    expect(pod.status.conditions.find((c: { type: string }) => c.type === 'Ready').status).toBe(
      'False',
    );
  });

  it('toggles readiness without touching the other documents', () => {
    const next = setPodReady(BASE, 'default', 'web-1', false);
    const pod = docs(next)[0];
    expect(pod.status.conditions).toEqual([
      { type: 'Ready', status: 'False' },
      { type: 'ContainersReady', status: 'False' },
    ]);
    expect(setPodReady(next, 'default', 'web-1', true)).toContain('status: "True"');
  });

  it('marks a Pod terminating: deletionTimestamp set, its readiness left to the probe', () => {
    const before = docs(BASE)[0];
    const pod = docs(setPodTerminating(BASE, 'default', 'web-1', '2024-07-14T09:00:00Z'))[0];
    expect(pod.metadata.deletionTimestamp).toBe('2024-07-14T09:00:00Z');
    expect(pod.status).toEqual(before.status);
  });

  it('deletes an object and leaves an unknown one alone', () => {
    const two = addNode(BASE, 'node3');
    expect(
      docs(deleteObject(two, { kind: 'Pod', namespace: 'default', name: 'web-1' })).map(
        (d) => d.kind,
      ),
    ).toEqual(['Node']);
    expect(deleteObject(two, { kind: 'Pod', namespace: 'default', name: 'nope' })).toBe(two);
  });

  it('scales Pods up round-robin over nodes and down newest first', () => {
    const up = scalePods(
      BASE,
      'default',
      { app: 'web' },
      3,
      ['node1', 'node2'],
      (i) => `web-${i + 1}`,
    );
    expect(docs(up).map((d) => [d.metadata.name, d.spec.nodeName])).toEqual([
      ['web-1', 'node1'],
      ['web-2', 'node2'],
      ['web-3', 'node1'],
    ]);
    const down = scalePods(up, 'default', { app: 'web' }, 1, [], String);
    expect(docs(down).map((d) => d.metadata.name)).toEqual(['web-1']);
  });

  it('writes a Service with only the fields the form sets, per type', () => {
    expect(serviceManifest(form).spec).toEqual({
      type: 'NodePort',
      selector: { app: 'web' },
      ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 8080 }],
      externalTrafficPolicy: 'Local',
    });
    expect(serviceManifest({ ...form, kind: 'Headless' }).spec).toMatchObject({
      type: 'ClusterIP',
      clusterIP: 'None',
    });
    const en = serviceManifest({ ...form, kind: 'ExternalName', externalName: 'example.com' }).spec;
    expect(en).toMatchObject({ type: 'ExternalName', externalName: 'example.com' });
    expect(en).not.toHaveProperty('selector');
    expect(en).not.toHaveProperty('externalTrafficPolicy');
    const lb = serviceManifest({
      ...form,
      kind: 'LoadBalancer',
      loadBalancerIP: '192.0.2.10',
      sourceRanges: '203.0.113.0/24, 198.51.100.0/24',
    });
    expect(lb.spec).toMatchObject({
      loadBalancerSourceRanges: ['203.0.113.0/24', '198.51.100.0/24'],
    });
    expect(lb.status).toEqual({ loadBalancer: { ingress: [{ ip: '192.0.2.10', ipMode: 'VIP' }] } });
  });

  it('passes a non-numeric port through, so the API server reports it', () => {
    const spec = serviceManifest({ ...form, ports: [{ ...form.ports[0]!, port: 'eighty' }] })
      .spec as { ports: Array<{ port: unknown }> };
    expect(spec.ports[0]?.port).toBe('eighty');
  });

  it('parses selectors', () => {
    expect(parseLabels('app=web, tier = front,,x')).toEqual({ app: 'web', tier: 'front', x: '' });
  });

  it('produces YAML the yaml package reads back', () => {
    expect(() => parse(addService(BASE, form).split('---\n')[1] ?? '')).not.toThrow();
  });
});

describe('edits go through the core', () => {
  it('adding a Service that exists updates it in place, as kubectl apply does', () => {
    const once = addService(BASE, form);
    const twice = addService(once, { ...form, ports: [{ ...form.ports[0]!, port: '8080' }] });
    const services = docs(twice).filter((d) => d.kind === 'Service');
    expect(services).toHaveLength(1);
    expect(services[0].spec.ports[0].port).toBe(8080);
  });

  it('an edit of a Pod that does not exist leaves the text as it was', () => {
    expect(setPodReady(BASE, 'default', 'nope', false)).toBe(BASE);
    expect(setPodTerminating(BASE, 'default', 'nope', '2024-07-14T09:00:00Z')).toBe(BASE);
  });
});
