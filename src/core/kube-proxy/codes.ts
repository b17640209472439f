/**
 * Diagnostic codes of the kube-proxy compiler (SVCLAB-3xxx).
 * NOTE (compatibility): never reuse or renumber a code; add new ones.
 */
export const KubeProxyCode = {
  /** The --node given does not name a Node of the cluster. */
  UnknownNode: 'SVCLAB-3001',
  /** A KubeProxyConfiguration setting the simulator does not model. */
  UnmodelledSetting: 'SVCLAB-3002',
  /** The cluster has no Node, so no kube-proxy runs. */
  NoNodes: 'SVCLAB-3003',
  /** The Node has no InternalIP of the proxier's family. */
  NoNodeIP: 'SVCLAB-3004',
} as const;
