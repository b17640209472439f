import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyScenario, tracePacket } from '../core/index.ts';
import { traceSteps } from './trace-steps.ts';

const seed = readFileSync(join(__dirname, '../examples/seed-nginx.yaml'), 'utf8');
const cluster = applyScenario(seed).cluster;

describe('traceSteps', () => {
  const r = tracePacket(cluster, {
    from: 'pod:default/nginx-59ff7ffd6b-hcqhb',
    to: '10.99.62.169:80',
    endpoint: '10.244.2.12:80',
  });
  if (!r.ok) throw new Error('trace failed');
  const steps = traceSteps(r.value);

  it('has one step per hop of the request and the reply, the reply marked', () => {
    expect(steps).toHaveLength(r.value.hops.length + r.value.reply.length);
    expect(steps.filter((s) => s.reply)).toHaveLength(r.value.reply.length);
  });

  it('starts at the source pod, meets the Service for its chains, ends back at the pod', () => {
    expect(steps[0]?.at).toBe('pod:default/nginx-59ff7ffd6b-hcqhb');
    const dnat = steps.find((s) => s.hop.verdict === 'DNAT');
    expect(dnat?.at).toBe('svc:default/nginx');
    expect(steps.find((s) => s.hop.kind === 'route')?.at).toBe('node:node1');
    expect(steps.find((s) => !s.reply && s.hop.kind === 'deliver')?.at).toBe(
      'pod:default/nginx-59ff7ffd6b-7vgh2',
    );
    expect(steps.at(-1)?.at).toBe('pod:default/nginx-59ff7ffd6b-hcqhb');
  });

  it('lights the rules hit so far on the step node, starting again on each node', () => {
    const dnat = steps.find((s) => s.hop.verdict === 'DNAT');
    expect(dnat?.node).toBe('node1');
    expect(dnat?.ruleIds.at(-1)).toBe(dnat?.hop.ruleId);
    expect(dnat?.ruleIds.length).toBeGreaterThan(3);
    const firstOnNode2 = steps.find((s) => s.node === 'node2' && s.hop.kind === 'rule');
    expect(firstOnNode2?.ruleIds).toEqual([firstOnNode2?.hop.ruleId]);
  });
});
