/**
 * What the kubeadm Corefile decides, as data (cmd/kubeadm/app/phases/addons/dns/manifests.go):
 *
 *   kubernetes cluster.local in-addr.arpa ip6.arpa { pods insecure; fallthrough in-addr.arpa
 *   ip6.arpa; ttl 30 }  forward . /etc/resolv.conf  cache 30  loadbalance
 */
import type { UpstreamRecord } from './upstream.ts';

export type PodsMode = 'disabled' | 'insecure' | 'verified';

export interface CorednsConfig {
  /** The kubernetes plugin's TTL (`ttl 30` in kubeadm; the plugin default is 5). */
  readonly ttl: number;
  readonly pods: PodsMode;
  /** `cache 30`: the most any reply's TTLs may show, success and denial alike. */
  readonly cacheMaxTtl: number;
  /** The cache plugin's floor (dnsutil.MinimalDefaultTTL). */
  readonly cacheMinTtl: number;
  /**
   * The SOA serial: CoreDNS uses the Unix time of the last Service/EndpointSlice change it saw;
   * a scenario fixes it so answers are reproducible.
   */
  readonly serial: number;
  /** Seed for `loadbalance`'s shuffle (CoreDNS draws from dns.Id(), a random source). */
  readonly shuffleSeed: number;
  /** The node's resolver as seen through `forward . /etc/resolv.conf`. */
  readonly upstream: readonly UpstreamRecord[];
}

export const KUBEADM_COREFILE = `.:53 {
    errors
    health {
       lameduck 5s
    }
    ready
    kubernetes cluster.local in-addr.arpa ip6.arpa {
       pods insecure
       fallthrough in-addr.arpa ip6.arpa
       ttl 30
    }
    prometheus :9153
    forward . /etc/resolv.conf {
       max_concurrent 1000
    }
    cache 30 {
       disable success cluster.local
       disable denial cluster.local
    }
    loop
    reload
    loadbalance
}
`;
