/**
 * A search walk as text, one line per name tried (for the CLI's `--walk` and the UI's "copy"):
 *
 *   getaddrinfo("shop") from default/client: 0 dots < ndots 5, so the search list first
 *   1  shop.default.svc.cluster.local.  A NXDOMAIN  AAAA NXDOMAIN  next
 *   2  shop.svc.cluster.local.          A NODATA  AAAA NODATA      next
 *   ...
 *   result: NODATA, no address
 *
 * `(TCP)` marks an answer asked again over TCP after a truncated UDP reply.
 */
import { typeName } from '../wire/types.ts';
import type { Outcome, SearchWalk } from './types.ts';

const OUTCOME: Record<Outcome, string> = {
  answer: 'ANSWER',
  nodata: 'NODATA',
  nxdomain: 'NXDOMAIN',
  servfail: 'SERVFAIL',
  refused: 'REFUSED',
  error: 'ERROR',
};

function why(walk: SearchWalk): string {
  if (walk.result === 'files') return 'found in /etc/hosts, no DNS query';
  if (walk.absolute) return 'ends in a dot: sent as is, no search';
  const cmp = `${walk.dots} dot${walk.dots === 1 ? '' : 's'}`;
  if (walk.resolver === 'dig' && walk.steps.length === 1 && walk.steps[0]?.suffix === null) {
    return walk.dots >= walk.ndots ? `${cmp} >= ndots ${walk.ndots}: sent as is` : 'sent as is';
  }
  return walk.dots >= walk.ndots
    ? `${cmp} >= ndots ${walk.ndots}, so as is first`
    : `${cmp} < ndots ${walk.ndots}, so the search list first`;
}

export function formatWalk(walk: SearchWalk, pod: string): string {
  const call =
    walk.resolver === 'glibc' ? `getaddrinfo("${walk.input}")` : `dig +search ${walk.input}`;
  const lines = [`${call} from ${pod}: ${why(walk)}`];
  const width = Math.max(0, ...walk.steps.map((s) => s.name.length));
  walk.steps.forEach((s, i) => {
    const replies = s.queries
      .map((q) => `${typeName(q.type)} ${OUTCOME[q.outcome]}${q.udp ? ' (TCP)' : ''}`.padEnd(19))
      .join('  ');
    lines.push(
      `${String(i + 1).padStart(2)}  ${s.name.padEnd(width)}  ${replies}  ${s.stops ? 'stop' : 'next'}`,
    );
  });
  if (walk.result === 'files' || walk.addresses.length > 0) {
    const from = walk.answeredName ? ` (${walk.answeredName})` : '';
    lines.push(`result: ${walk.addresses.join(' ')}${from}`);
  } else if (walk.result === 'answer') {
    lines.push(`result: no address (the answer for ${walk.answeredName} has no A or AAAA record)`);
  } else {
    lines.push(`result: ${OUTCOME[walk.result as Outcome]}, no address`);
  }
  return `${lines.join('\n')}\n`;
}
