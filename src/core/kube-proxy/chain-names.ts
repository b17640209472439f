import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { base32 } from '@scure/base';

/**
 * kube-proxy's chain names (pkg/proxy/iptables/proxier.go `portProtoHash`,
 * `servicePortEndpointChainName`): SHA-256 of the service port name string + the lower-case
 * protocol (+ the endpoint `ip:port` for KUBE-SEP), standard padded base32, first 16 characters.
 * iptables limits chain names to 28 characters; the prefixes keep them readable.
 */

const encode = utf8ToBytes;

function hash16(text: string): string {
  return base32.encode(sha256(encode(text))).slice(0, 16);
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
