/**
 * The 20 most common Service mistakes (reference §1.8) and the runners-up, each as the exact text
 * `kubectl apply -f svc.yaml` prints on stderr, in the one-line and the bulleted form. Values
 * print in the scenario's Kubernetes version's style (reference errata 1 and 2): Go syntax up to
 * 1.33, JSON from 1.34; the ServiceCIDR allocator's wording from 1.33.
 */
import { describe, expect, it } from 'vitest';
import { formatApplyErrors } from '../kubectl/apply-errors.ts';
import { applyScenario } from './apply.ts';

function config(version: string): string {
  return `apiVersion: kubeadm.k8s.io/v1beta4\nkind: ClusterConfiguration\nkubernetesVersion: ${version}\n---\n`;
}

function service(spec: string, name = 'web'): string {
  return `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n${spec}`;
}

/** What kubectl prints for the scenario, as the API server of `version` answers it. */
function kubectlApply(text: string, version = 'v1.34.0'): string {
  const { diagnostics } = applyScenario(config(version) + text);
  return formatApplyErrors(diagnostics, 'svc.yaml');
}

const NODE_PORT_30080 = service(
  '  type: NodePort\n  ports:\n  - {port: 53, protocol: UDP, nodePort: 30080}\n',
  'other',
);
const REGEX_1123_LABEL =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

