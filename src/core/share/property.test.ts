/**
 * Property tests: random scenarios round-trip through a link unchanged (same rules, kubectl views
 * and objects), and no input — random text, damaged links, or well-formed links with random
 * contents — makes the decoder throw or hit an internal error.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exampleFiles } from '../model/test-support/fixtures.ts';
import { SHARE_FORMATS } from './formats.ts';
import { decodeShareFragment, encodeShareLink } from './link.ts';
import { userViews } from './test-support/views.ts';
import { encodeBody } from './wire.ts';

const APPS = ['web', 'api', 'db'] as const;

const pod = (i: number, nodes: number) =>
  fc
    .record({
      app: fc.constantFrom(...APPS),
      node: fc.option(fc.integer({ min: 1, max: Math.max(1, nodes) }), { nil: undefined }),
      port: fc.constantFrom(80, 8080, 53),
      named: fc.boolean(),
      protocol: fc.constantFrom(undefined, 'TCP', 'UDP'),
      notReady: fc.boolean(),
      hostNetwork: fc.boolean(),
    })
    .map((p) => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `pod-${i}`, labels: { app: p.app } },
      spec: {
        ...(p.node !== undefined && nodes > 0 ? { nodeName: `node${p.node}` } : {}),
        ...(p.hostNetwork ? { hostNetwork: true } : {}),
        containers: [
          {
            name: 'c',
            image: 'nginx',
            ports: [
              {
                containerPort: p.port,
                ...(p.named ? { name: 'http' } : {}),
                ...(p.protocol ? { protocol: p.protocol } : {}),
              },
            ],
          },
        ],
      },
      ...(p.notReady
        ? { status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'False' }] } }
        : {}),
    }));

const service = (i: number) =>
  fc
    .record({
      type: fc.constantFrom(undefined, 'ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'),
      app: fc.option(fc.constantFrom(...APPS), { nil: undefined }),
      ports: fc.uniqueArray(fc.constantFrom(80, 443, 53, 8080), { minLength: 1, maxLength: 2 }),
      targetName: fc.boolean(),
      udp: fc.boolean(),
      headless: fc.boolean(),
      local: fc.boolean(),
      affinity: fc.boolean(),
      ingress: fc.boolean(),
      nodePort: fc.boolean(),
    })
    .map((s) => {
      const external = s.type === 'NodePort' || s.type === 'LoadBalancer';
      const spec: Record<string, unknown> = {
        ...(s.type ? { type: s.type } : {}),
        ...(s.app && s.type !== 'ExternalName' ? { selector: { app: s.app } } : {}),
        ports: s.ports.map((port, k) => ({
          ...(s.ports.length > 1 ? { name: `p${k}` } : {}),
          port,
          ...(s.udp && port === 53 ? { protocol: 'UDP' } : {}),
          ...(s.targetName && k === 0 ? { targetPort: 'http' } : {}),
          ...(s.nodePort && external ? { nodePort: 30100 + i * 2 + k } : {}),
        })),
        ...(s.type === 'ExternalName' ? { externalName: 'example.com' } : {}),
        ...(s.headless && (s.type === undefined || s.type === 'ClusterIP')
          ? { clusterIP: 'None' }
          : {}),
        ...(s.local && external ? { externalTrafficPolicy: 'Local' } : {}),
        ...(s.affinity && s.type !== 'ExternalName' ? { sessionAffinity: 'ClientIP' } : {}),
      };
      return {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: `svc-${i}` },
        spec,
        ...(s.ingress && s.type === 'LoadBalancer'
          ? { status: { loadBalancer: { ingress: [{ ip: `192.0.2.${10 + i}` }] } } }
          : {}),
      };
    });

const scenario = fc
  .record({
    version: fc.constantFrom(undefined, 'v1.26.0', 'v1.30.0', 'v1.34.0'),
    nodes: fc.integer({ min: 0, max: 3 }),
    pods: fc.integer({ min: 0, max: 5 }),
    services: fc.integer({ min: 0, max: 4 }),
  })
  .chain((shape) =>
    fc
      .tuple(
        fc.tuple(...Array.from({ length: shape.pods }, (_, i) => pod(i, shape.nodes))),
        fc.tuple(...Array.from({ length: shape.services }, (_, i) => service(i))),
        fc.array(fc.boolean(), { minLength: shape.nodes, maxLength: shape.nodes }),
      )
      .map(([pods, services, cidrGiven]) => [
        ...(shape.version
          ? [
              {
                apiVersion: 'kubeadm.k8s.io/v1beta4',
                kind: 'ClusterConfiguration',
                kubernetesVersion: shape.version,
              },
            ]
          : []),
        ...cidrGiven.map((given, i) => ({
          apiVersion: 'v1',
          kind: 'Node',
          metadata: { name: `node${i + 1}` },
          ...(given ? { spec: { podCIDR: `10.244.${i + 5}.0/24` } } : {}),
        })),
        ...pods,
        ...services,
      ]),
  )
  .map((objects) =>
    JSON.stringify(
      objects.length > 0
        ? { apiVersion: 'v1', kind: 'List', items: objects }
        : { apiVersion: 'v1', kind: 'List', items: [] },
    ),
  );

const view = fc.record(
  {
    node: fc.constantFrom('node1', 'node2'),
    panel: fc.constantFrom('Rules', 'DNS', 'Trace'),
    trace: fc.record({
      from: fc.constant('pod:default/pod-0'),
      to: fc.constantFrom('10.96.0.10:53', 'svc-0'),
      protocol: fc.constantFrom('TCP', 'UDP'),
    }),
    lesson: fc.record({ id: fc.constantFrom('nodeport', 'dns'), step: fc.nat(20) }),
    language: fc.constantFrom('en', 'zh-CN'),
  },
  { requiredKeys: [] },
);

describe('share links: properties', () => {
  it('random scenarios round-trip unchanged (rules, kubectl views, objects, view state)', () => {
    let shared = 0;
    fc.assert(
      fc.property(scenario, view, (text, v) => {
        const encoded = encodeShareLink({ scenario: text, view: v });
        if (!encoded.ok) return; // the scenario itself is invalid (the API server rejects it)
        shared++;
        const decoded = decodeShareFragment(encoded.url);
        if (!decoded.ok) throw new Error(JSON.stringify(decoded.diagnostics));
        expect(decoded.state.view).toEqual(v);
        expect(userViews(decoded.state.scenario)).toBe(userViews(text));
        const again = encodeShareLink(decoded.state);
        expect(again.ok && again.fragment).toBe(encoded.fragment);
      }),
      { numRuns: 40, seed: 20260801 },
    );
    expect(shared).toBeGreaterThan(25);
  }, 300_000);

  const seedLink = encodeShareLink(
    { scenario: exampleFiles['seed-nginx.yaml'] ?? '', view: { panel: 'Trace' } },
    { base: 'https://example.org/k8s-service-lab/' },
  );
  const url = seedLink.ok ? seedLink.url : '';
  const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

  const mutated = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.string({ unit: fc.constantFrom(...ALPHABET), maxLength: 600 }).map((s) => `#v1.${s}`),
    fc.nat(url.length).map((n) => url.slice(0, n)),
    fc
      .tuple(fc.nat(url.length - 1), fc.constantFrom(...`${ALPHABET}#.%~ é`))
      .map(([i, c]) => url.slice(0, i) + c + url.slice(i + 1)),
    fc
      .tuple(fc.nat(url.length), fc.string({ maxLength: 8 }))
      .map(([i, s]) => url.slice(0, i) + s + url.slice(i)),
    fc.tuple(fc.nat(url.length), fc.nat(20)).map(([i, n]) => url.slice(0, i) + url.slice(i + n)),
    fc.nat(99).map((v) => url.replace('#v1.', `#v${v}.`)),
  );

  it('10,000 random and damaged links never throw past the decoder', () => {
    const codes = new Set<string>();
    fc.assert(
      fc.property(mutated, (link) => {
        const decoded = decodeShareFragment(link);
        if (decoded.ok) return;
        const first = decoded.diagnostics[0];
        expect(first?.code).toMatch(/^SVCLAB-60\d\d$/);
        expect(first?.message.length).toBeGreaterThan(20);
        codes.add(first?.code ?? '');
      }),
      { numRuns: 10_000, seed: 7 },
    );
    expect(codes.size).toBeGreaterThanOrEqual(5);
  }, 300_000);

  it('well-formed links with random contents never throw past the decoder', () => {
    const dictionary = SHARE_FORMATS[0]?.dictionary;
    const objects = fc.array(
      fc.oneof(
        fc.jsonValue({ maxDepth: 3 }),
        fc.record({
          kind: fc.constantFrom('Pod', 'Service', 'Node', 'EndpointSlice', 'Thing'),
          metadata: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.record({ name: fc.string() })),
          spec: fc.jsonValue({ maxDepth: 3 }),
        }),
      ),
      { maxLength: 4 },
    );
    fc.assert(
      fc.property(objects, fc.jsonValue({ maxDepth: 2 }), (o, v) => {
        const link = `v1.${encodeBody(JSON.stringify({ o, v }), dictionary)}`;
        const decoded = decodeShareFragment(link);
        for (const d of decoded.diagnostics) expect(d.code).not.toBe('SVCLAB-6999');
      }),
      { numRuns: 2000, seed: 11 },
    );
  }, 300_000);
});
