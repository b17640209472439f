/**
 * `svclab apply` and `svclab kubectl` on every scenario the project holds against real output
 * (golden/kube-proxy-v1.26, golden/iptables, golden/dns) and on the seed, through runCli; and on
 * bad input: a YAML error with its line and column while the other documents still load, a wrong
 * kind or apiVersion as a warning naming the document.
 */
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { applyScenario } from '../../core/index.ts';
import { runCli } from '../main.ts';
import { memoryIo } from '../test-io.ts';

const files: Record<string, string> = {
  ...import.meta.glob<string>('../../../golden/kube-proxy-v1.26/*.yaml', {
    query: '?raw',
    import: 'default',
    eager: true,
  }),
  ...import.meta.glob<string>('../../../golden/iptables/*.yaml', {
    query: '?raw',
    import: 'default',
    eager: true,
  }),
  ...import.meta.glob<string>('../../../golden/dns/*.yaml', {
    query: '?raw',
    import: 'default',
    eager: true,
  }),
  ...import.meta.glob<string>('../../../golden/trace*/*.yaml', {
    query: '?raw',
    import: 'default',
    eager: true,
  }),
  ...import.meta.glob<string>('../../examples/*.yaml', {
    query: '?raw',
    import: 'default',
    eager: true,
  }),
};
const names = Object.keys(files).sort();

async function run(args: string[], text: string) {
  const io = memoryIo({ 'in.yaml': text, '-': text });
  const code = await runCli(args, io);
  return { code, out: io.out(), err: io.err() };
}

describe('svclab apply and kubectl on every scenario file', () => {
  // 12 kube-proxy fixtures, 13 own iptables cases, the DNS cluster, 2 trace scenarios, 8 examples.
  it('finds them all', () => expect(names.length).toBe(12 + 13 + 1 + 2 + 8));

  it.each(names)(
    '%s: apply prints the objects; applying them again changes nothing',
    async (name) => {
      const text = files[name] ?? '';
      const { code, out, err } = await run(['apply', 'in.yaml'], text);
      expect(err).toBe('');
      expect(code).toBe(0);
      const docs = parseAllDocuments(out);
      expect(docs.every((d) => d.errors.length === 0)).toBe(true);
      const kinds = docs.map((d) => d.get('kind'));
      expect(kinds).toContain('Service');
      // ExternalName Services have no EndpointSlices; every other scenario here has some.
      if (applyScenario(text).cluster.endpointSlices.length > 0) {
        expect(kinds).toContain('EndpointSlice');
      }
      // What apply prints is a scenario too: the same cluster, addresses and all.
      expect(applyScenario(out).cluster).toEqual(applyScenario(text).cluster);
    },
  );

  it.each(names)('%s: kubectl get and describe print every object', async (name) => {
    const text = files[name] ?? '';
    const { cluster } = applyScenario(text);
    for (const view of [
      ['get', 'pods', '-o', 'wide', '-A'],
      ['get', 'services', '-o', 'wide', '-A'],
      ['get', 'endpointslices', '-A'],
    ]) {
      const { code, out, err } = await run(['kubectl', 'in.yaml', ...view], text);
      expect(code).toBe(0);
      const rows = out.split('\n').filter(Boolean).length - 1;
      const expected =
        view[1] === 'pods'
          ? cluster.pods.length
          : view[1] === 'services'
            ? cluster.services.length
            : cluster.endpointSlices.length;
      if (expected === 0) expect([out, err]).toEqual(['', 'No resources found.\n']);
      else expect(rows, `${view.join(' ')}: ${err}`).toBe(expected);
    }
    for (const svc of cluster.services) {
      const args = ['kubectl', 'in.yaml', 'describe', 'service', svc.metadata.name ?? '', '-n'];
      const { code, out } = await run([...args, svc.metadata.namespace ?? 'default'], text);
      expect(code).toBe(0);
      expect(out).toMatch(new RegExp(`^Name: +${svc.metadata.name}\\n`));
      expect(out.endsWith('Events:                   <none>\n') || out.includes('Events:')).toBe(
        true,
      );
    }
    const json = await run(['kubectl', 'in.yaml', 'get', 'services', '-A', '-o', 'json'], text);
    expect(JSON.parse(json.out).items).toHaveLength(cluster.services.length);
  });

  it('reads the scenario from standard input with -', async () => {
    const seed = files['../../examples/seed-nginx.yaml'] ?? '';
    const { code, out } = await run(['kubectl', '-', 'get', 'svc'], seed);
    expect(code).toBe(0);
    expect(out).toBe(
      'NAME    TYPE        CLUSTER-IP     EXTERNAL-IP   PORT(S)   AGE\nnginx   ClusterIP   10.99.62.169   <none>        80/TCP    39m\n',
    );
  });
});

describe('svclab apply on bad input', () => {
  const bad = [
    'apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec:\n  ports: [{port: 80}]\n',
    'b: [\n',
    'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\n',
    'apiVersion: v2\nkind: Service\nmetadata: {name: x}\n',
    'apiVersion: v1\nkind: Service\nmetadata: {name: ok}\nspec:\n  ports: [{port: 81}]\n',
  ].join('---\n');

  it('prints the YAML error with line and column, and still applies the other documents', async () => {
    const { code, out, err } = await run(['apply', 'in.yaml'], bad);
    expect(code).toBe(1);
    expect(err.split('\n')[0]).toBe(
      'error: error parsing in.yaml: error converting YAML to JSON: yaml: line 8, column 1: Flow sequence in block collection must be sufficiently indented and end with a ]',
    );
    const names = parseAllDocuments(out).map(
      (d) => `${d.get('kind')}/${d.getIn(['metadata', 'name'])}`,
    );
    expect(names).toContain('Service/a');
    expect(names).toContain('Service/ok');
  });

  it('warns about an unmodelled kind and a wrong apiVersion, naming the document', async () => {
    const { err } = await run(['apply', 'in.yaml'], bad);
    expect(err).toContain(
      'Warning: Deployment default/d (apps/v1, document 3): kind Deployment is not modelled by the simulator; kept as given\n',
    );
    expect(err).toContain(
      'Warning: resource mapping not found for name: "x" namespace: "" (document 4): no matches for kind "Service" in version "v2" (expected "v1"); kept as given\n',
    );
  });

  it('prints what kubectl apply prints for an invalid Service and exits 1', async () => {
    const text =
      'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  type: NodePort\n  ports: [{port: 80, nodePort: 80}]\n';
    const { code, err } = await run(['apply', '-'], text);
    expect(code).toBe(1);
    expect(err).toBe(
      'The Service "web" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767\n',
    );
  });

  it('kubectl on a file with errors still shows what applied, and says what did not', async () => {
    const { code, out, err } = await run(['kubectl', 'in.yaml', 'get', 'svc'], bad);
    expect(code).toBe(0);
    expect(out.split('\n').map((l) => l.split(' ')[0])).toEqual(['NAME', 'a', 'ok', '']);
    expect(err).toBe(
      'svclab kubectl: some objects in in.yaml were not applied (see: svclab apply in.yaml)\n',
    );
  });
});
