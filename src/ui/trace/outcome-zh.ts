/**
 * The trace's headline in Chinese, composed from the trace's structured fields (the core writes
 * its `outcome` sentence in English). Addresses and names stay as they are.
 */
import type { Trace } from '../../core/index.ts';

export function outcomeZh(trace: Trace): string {
  const last = trace.hops[trace.hops.length - 1];
  const node = last?.node ?? '';
  switch (trace.verdict) {
    case 'refused':
      return trace.refusedBy === 'no-listener'
        ? `连接被拒绝：${node} 上没有进程在 ${trace.destination}/${trace.protocol} 监听，内核回以 ${trace.protocol === 'tcp' ? 'TCP RST' : 'ICMP port unreachable'}（connection refused）。`
        : `连接被拒绝：${node} 上的一条 REJECT 规则作出应答（该 Service 没有端点）。`;
    case 'dropped':
      return `超时：数据包${node ? `在 ${node} 上` : ''}被丢弃，客户端收不到任何回应。`;
    case 'delivered': {
      const to = trace.deliveredTo;
      const where =
        to?.kind === 'pod'
          ? `${to.node} 上的 Pod ${to.pod}`
          : to?.kind === 'node'
            ? `节点 ${to.node}`
            : (to?.ip ?? '');
      const client = trace.packet.src.replace(/:\d+$/, '');
      const seen = trace.sourceSeenByEndpoint ?? '';
      const source = trace.sourcePreserved
        ? `客户端自己的地址 ${seen}（保留了源 IP）`
        : `${seen}，而不是客户端的 ${client}（经过了 MASQUERADE 伪装）`;
      const hairpin = trace.hairpin ? '——Pod 通过自己的 Service 访问到了自己（hairpin）' : '';
      return `已送达 ${where}（${trace.endpoint ?? ''}）${hairpin}；它看到连接来自${source}。`;
    }
  }
}
