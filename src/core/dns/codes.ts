/** Diagnostic codes of the DNS area (SVCLAB-4xxx). Never reuse or renumber one. */
export const DNS_CODES = {
  /** The query bytes are not a DNS message. */
  malformedQuery: 'SVCLAB-4001',
  /** `--query-hex` is not hex. */
  invalidHex: 'SVCLAB-4002',
  /** A query type dig would not know. */
  unknownType: 'SVCLAB-4003',
  /** Not a valid domain name (empty label, label over 63 octets, name over 255). */
  invalidName: 'SVCLAB-4004',
  /** `--from NS/POD` names no pod in the scenario. */
  podNotFound: 'SVCLAB-4005',
  /** The kubelet adjusted the pod's resolv.conf (limits exceeded); its event text. */
  resolvConfLimit: 'SVCLAB-4006',
  /** `-x` with something that is not an IP address. */
  invalidAddress: 'SVCLAB-4007',
  /** A dig option or argument svclab does not accept. */
  invalidDigArgument: 'SVCLAB-4008',
  /** dnsPolicy None without any nameserver (the API server rejects such a pod). */
  noNameservers: 'SVCLAB-4009',
  /** The kubelet has no clusterDNS: a ClusterFirst pod falls back to Default (MissingClusterDNS). */
  missingClusterDns: 'SVCLAB-4010',
  /** `@server` (or the pod's nameserver) is an address where svclab models no DNS server. */
  noDnsServer: 'SVCLAB-4011',
} as const;
