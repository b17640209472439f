/**
 * The model's diagnostic catalogue: every code the model area emits, in one place, so codes stay
 * unique and stable (never reuse or renumber one; see ../diagnostics.ts).
 *
 *   SVCLAB-10xx  reading manifests (syntax, document shape, kinds)
 *   SVCLAB-20xx  the API server's decode stage (HTTP 400: unknown fields, wrong JSON types)
 *   SVCLAB-21xx  validation (HTTP 422 Invalid) and allocation errors
 *   SVCLAB-22xx  controller-side notes (EndpointSlices, scheduling, pod IPs)
 *   SVCLAB-23xx  edits (object not found, already exists)
 */
export const ModelCode = {
  /** YAML or JSON syntax error; the message is the parser's, with line and column. */
  syntax: 'SVCLAB-1001',
  /** A document that is not a mapping (a bare scalar or a list). */
  notAnObject: 'SVCLAB-1002',
  /** A document without `kind` or `apiVersion`. */
  missingTypeMeta: 'SVCLAB-1003',
  /** A kind the simulator does not model; the object is kept as given. */
  unknownKind: 'SVCLAB-1004',
  /** A known kind under an apiVersion the API server does not serve for it. */
  wrongApiVersion: 'SVCLAB-1005',
  /** Two documents for the same object; the later one wins, as with `kubectl apply`. */
  duplicateObject: 'SVCLAB-1006',
  /** A second ClusterConfiguration or KubeProxyConfiguration; the first one is used. */
  duplicateConfiguration: 'SVCLAB-1007',
  /** A configuration value the simulator cannot use (bad CIDR, unknown mode, ...). */
  badConfiguration: 'SVCLAB-1008',
  /** The scenario has no Nodes, so the default two-node cluster was added. */
  defaultNodes: 'SVCLAB-1009',
  /** Decode stage: the object cannot be handled (unknown field, wrong type). */
  decode: 'SVCLAB-2001',
  /** Validation: the object is invalid (one Diagnostic per cause). */
  invalid: 'SVCLAB-2101',
  /** Allocation: a value is already allocated or outside its range (one Diagnostic per cause). */
  allocation: 'SVCLAB-2102',
  /** Allocation: a range is full. */
  rangeFull: 'SVCLAB-2103',
  /** Allocation internals (HTTP 500 InternalError), e.g. a requested healthCheckNodePort taken. */
  internal: 'SVCLAB-2105',
  /** The namespace of the object does not exist. */
  namespaceNotFound: 'SVCLAB-2104',
  /** A Pod could not be given an IP (no node, no podCIDR, CIDR full). */
  podIP: 'SVCLAB-2201',
  /** A Pod names a node that does not exist. */
  podNode: 'SVCLAB-2202',
  /** An edit names an object that does not exist. */
  notFound: 'SVCLAB-2301',
  /** An edit creates an object that already exists. */
  alreadyExists: 'SVCLAB-2302',
} as const;

export type ModelCode = (typeof ModelCode)[keyof typeof ModelCode];
