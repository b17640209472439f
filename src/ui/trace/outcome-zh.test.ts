import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyScenario, type Trace, type TraceRequest, tracePacket } from '../../core/index.ts';
import { outcomeZh } from './outcome-zh.ts';

const text = readFileSync(join(__dirname, '../../../golden/trace/walkthroughs.yaml'), 'utf8');
const cluster = applyScenario(text).cluster;
const emptyIp = cluster.services.find((s) => s.metadata.name === 'empty')?.spec.clusterIP ?? '';

function trace(req: TraceRequest): Trace {
  const r = tracePacket(cluster, req);
  if (!r.ok) throw new Error('trace failed');
  return r.value;
}

describe('the trace headline in Chinese, from the trace fields', () => {
  it('delivered with the source kept / masqueraded / hairpin', () => {
    const kept = trace({ from: 'external', to: '172.18.0.3:30081' });
    expect(outcomeZh(kept)).toMatch(
      /^已送达 node1 上的 Pod default\/web-\d（10\.244\.1\.3\d:8080）；它看到连接来自客户端自己的地址 172\.18\.0\.100:\d+（保留了源 IP）。$/,
    );
    const hairpin = trace({
      from: 'pod:default/nginx-59ff7ffd6b-hcqhb',
      to: '10.99.62.169:80',
      endpoint: '10.244.1.14:80',
    });
    expect(outcomeZh(hairpin)).toContain('（hairpin）');
    expect(outcomeZh(hairpin)).toContain('而不是客户端的 10.244.1.14（经过了 MASQUERADE 伪装）');
  });

  it('refused by REJECT, refused for want of a listener, dropped', () => {
    expect(outcomeZh(trace({ from: 'pod:default/client', to: `${emptyIp}:80` }))).toBe(
      '连接被拒绝：node2 上的一条 REJECT 规则作出应答（该 Service 没有端点）。',
    );
    expect(outcomeZh(trace({ from: 'external', to: '172.18.0.3:31999' }))).toBe(
      '连接被拒绝：node1 上没有进程在 172.18.0.3:31999/tcp 监听，内核回以 TCP RST（connection refused）。',
    );
    expect(outcomeZh(trace({ from: 'external', to: '172.18.0.4:30081' }))).toBe(
      '超时：数据包在 node2 上被丢弃，客户端收不到任何回应。',
    );
  });
});
