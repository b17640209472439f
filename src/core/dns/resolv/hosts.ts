/**
 * The /etc/hosts the kubelet writes into a pod that is not on the host network
 * (pkg/kubelet/kubelet_pods.go `managedHostsFileContent`): getaddrinfo reads it before DNS
 * (`hosts: files dns`), so these names never reach CoreDNS.
 */
import type { Pod } from '../../model/types.ts';

export interface HostsEntry {
  readonly address: string;
  readonly names: readonly string[];
}

export function podHostsEntries(pod: Pod, clusterDomain: string): HostsEntry[] | null {
  if (pod.spec.hostNetwork) return null; // the node's own /etc/hosts, which svclab does not know
  const entries: HostsEntry[] = [
    { address: '127.0.0.1', names: ['localhost'] },
    { address: '::1', names: ['localhost', 'ip6-localhost', 'ip6-loopback'] },
    { address: 'fe00::0', names: ['ip6-localnet'] },
    { address: 'fe00::0', names: ['ip6-mcastprefix'] },
    { address: 'fe00::1', names: ['ip6-allnodes'] },
    { address: 'fe00::2', names: ['ip6-allrouters'] },
  ];
  const hostname = (pod.spec.hostname ?? pod.metadata.name ?? '').slice(0, 63);
  const ns = pod.metadata.namespace ?? 'default';
  const ips = pod.status?.podIPs?.map((p) => p.ip) ?? (pod.status?.podIP ? [pod.status.podIP] : []);
  for (const ip of ips) {
    const sub = pod.spec.subdomain;
    const names = sub ? [`${hostname}.${sub}.${ns}.svc.${clusterDomain}`, hostname] : [hostname];
    entries.push({ address: ip, names });
  }
  return entries;
}

/** The addresses /etc/hosts gives a name (glibc compares names case-insensitively). */
export function hostsLookup(entries: readonly HostsEntry[] | null, name: string): string[] {
  if (!entries) return [];
  const want = name.toLowerCase();
  return entries.filter((e) => e.names.some((n) => n.toLowerCase() === want)).map((e) => e.address);
}
