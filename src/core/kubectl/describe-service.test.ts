/**
 * `kubectl describe service` follows the kubectl of the cluster's version: which lines exist and
 * where `Endpoints:` comes from (Endpoints before 1.30, EndpointSlices since).
 */
import { describe, expect, it } from 'vitest';
import { applyScenario } from '../model/apply.ts';
import { describeService } from './describe-service.ts';

function scenario(version: string, extra = ''): string {
  return `apiVersion: kubeadm.k8s.io/v1beta4
kind: ClusterConfiguration
kubernetesVersion: ${version}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  type: LoadBalancer
  loadBalancerIP: 192.0.2.99
  trafficDistribution: PreferClose
  selector: {app: web}
  ports: [{name: http, port: 80, targetPort: 8080, appProtocol: http}]
status:
  loadBalancer:
    ingress: [{ip: 192.0.2.10, ipMode: VIP}]
${extra}`;
}

const pod = (name: string, ip: string, ready: boolean, terminating = false) => `---
apiVersion: v1
kind: Pod
metadata: {name: ${name}, labels: {app: web}${terminating ? ', deletionTimestamp: "2024-07-14T08:00:05Z"' : ''}}
spec: {nodeName: node1, containers: [{name: c}]}
status: {phase: Running, podIP: ${ip}, conditions: [{type: Ready, status: "${ready ? 'True' : 'False'}"}]}
`;

function describeWeb(text: string): string {
  const { cluster } = applyScenario(text);
  const svc = cluster.services.find((s) => s.metadata.name === 'web');
  if (!svc) throw new Error('no Service web');
  return describeService(svc, cluster);
}

const line = (out: string, label: string) =>
  out
    .split('\n')
    .find((l) => l.startsWith(`${label}:`))
    ?.replace(/:\s+/, ': ');

describe('describe service by kubectl version', () => {
  it('1.34: Desired LoadBalancer IP, ipMode, Internal Traffic Policy, Traffic Distribution; no AppProtocol yet', () => {
    const out = describeWeb(scenario('v1.34.0'));
    expect(line(out, 'Desired LoadBalancer IP')).toBe('Desired LoadBalancer IP: 192.0.2.99');
    expect(line(out, 'LoadBalancer Ingress')).toBe('LoadBalancer Ingress: 192.0.2.10 (VIP)');
    expect(line(out, 'Internal Traffic Policy')).toBe('Internal Traffic Policy: Cluster');
    expect(line(out, 'Traffic Distribution')).toBe('Traffic Distribution: PreferClose');
    expect(out).not.toContain('AppProtocol:');
    expect(
      out.endsWith('Traffic Distribution:     PreferClose\nEvents:                   <none>\n'),
    ).toBe(true);
  });

  it('1.33: no Traffic Distribution line yet', () => {
    expect(describeWeb(scenario('v1.33.0'))).not.toContain('Traffic Distribution');
  });

  it('1.29: the second IP line, no ipMode, no Internal Traffic Policy', () => {
    const out = describeWeb(scenario('v1.29.0'));
    expect(out.split('\n').filter((l) => l.startsWith('IP:'))).toEqual([
      expect.stringMatching(/^IP: +10\./),
      'IP:                       192.0.2.99',
    ]);
    expect(line(out, 'LoadBalancer Ingress')).toBe('LoadBalancer Ingress: 192.0.2.10');
    expect(out).not.toContain('Internal Traffic Policy');
  });
});

describe('the Endpoints line', () => {
  const pods = [
    pod('a', '10.244.1.2', true),
    pod('b', '10.244.1.3', true),
    pod('c', '10.244.1.4', true),
    pod('d', '10.244.1.5', false),
  ].join('');

  it('1.30+: from the slices, with kubectl\'s "+ 0 more..." quirk for a trailing unready endpoint', () => {
    expect(line(describeWeb(scenario('v1.34.0', pods)), 'Endpoints')).toBe(
      'Endpoints: 10.244.1.2:8080,10.244.1.3:8080,10.244.1.4:8080 + 0 more...',
    );
  });

  it('1.29: from the Endpoints object, ready addresses only (no quirk)', () => {
    expect(line(describeWeb(scenario('v1.29.0', pods)), 'Endpoints')).toBe(
      'Endpoints: 10.244.1.2:8080,10.244.1.3:8080,10.244.1.4:8080',
    );
  });

  it('no Pods: <none> before 1.30 (no subsets), empty since (a placeholder slice)', () => {
    expect(line(describeWeb(scenario('v1.29.0')), 'Endpoints')).toBe('Endpoints: <none>');
    expect(describeWeb(scenario('v1.34.0'))).toMatch(/\nEndpoints: +\n/);
  });

  it('only unready or terminating Pods: empty in both', () => {
    const unready = pod('x', '10.244.1.9', false) + pod('y', '10.244.1.8', false, true);
    expect(describeWeb(scenario('v1.29.0', unready))).toMatch(/\nEndpoints: +\n/);
    expect(describeWeb(scenario('v1.34.0', unready))).toMatch(/\nEndpoints: +\n/);
  });
});
