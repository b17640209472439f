import { describe, expect, it } from 'vitest';
import { applyScenario, describeService, kubectlGet } from '../../core/index.ts';
import seed from '../../examples/seed-nginx.yaml?raw';
import { ALL_NAMESPACES, namespacesOf, runKubectl, serviceKeys } from './kubectl-views.ts';

const cluster = applyScenario(seed).cluster;

describe('the kubectl tab', () => {
  it('prints exactly what the core prints for get pods -o wide in default', () => {
    const run = runKubectl(cluster, { view: 'pods', namespace: 'default', service: '' });
    expect(run.command).toBe('kubectl get pods -o wide');
    expect(run.stdout).toBe(kubectlGet(cluster, 'pods', { wide: true }).stdout);
    expect(run.stdout).toMatch(/^NAME +READY +STATUS +RESTARTS +AGE +IP +NODE/);
  });

  it('spells -A and -n as kubectl takes them', () => {
    expect(
      runKubectl(cluster, { view: 'services', namespace: ALL_NAMESPACES, service: '' }).command,
    ).toBe('kubectl get svc -o wide -A');
    const other = runKubectl(cluster, { view: 'endpointslices', namespace: 'shop', service: '' });
    expect(other.command).toBe('kubectl get endpointslices -n shop');
    expect(other.stderr).toBe('No resources found in shop namespace.\n');
  });

  it('describes the chosen Service', () => {
    const key = serviceKeys(cluster)[0] ?? '';
    const run = runKubectl(cluster, { view: 'describe', namespace: 'default', service: key });
    const svc = cluster.services[0];
    expect(svc).toBeDefined();
    if (svc) expect(run.stdout).toBe(describeService(svc, cluster));
    expect(run.command).toBe(`kubectl describe svc ${svc?.metadata.name}`);
  });

  it('lists default first among the namespaces', () => {
    expect(namespacesOf(cluster)[0]).toBe('default');
  });
});
