/** Scenario texts for DNS tests, loaded through Vite (`?raw`): no Node built-ins needed. */
import clusterDns from '../../../../golden/dns/cluster-dns.yaml?raw';

export const clusterDnsScenario: string = clusterDns;
