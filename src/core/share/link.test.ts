import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { exampleFiles, kubeProxyFixtures } from '../model/test-support/fixtures.ts';
import { ShareCode } from './codes.ts';
import {
  classifyShareLinkSize,
  decodeShareFragment,
  encodeShareLink,
  SHARE_LINK_LIMITS,
} from './link.ts';
import { userViews } from './test-support/views.ts';

const BASE = 'https://example.org/k8s-service-lab/';
const seed = exampleFiles['seed-nginx.yaml'] ?? '';

function link(scenario: string, view = {}) {
  const encoded = encodeShareLink({ scenario, view }, { base: BASE });
  if (!encoded.ok) throw new Error(JSON.stringify(encoded.diagnostics));
  return encoded;
}

function open(url: string) {
  const decoded = decodeShareFragment(url);
  if (!decoded.ok) throw new Error(JSON.stringify(decoded.diagnostics));
  return decoded;
}

const seedLink = link(seed);

describe('share links', () => {
  it(`the seed's full link is ${seedLink.length} characters (under 600)`, () => {
    expect(seedLink.url.startsWith(`${BASE}#v1.`)).toBe(true);
    expect(seedLink.length).toBe(seedLink.url.length);
    expect(seedLink.length).toBeLessThan(600);
    expect(seedLink.sizeClass).toBe('ok');
  });

  it.each([['seed-nginx.yaml', seed], ...Object.entries(kubeProxyFixtures)])(
    '%s: the opened link shows the same rules, kubectl views and objects',
    (_name, text) => {
      const opened = open(link(text).url);
      expect(userViews(opened.state.scenario)).toBe(userViews(text));
    },
  );

  it('keeps allocated values the model would hand out again (they are pinned)', () => {
    const text = [
      'apiVersion: v1',
      'kind: Service',
      'metadata: {name: web}',
      'spec: {type: NodePort, selector: {app: web}, ports: [{port: 80}]}',
    ].join('\n');
    const { scenario } = open(link(text).url).state;
    expect(scenario).toMatch(/clusterIP: 10\.\d+\.\d+\.\d+/);
    expect(scenario).toMatch(/nodePort: 3\d{4}/);
    expect(scenario).toMatch(/kubernetesVersion: v1\.\d+\.\d+/);
    // ... and leaves out what defaulting gives back.
    expect(scenario).not.toMatch(/protocol: TCP|targetPort|sessionAffinity|namespace: default/);
    expect(userViews(scenario)).toBe(userViews(text));
  });

  it('pins what the scheduler and the default cluster chose, drops what the kubelet reports', () => {
    const text = [
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: web, labels: {app: web}}',
      'spec: {containers: [{name: c, image: nginx}]}',
    ].join('\n');
    const opened = open(link(text).url);
    const kinds = opened.objects.map((o) => o.kind);
    expect(kinds).toEqual(['ClusterConfiguration', 'Node', 'Node', 'Pod']);
    const { scenario } = opened.state;
    expect(scenario).toContain('podCIDR: 10.244.1.0/24');
    expect(scenario).toContain('address: 172.18.0.3');
    // The Pod IP goes with the kubelet's status, which the model gives again exactly.
    const podDocument = scenario.split('---\n').find((d) => d.includes('kind: Pod')) ?? '';
    expect(podDocument).toContain('nodeName: node1');
    expect(podDocument).not.toMatch(/status:|podIP|restartPolicy|uid:/);
    expect(userViews(scenario)).toBe(userViews(text));
  });

  it('keeps a Pod IP that the scenario wrote with its status, even where IPAM would give it', () => {
    const text = [
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: web}',
      'spec: {nodeName: node1, containers: [{name: c, image: nginx}]}',
      'status: {phase: Running, podIP: 10.244.1.2, conditions: [{type: Ready, status: "True"}]}',
    ].join('\n');
    const { scenario } = open(link(text).url).state;
    expect(scenario).toMatch(/podIP: 10\.244\.1\.2\n/);
    expect(userViews(scenario)).toBe(userViews(text));
  });

  it('carries the view state and gives it back unchanged', () => {
    const view = {
      node: 'node2',
      panel: 'Trace',
      selected: 'svc:default/nginx',
      trace: { from: 'pod:default/nginx-59ff7ffd6b-hcqhb', to: '10.99.62.169:80', protocol: 'TCP' },
      lesson: { id: 'clusterip-probability', step: 3 },
      language: 'zh-CN',
    } as const;
    expect(open(link(seed, view).url).state.view).toEqual(view);
    expect(open(seedLink.url).state.view).toEqual({});
  });

  it('keeps text that is not ASCII (UTF-8 inside the link)', () => {
    const text = seed.replace(
      'k8s.kuboard.cn/name: nginx\nspec:\n  type: ClusterIP',
      'k8s.kuboard.cn/name: nginx\n  annotations:\n    description: 入口服务 ✓\nspec:\n  type: ClusterIP',
    );
    expect(text).toContain('入口服务');
    const { scenario } = open(link(text).url).state;
    expect(scenario).toContain('description: 入口服务 ✓');
    expect(userViews(scenario)).toBe(userViews(text));
  });

  it('refuses input far longer than any link before decoding it', () => {
    const decoded = decodeShareFragment(`#v1.${'A'.repeat(2_000_001)}`);
    expect(decoded.diagnostics[0]?.code).toBe(ShareCode.tooLarge);
  });

  it('accepts the whole URL, the fragment, or the fragment with #', () => {
    const a = open(seedLink.url).state.scenario;
    expect(open(seedLink.fragment).state.scenario).toBe(a);
    expect(open(`#${seedLink.fragment}`).state.scenario).toBe(a);
    expect(open(`  ${seedLink.url}\n`).state.scenario).toBe(a);
  });

  it('is deterministic and a fixed point: re-sharing an opened link gives the same link', () => {
    expect(link(seed).url).toBe(seedLink.url);
    expect(link(open(seedLink.url).state.scenario).url).toBe(seedLink.url);
  });

  it('does not depend on how the scenario was written: key order, YAML or JSON, a List', () => {
    const reversed = (v: unknown): unknown => {
      if (Array.isArray(v)) return v.map(reversed);
      if (typeof v !== 'object' || v === null) return v;
      const entries = Object.entries(v).reverse();
      return Object.fromEntries(entries.map(([k, x]) => [k, reversed(x)]));
    };
    const items = parseAllDocuments(seed).map((d) => reversed(d.toJS()));
    const json = JSON.stringify({ apiVersion: 'v1', kind: 'List', items });
    expect(link(json).url).toBe(seedLink.url);
  });

  it('refuses to share a scenario with errors, with the API server messages', () => {
    const bad = 'apiVersion: v1\nkind: Service\nmetadata: {name: x}\nspec: {ports: [{port: 0}]}\n';
    const encoded = encodeShareLink({ scenario: bad });
    expect(encoded.ok).toBe(false);
    expect(encoded.diagnostics[0]?.code).toBe(ShareCode.scenarioHasErrors);
    expect(encoded.diagnostics.length).toBeGreaterThan(1);
  });

  it.each([
    [2048, 'ok'],
    [2049, 'warn'],
    [8000, 'warn'],
    [8001, 'download'],
  ] as const)('a %i-character link is %s', (length, size) => {
    expect(classifyShareLinkSize(length)).toBe(size);
    expect(SHARE_LINK_LIMITS).toEqual({ warnAbove: 2048, downloadAbove: 8000 });
  });
});

