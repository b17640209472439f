/**
 * How the kubernetes plugin reads a query name (plugin/kubernetes/parse.go `parseRequest`), right
 * to left below the zone: `svc`|`pod`, namespace, service, then one label (an endpoint) or two
 * (`_port._protocol`). Anything longer, or another second-level label, is an invalid request,
 * which the plugin answers NXDOMAIN.
 */
import { splitName } from '../wire/name.ts';

export interface RecordRequest {
  readonly port: string;
  readonly protocol: string;
  readonly endpoint: string;
  readonly service: string;
  readonly namespace: string;
  /** `svc`, `pod`, or '' for the apex, `svc.<zone>` and `pod.<zone>` themselves. */
  readonly podOrSvc: '' | 'svc' | 'pod';
}

function stripUnderscore(s: string): string {
  return s.startsWith('_') ? s.slice(1) : s;
}

/** `name` and `zone` lower-cased and absolute; `name` is at or below `zone`. */
export function parseRequest(name: string, zone: string): RecordRequest | 'invalid' {
  const empty: RecordRequest = {
    port: '',
    protocol: '',
    endpoint: '',
    service: '',
    namespace: '',
    podOrSvc: '',
  };
  const segs = splitName(name).slice(0, splitName(name).length - splitName(zone).length);
  const base = segs.join('.');
  if (base === '' || base === 'svc' || base === 'pod') return empty;
  let last = segs.length - 1;
  const podOrSvc = segs[last];
  if (podOrSvc !== 'svc' && podOrSvc !== 'pod') return 'invalid';
  const r = { ...empty, podOrSvc } as { -readonly [K in keyof RecordRequest]: RecordRequest[K] };
  last--;
  if (last < 0) return r;
  r.namespace = segs[last]!;
  last--;
  if (last < 0) return r;
  r.service = segs[last]!;
  last--;
  if (last < 0) return r;
  if (last === 0) r.endpoint = segs[0]!;
  else if (last === 1) {
    r.protocol = stripUnderscore(segs[1]!);
    r.port = stripUnderscore(segs[0]!);
  } else return 'invalid';
  return r;
}