describe('the 20 common mistakes (reference §1.8), as kubectl prints them', () => {
  const cases: Array<[string, string, string, string?]> = [
    [
      '1 nodePort outside the range',
      service('  type: NodePort\n  ports:\n  - {port: 80, nodePort: 80}\n'),
      'The Service "web" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767\n',
    ],
    [
      '2 nodePort already used by another Service (another protocol)',
      `${NODE_PORT_30080}---\n${service('  type: NodePort\n  ports:\n  - {port: 80, nodePort: 30080}\n')}`,
      'The Service "web" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated\n',
    ],
    [
      '3 nodePort on a ClusterIP Service',
      service('  ports:\n  - {port: 80, nodePort: 30080}\n'),
      'The Service "web" is invalid: spec.ports[0].nodePort: Forbidden: may not be used when `type` is \'ClusterIP\'\n',
    ],
    [
      '4 two ports without names (bulleted form)',
      service('  ports:\n  - port: 80\n  - port: 443\n'),
      'The Service "web" is invalid: \n* spec.ports[0].name: Required value\n* spec.ports[1].name: Required value\n',
    ],
    [
      '5 two ports with the same name',
      service('  ports:\n  - {name: http, port: 80}\n  - {name: http, port: 443}\n'),
      'The Service "web" is invalid: spec.ports[1].name: Duplicate value: "http"\n',
    ],
    [
      '6 the same port and protocol twice (1.33: Go syntax)',
      service('  ports:\n  - {name: a, port: 80}\n  - {name: b, port: 80, targetPort: 8080}\n'),
      'The Service "web" is invalid: spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}\n',
      'v1.33.0',
    ],
    [
      '6 the same port and protocol twice (1.34: JSON)',
      service('  ports:\n  - {name: a, port: 80}\n  - {name: b, port: 80, targetPort: 8080}\n'),
      'The Service "web" is invalid: spec.ports[1]: Duplicate value: {"Name":"","Protocol":"TCP","AppProtocol":null,"Port":80,"TargetPort":0,"NodePort":0}\n',
    ],
    [
      '7 lower-case protocol',
      service('  ports:\n  - {port: 80, protocol: tcp}\n'),
      'The Service "web" is invalid: spec.ports[0].protocol: Unsupported value: "tcp": supported values: "SCTP", "TCP", "UDP"\n',
    ],
    [
      '8 port 0',
      service('  ports:\n  - {port: 0, targetPort: 80}\n'),
      'The Service "web" is invalid: spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive\n',
    ],
    [
      '8 port missing: the targetPort twin',
      service('  ports:\n  - {name: http}\n'),
      'The Service "web" is invalid: \n* spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive\n* spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive\n',
    ],
    [
      '8 port above 65535',
      service('  ports:\n  - {port: 70000, targetPort: 80}\n'),
      'The Service "web" is invalid: spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive\n',
    ],
    [
      '9 targetPort as a quoted number',
      service('  ports:\n  - {port: 80, targetPort: "8080"}\n'),
      'The Service "web" is invalid: spec.ports[0].targetPort: Invalid value: "8080": must contain at least one letter (a-z)\n',
    ],
    [
      '9 targetPort name with an underscore',
      service('  ports:\n  - {port: 80, targetPort: http_web}\n'),
      'The Service "web" is invalid: spec.ports[0].targetPort: Invalid value: "http_web": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)\n',
    ],
    [
      '9 targetPort name of 16+ characters',
      service('  ports:\n  - {port: 80, targetPort: metrics-endpoint}\n'),
      'The Service "web" is invalid: spec.ports[0].targetPort: Invalid value: "metrics-endpoint": must be no more than 15 characters\n',
    ],
    [
      '10 upper-case port name',
      service('  ports:\n  - {name: HTTP, port: 80}\n'),
      `The Service "web" is invalid: spec.ports[0].name: Invalid value: "HTTP": ${REGEX_1123_LABEL}\n`,
    ],
    [
      '11 Service name with capitals and an underscore',
      service('  ports:\n  - {port: 80}\n', 'My_Svc'),
      "The Service \"My_Svc\" is invalid: metadata.name: Invalid value: \"My_Svc\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')\n",
    ],
    [
      '12 type in the wrong case',
      service('  type: Nodeport\n  ports:\n  - {port: 80}\n'),
      'The Service "web" is invalid: spec.type: Unsupported value: "Nodeport": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"\n',
    ],
    [
      '13 clusterIP outside the service CIDR (1.32: the old allocator)',
      service('  clusterIP: 192.168.0.10\n  ports:\n  - {port: 80}\n'),
      'The Service "web" is invalid: spec.clusterIPs: Invalid value: []string{"192.168.0.10"}: failed to allocate IP 192.168.0.10: the provided IP (192.168.0.10) is not in the valid range. The range of valid IPs is 10.96.0.0/12\n',
      'v1.32.0',
    ],
    [
      '13 clusterIP outside the service CIDR (1.33: ServiceCIDR allocator, Go syntax)',
      service('  clusterIP: 192.168.0.10\n  ports:\n  - {port: 80}\n'),
      'The Service "web" is invalid: spec.clusterIPs: Invalid value: []string{"192.168.0.10"}: failed to allocate IP 192.168.0.10: the provided network does not match the current range\n',
      'v1.33.0',
    ],
    [
      '13 clusterIP outside the service CIDR (1.34: JSON)',
      service('  clusterIP: 192.168.0.10\n  ports:\n  - {port: 80}\n'),
      'The Service "web" is invalid: spec.clusterIPs: Invalid value: ["192.168.0.10"]: failed to allocate IP 192.168.0.10: the provided network does not match the current range\n',
    ],
    [
      "14 kube-dns's clusterIP (1.33)",
      service('  clusterIP: 10.96.0.10\n  ports:\n  - {port: 80}\n'),
      'The Service "web" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.10"}: failed to allocate IP 10.96.0.10: provided IP is already allocated\n',
      'v1.33.0',
    ],
    [
      "14 kube-dns's clusterIP (1.34)",
      service('  clusterIP: 10.96.0.10\n  ports:\n  - {port: 80}\n'),
      'The Service "web" is invalid: spec.clusterIPs: Invalid value: ["10.96.0.10"]: failed to allocate IP 10.96.0.10: provided IP is already allocated\n',
    ],
    [
      '14 a clusterIP another Service of the scenario has',
      `${service('  clusterIP: 10.96.5.5\n  ports:\n  - {port: 80}\n', 'first')}---\n${service('  clusterIP: 10.96.5.5\n  ports:\n  - {port: 80}\n')}`,
      'The Service "web" is invalid: spec.clusterIPs: Invalid value: ["10.96.5.5"]: failed to allocate IP 10.96.5.5: provided IP is already allocated\n',
    ],
    [
      '15 malformed clusterIP',
      service('  clusterIP: 10.96.0.300\n  ports:\n  - {port: 80}\n'),
      'The Service "web" is invalid: spec.clusterIPs[0]: Invalid value: "10.96.0.300": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)\n',
    ],
    [
      '16 making an existing Service headless on re-apply (1.33)',
      `${service('  clusterIP: 10.96.5.5\n  ports:\n  - {port: 80}\n')}---\n${service('  clusterIP: None\n  ports:\n  - {port: 80}\n')}`,
      'Warning: Service default/web appears more than once; the later document (3) wins, as a second kubectl apply would\nThe Service "web" is invalid: spec.clusterIPs[0]: Invalid value: []string{"None"}: may not change once set\n',
      'v1.33.0',
    ],
    [
      '16 changing the clusterIP on re-apply (1.34)',
      `${service('  ports:\n  - {port: 80}\n')}---\n${service('  clusterIP: 10.96.5.6\n  ports:\n  - {port: 80}\n')}`,
      'Warning: Service default/web appears more than once; the later document (3) wins, as a second kubectl apply would\nThe Service "web" is invalid: spec.clusterIPs[0]: Invalid value: ["10.96.5.6"]: may not change once set\n',
    ],
    [
      '17 headless NodePort',
      service('  type: NodePort\n  clusterIP: None\n  ports:\n  - {port: 80}\n'),
      'The Service "web" is invalid: spec.clusterIPs[0]: Invalid value: "None": may not be set to \'None\' for NodePort services\n',
    ],
    [
      '17 headless LoadBalancer',
      service('  type: LoadBalancer\n  clusterIP: None\n  ports:\n  - {port: 80}\n'),
      'The Service "web" is invalid: spec.clusterIPs[0]: Invalid value: "None": may not be set to \'None\' for LoadBalancer services\n',
    ],
    [
      '18 ExternalName with a clusterIP',
      service(
        '  type: ExternalName\n  externalName: db.example.com\n  clusterIP: 10.96.5.5\n',
        'db',
      ),
      'The Service "db" is invalid: spec.clusterIPs: Forbidden: may not be set for ExternalName services\n',
    ],
    [
      '18 ExternalName with a URL',
      service('  type: ExternalName\n  externalName: https://db.example.com\n', 'db'),
      "The Service \"db\" is invalid: spec.externalName: Invalid value: \"https://db.example.com\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')\n",
    ],
    [
      '19 externalTrafficPolicy Local on a ClusterIP Service',
      service('  externalTrafficPolicy: Local\n  ports:\n  - {port: 80}\n'),
      'The Service "web" is invalid: spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services\n',
    ],
    [
      '20 affinity timeout above 86400',
      service(
        '  sessionAffinity: ClientIP\n  sessionAffinityConfig: {clientIP: {timeoutSeconds: 100000}}\n  ports:\n  - {port: 80}\n',
      ),
      'The Service "web" is invalid: spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: 100000: must be greater than 0 and less than 86400\n',
    ],
    [
      '20 affinity timeout 0',
      service(
        '  sessionAffinity: ClientIP\n  sessionAffinityConfig: {clientIP: {timeoutSeconds: 0}}\n  ports:\n  - {port: 80}\n',
      ),
      'The Service "web" is invalid: spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: 0: must be greater than 0 and less than 86400\n',
    ],
  ];

  it.each(cases)('%s', (_name, text, expected, version) => {
    expect(kubectlApply(text, version)).toBe(expected);
  });

  it('86400 s is accepted although the message says "less than"', () => {
    const text = service(
      '  sessionAffinity: ClientIP\n  sessionAffinityConfig: {clientIP: {timeoutSeconds: 86400}}\n  ports:\n  - {port: 80}\n',
    );
    expect(kubectlApply(text)).toBe('');
  });
});