describe('links that cannot be opened say why', () => {
  const body = seedLink.fragment.slice(3);
  const flip = (s: string, i: number) =>
    s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
  it.each([
    ['empty', '', ShareCode.notALink, /empty/],
    ['no version', body, ShareCode.notALink, /not a k8s-service-lab share link/],
    ['a newer version', `v9.${body}`, ShareCode.newerVersion, /newer version .* v9/],
    ['an older unknown version', `v0.${body}`, ShareCode.unsupportedVersion, /format v0/],
    [
      'a character base64url never has',
      `v1.${body.slice(0, 20)}*${body.slice(21)}`,
      ShareCode.badBase64,
      /"\*" at position 21/,
    ],
    [
      'a base64url length no data has',
      `v1.${body}x`.slice(0, 3 + 4 * 20 + 1),
      ShareCode.badBase64,
      /damaged/,
    ],
    ['cut off', `v1.${body.slice(0, 120)}`, ShareCode.badDeflate, /damaged/],
    ['only a checksum', 'v1.AAAAAA', ShareCode.badDeflate, /damaged/],
    ['a changed character', `v1.${flip(body, 150)}`, ShareCode.badDeflate, /./],
  ])('%s', (_name, input, code, message) => {
    const decoded = decodeShareFragment(input);
    expect(decoded.ok).toBe(false);
    expect(decoded.diagnostics[0]?.code).toBe(code);
    expect(decoded.diagnostics[0]?.message).toMatch(message);
  });

  it('never throws on non-string input', () => {
    expect(decodeShareFragment(undefined as unknown as string).ok).toBe(false);
  });
});
