import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { base32 } from '@scure/base';

/**
 * kube-proxy's chain names (pkg/proxy/iptables/proxier.go `portProtoHash`,
 * `servicePortEndpointChainName`): SHA-256 of the service port name string + the lower-case
 * protocol (+ the endpoint `ip:port` for KUBE-SEP), standard padded base32, first 16 characters.
 * iptables limits chain names to 28 characters; the prefixes keep them readable.
 */

/** UTF-8 bytes; names are almost always ASCII, which needs no TextEncoder. */
function encode(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f) return utf8ToBytes(text);
    bytes[i] = c;
  }
  return bytes;
}

/**
 * Names already computed. A cluster's names repeat from one compilation to the next (an edit
 * changes a few), so remembering them saves most of the hashing; the memo is dropped whole
 * when it grows past a bound, so memory stays flat.
 */
const memo = new Map<string, string>();
const MEMO_LIMIT = 250_000;

function hash16(text: string): string {
  const known = memo.get(text);
  if (known !== undefined) return known;
  // 16 base32 characters are 80 bits: the first 10 bytes of the digest, no padding.
  const name = base32.encode(sha256(encode(text)).subarray(0, 10));
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(text, name);
  return name;
}

/** `ns/name:port` for a named port, `ns/name` for an unnamed one (proxy.ServicePortName.String). */
export function servicePortNameString(namespace: string, name: string, port: string): string {
  return port === '' ? `${namespace}/${name}` : `${namespace}/${name}:${port}`;
}

export interface ServicePortChains {
  /** KUBE-SVC-: the endpoints for "Cluster" traffic policy. */
  readonly cluster: string;
  /** KUBE-SVL-: the node-local endpoints for "Local" traffic policy. */
  readonly local: string;
  /** KUBE-EXT-: where NodePort, LoadBalancer and external IP traffic enters. */
  readonly external: string;
  /** KUBE-FW-: the loadBalancerSourceRanges firewall. */
  readonly firewall: string;
}

export function servicePortChains(portName: string, protocol: string): ServicePortChains {
  const h = hash16(portName + protocol);
  return {
    cluster: `KUBE-SVC-${h}`,
    local: `KUBE-SVL-${h}`,
    external: `KUBE-EXT-${h}`,
    firewall: `KUBE-FW-${h}`,
  };
}

/** KUBE-SEP- for one endpoint (`ip:port`, `[ip]:port` for IPv6) of a service port. */
export function endpointChainName(portName: string, protocol: string, endpoint: string): string {
  return `KUBE-SEP-${hash16(portName + protocol + endpoint)}`;
}