describe('the runners-up of §1.8', () => {
  const cases: Array<[string, string, string]> = [
    [
      'loadBalancerSourceRanges on a ClusterIP Service (capital L)',
      service('  loadBalancerSourceRanges: [10.0.0.0/8]\n  ports:\n  - {port: 80}\n'),
      'The Service "web" is invalid: spec.LoadBalancerSourceRanges: Forbidden: may only be used when `type` is \'LoadBalancer\'\n',
    ],
    [
      'a bad source range is reported per entry (1.31+)',
      service(
        '  type: LoadBalancer\n  loadBalancerSourceRanges: [10.0.0.0/8, 10.0.0.0/33]\n  ports:\n  - {port: 80}\n',
      ),
      'The Service "web" is invalid: spec.LoadBalancerSourceRanges[1]: Invalid value: "10.0.0.0/33": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)\n',
    ],
    [
      'RequireDualStack on a single-stack cluster',
      service('  ipFamilyPolicy: RequireDualStack\n  ports:\n  - {port: 80}\n'),
      'The Service "web" is invalid: spec.ipFamilyPolicy: Invalid value: "RequireDualStack": this cluster is not configured for dual-stack services\n',
    ],
    [
      'no ports',
      service('  selector: {app: web}\n'),
      'The Service "web" is invalid: spec.ports: Required value\n',
    ],
    [
      'a misspelled field (strict decoding)',
      service('  ports:\n  - {port: 80, nodeport: 30000}\n'),
      'Error from server (BadRequest): error when creating "svc.yaml": Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.ports[0].nodeport"\n',
    ],
    [
      'a quoted port',
      service('  ports:\n  - {port: "80"}\n'),
      'Error from server (BadRequest): error when creating "svc.yaml": Service in version "v1" cannot be handled as a Service: json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32\n',
    ],
    [
      'a Deployment-style selector',
      service('  selector:\n    matchLabels: {app: web}\n  ports:\n  - {port: 80}\n'),
      'Error from server (BadRequest): error when creating "svc.yaml": Service in version "v1" cannot be handled as a Service: json: cannot unmarshal object into Go struct field ServiceSpec.spec.selector of type string\n',
    ],
  ];

  it.each(cases)('%s', (_name, text, expected) => {
    expect(kubectlApply(text)).toBe(expected);
  });

  it('before 1.31 a bad source range is reported for the whole field (errata 3)', () => {
    const text = service(
      '  type: LoadBalancer\n  loadBalancerSourceRanges: [10.0.0.0/8, 10.0.0.0/33]\n  ports:\n  - {port: 80}\n',
    );
    expect(kubectlApply(text, 'v1.30.0')).toBe(
      'The Service "web" is invalid: spec.LoadBalancerSourceRanges: Invalid value: "10.0.0.0/33": must be a list of IP ranges. For example, 10.240.0.0/24,10.250.0.0/24 \n',
    );
  });

  it('prints one block per refused object, in document order, and keeps the good ones', () => {
    const text = [
      service('  ports:\n  - {port: 80, protocol: tcp}\n', 'a'),
      service('  ports:\n  - {port: 80}\n', 'ok'),
      service('  ports:\n  - port: 80\n  - port: 81\n', 'b'),
    ].join('---\n');
    const applied = applyScenario(config('v1.34.0') + text);
    expect(formatApplyErrors(applied.diagnostics, 'svc.yaml')).toBe(
      [
        'The Service "a" is invalid: spec.ports[0].protocol: Unsupported value: "tcp": supported values: "SCTP", "TCP", "UDP"',
        'The Service "b" is invalid: ',
        '* spec.ports[0].name: Required value',
        '* spec.ports[1].name: Required value',
        '',
      ].join('\n'),
    );
    expect(applied.cluster.services.map((s) => s.metadata.name)).toEqual(['ok']);
  });

  it('an allocation error is reported alone, before validation runs', () => {
    // Both a bad nodePort (allocation) and a bad protocol (validation): only the first is seen.
    const text = service(
      '  type: NodePort\n  ports:\n  - {port: 80, protocol: tcp, nodePort: 80}\n',
    );
    expect(kubectlApply(text)).toBe(
      'The Service "web" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767\n',
    );
  });

  it('a refused update leaves the Service as the first document made it', () => {
    const text = `${service('  clusterIP: 10.96.5.5\n  ports:\n  - {port: 80}\n')}---\n${service('  clusterIP: None\n  ports:\n  - {port: 81}\n')}`;
    const { cluster } = applyScenario(text);
    expect(cluster.services[0]?.spec.clusterIPs).toEqual(['10.96.5.5']);
    expect(cluster.services[0]?.spec.ports?.[0]?.port).toBe(80);
  });

  it('an accepted update keeps the clusterIP and nodePort it omits (patchAllocatedValues)', () => {
    const first = service(
      '  type: NodePort\n  clusterIP: 10.96.7.7\n  ports:\n  - {name: http, port: 80, nodePort: 30123}\n',
    );
    const second = service(
      '  type: NodePort\n  ports:\n  - {name: http, port: 80, targetPort: 8080}\n',
    );
    const svc = applyScenario(`${first}---\n${second}`).cluster.services[0];
    expect(svc?.spec.clusterIPs).toEqual(['10.96.7.7']);
    expect(svc?.spec.ports?.[0]).toMatchObject({ nodePort: 30123, targetPort: 8080 });
  });
});
