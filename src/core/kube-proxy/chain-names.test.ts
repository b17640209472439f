import { describe, expect, it } from 'vitest';
import { endpointChainName, servicePortChains, servicePortNameString } from './chain-names.ts';

// Expected names are taken from real kube-proxy 1.26 output (golden/kube-proxy-v1.26).
describe('kube-proxy chain names', () => {
  it('hashes "ns/name:port" + protocol for the service chains', () => {
    const chains = servicePortChains(servicePortNameString('default', 'nginx', 'xsp7pg'), 'tcp');
    expect(chains).toEqual({
      cluster: 'KUBE-SVC-ZUZW5FVTOFNMWE2A',
      local: 'KUBE-SVL-ZUZW5FVTOFNMWE2A',
      external: 'KUBE-EXT-ZUZW5FVTOFNMWE2A',
      firewall: 'KUBE-FW-ZUZW5FVTOFNMWE2A',
    });
  });

  it('adds ip:port for the endpoint chains', () => {
    expect(endpointChainName('default/nginx:xsp7pg', 'tcp', '10.244.1.14:80')).toBe(
      'KUBE-SEP-SX3FZRKWG23D4ARR',
    );
    expect(endpointChainName('default/nginx:xsp7pg', 'tcp', '10.244.2.12:80')).toBe(
      'KUBE-SEP-WAFDPEMEUUYA22C5',
    );
  });

  it('leaves the ":port" off for an unnamed port', () => {
    expect(servicePortNameString('default', 'web', '')).toBe('default/web');
    expect(servicePortChains('default/web', 'tcp').cluster).not.toBe(
      servicePortChains('default/web:', 'tcp').cluster,
    );
  });

  it('gives the names every real cluster shows for kubernetes and kube-dns', () => {
    expect(servicePortChains('default/kubernetes:https', 'tcp').cluster).toBe(
      'KUBE-SVC-NPX46M4PTMTKRN6Y',
    );
    expect(servicePortChains('kube-system/kube-dns:dns', 'udp').cluster).toBe(
      'KUBE-SVC-TCOU7JCQXEZGVUNU',
    );
    expect(servicePortChains('kube-system/kube-dns:dns-tcp', 'tcp').cluster).toBe(
      'KUBE-SVC-ERIFXISQEP7F7OF4',
    );
  });

  it('changes with the protocol', () => {
    expect(servicePortChains('kube-system/kube-dns:dns', 'udp').cluster).not.toBe(
      servicePortChains('kube-system/kube-dns:dns', 'tcp').cluster,
    );
  });
});
