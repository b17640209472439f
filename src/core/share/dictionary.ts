/**
 * The preset DEFLATE dictionary of share-link format v1: JSON fragments that scenarios repeat
 * (kinds, field names in the canonical sorted-key order, common values and address prefixes).
 * With it, the first occurrence of `"conditions":[{"status":"True","type":"Ready"}` costs a few
 * bytes instead of its full length, which is what keeps a small cluster's link short. It is
 * generic Kubernetes vocabulary, not any one scenario. DEFLATE prefers near matches, so the most
 * frequent fragments come last.
 *
 * NOTE (compatibility): this text is part of format v1. Changing one byte breaks every v1 link;
 * a better dictionary needs format v2 (and v1 keeps this one for decoding).
 */
const FRAGMENTS: readonly string[] = [
  '"loadBalancerSourceRanges":["',
  '"sessionAffinity":"ClientIP","sessionAffinityConfig":{"clientIP":{"timeoutSeconds":',
  '"externalTrafficPolicy":"Local"',
  '"internalTrafficPolicy":"Local"',
  '"publishNotReadyAddresses":true',
  '"externalName":"',
  '"type":"ExternalName"',
  '"status":{"loadBalancer":{"ingress":[{"ip":"',
  '"type":"LoadBalancer"',
  '"externalIPs":["',
  '"healthCheckNodePort":',
  '"clusterIP":"None"',
  '"type":"NodePort"',
  '{"kind":"EndpointSlice","addressType":"IPv4","endpoints":[{"addresses":["',
  '"conditions":{"ready":true,"serving":true,"terminating":false}',
  '"kubernetes.io/service-name":"',
  '"protocol":"UDP"',
  '"hostNetwork":true',
  '"phase":"Pending"',
  '{"status":"False","type":"Ready"},{"status":"False","type":"ContainersReady"}',
  '{"kind":"KubeProxyConfiguration","mode":"iptables"',
  '"serviceSubnet":"10.96.0.0/12"',
  '"podSubnet":"10.244.0.0/16"',
  '"dnsDomain":"cluster.local"',
  '{"apiVersion":"kubeadm.k8s.io/v1beta3","kind":"ClusterConfiguration","kubernetesVersion":"v1.',
  '{"kind":"ClusterConfiguration","kubernetesVersion":"v1.3',
  '"kubernetes.io/arch":"amd64","kubernetes.io/os":"linux"},"name":"node',
  '{"kind":"Node","metadata":{"creationTimestamp":"20',
  '"spec":{"podCIDR":"10.244.',
  '.0/24"},"status":{"addresses":[{"address":"172.18.0.',
  '","type":"InternalIP"}],"conditions":[{"status":"True","type":"Ready"}]}}',
  '{"kind":"Service","metadata":{"labels":{"app":"',
  '"name":"http","port":80,"targetPort":8080',
  '"name":"https","port":443',
  '"spec":{"clusterIP":"10.9',
  '"nodePort":3',
  '"ports":[{"name":"',
  '"selector":{"app":"',
  '{"kind":"Pod","metadata":{"creationTimestamp":"20',
  '"labels":{"app":"',
  '"pod-template-hash":"',
  '"image":"nginx","name":"',
  '"spec":{"containers":[{"image":"',
  '"ports":[{"containerPort":80',
  '"nodeName":"node',
  '"status":{"conditions":[{"status":"True","type":"Initialized"},{"status":"True","type":"Ready"},{"status":"True","type":"ContainersReady"},{"status":"True","type":"PodScheduled"}],"hostIP":"172.18.0.',
  '","phase":"Running","podIP":"10.244.',
  '","startTime":"20',
];

/** The dictionary's bytes (ASCII only, so one byte per character). */
export function shareDictionaryV1(): Uint8Array {
  const text = FRAGMENTS.join('');
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}
