/** Diagnostic codes of the packet walk (SVCLAB-5xxx; see diagnostics.ts). Never renumber. */
export const TraceCode = {
  /** `--from` names no pod, node or outside host of the scenario. */
  UnknownSource: 'SVCLAB-5001',
  /** `--to` is not HOST:PORT. */
  BadDestination: 'SVCLAB-5002',
  /** The destination name does not resolve from the source. */
  NameNotResolved: 'SVCLAB-5003',
  /** `--endpoint` is not an endpoint the rules can pick for this packet. */
  EndpointNotChosen: 'SVCLAB-5004',
  /** The walk models IPv4 only. */
  Unsupported: 'SVCLAB-5005',
  /** The source pod has no IP yet (not scheduled or not running). */
  SourceWithoutIp: 'SVCLAB-5006',
} as const;
