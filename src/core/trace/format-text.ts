/**
 * A trace as text, for the terminal and golden files: the request, each hop (rules as
 * iptables-save prints them, with their chain position and what they did; every address
 * change shown before ⇒ after), the reply, the outcome and the distribution over endpoints.
 */
import type { Place, TraceHop } from './hop.ts';
import type { Trace } from './trace.ts';

export function placeText(p: Place): string {
  switch (p.kind) {
    case 'pod':
      return `pod ${p.pod}`;
    case 'node':
      return `node ${p.node}`;
    case 'external':
      return `host ${p.ip}`;
  }
}

function hopLines(h: TraceHop): string[] {
  const lines: string[] = [];
  const where = h.node ?? placeText(h.at);
  if (h.kind === 'rule') {
    const pos = h.position === 0 ? 'policy' : `#${h.position}`;
    const owner = h.owner === 'kube-proxy' ? '' : ` [${h.owner}]`;
    lines.push(`  ${where}  ${h.table} ${h.hook}  ${h.chain} ${pos}${owner}`);
    lines.push(`      ${h.rule}`);
    lines.push(`      → ${h.verdict}`);
  } else {
    lines.push(`  ${where}  ${h.kind}: ${h.note}`);
  }
  const b = h.before;
  const a = h.after;
  if (b.src !== a.src || b.dst !== a.dst) {
    lines.push(`      ${b.src} → ${b.dst}  ⇒  ${a.src} → ${a.dst}`);
  } else if (b.mark !== a.mark) {
    lines.push(`      mark ${b.mark} ⇒ ${a.mark}`);
  }
  return lines;
}

export function formatTraceText(t: Trace): string {
  const out: string[] = [];
  out.push(`trace ${t.from} → ${t.to} (${t.protocol})`);
  if (t.resolution) {
    out.push(`resolve ${t.resolution.name} (resolv.conf search, ndots:5):`);
    for (const s of t.resolution.steps) out.push(`  ${s.qname}  ${s.result}`);
    if (t.resolution.cnames.length > 0) out.push(`  CNAME → ${t.resolution.cnames.join(' → ')}`);
  }
  out.push(`packet ${t.packet.src} → ${t.packet.dst} ${t.protocol}`);
  out.push('');
  out.push('request:');
  for (const h of t.hops) out.push(...hopLines(h));
  if (t.reply.length > 0) {
    out.push('');
    out.push('reply:');
    for (const h of t.reply) out.push(...hopLines(h));
  }
  out.push('');
  out.push(`verdict: ${t.verdict}`);
  out.push(`outcome: ${t.outcome}`);
  if (t.replyMatches === false) {
    out.push('reply: does NOT come back from the address the client sent to; the client drops it');
  }
  out.push('distribution (this source, exact):');
  for (const d of t.distribution) {
    const pct = (d.probability * 100).toFixed(4);
    out.push(
      `  ${(d.endpoint ?? d.verdict).padEnd(22)} ${(d.target ?? '').padEnd(40)} ${d.probability.toFixed(10)}  (${pct}%)`,
    );
  }
  return `${out.join('\n')}\n`;
}
