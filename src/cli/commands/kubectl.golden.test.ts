/**
 * kubectl views, column-exact: every scenario in golden/kubectl/ (and the seed) through
 * `svclab kubectl`, compared with golden/kubectl/<case>.txt. Each golden is a terminal
 * transcript — `$ kubectl ARGS`, then stdout, then stderr lines marked `(stderr)`.
 *
 * To accept a deliberate change: `npx vitest run -u src/cli/commands/kubectl.golden.test.ts`,
 * then read the diff of golden/kubectl/ line by line against reference §6 before committing.
 */
import { describe, expect, it } from 'vitest';
import { applyScenario } from '../../core/index.ts';
import { runCli } from '../main.ts';
import { memoryIo } from '../test-io.ts';

const cases: Record<string, string> = Object.fromEntries(
  Object.entries(
    import.meta.glob<string>('../../../golden/kubectl/*.yaml', {
      query: '?raw',
      import: 'default',
      eager: true,
    }),
  ).map(([path, text]) => [path.slice(path.lastIndexOf('/') + 1, -'.yaml'.length), text]),
);
const seed = Object.values(
  import.meta.glob<string>('../../examples/seed-nginx.yaml', {
    query: '?raw',
    import: 'default',
    eager: true,
  }),
)[0];
if (seed !== undefined) cases['seed-nginx'] = seed;

/** The views every case prints; then `describe service` for each Service, per namespace. */
const TABLES = [
  'get pods -o wide',
  'get services',
  'get services -o wide',
  'get services -A',
  'get endpointslices',
  'get endpointslices -A',
];

/** Extra views for some cases: single objects and lists as YAML and JSON. */
const EXTRA: Record<string, string[]> = {
  'seed-nginx': [
    'get pods -o wide -l k8s.kuboard.cn/name=nginx',
    'get services --show-labels',
    'get services -o yaml',
    'get services nginx -o json',
    'get endpointslices -o yaml',
  ],
  nodeport: ['get services web -o yaml', 'get pods -o yaml'],
  loadbalancer: ['get services -o yaml'],
  'headless-externalname': ['get services -o json', 'get endpointslices -o yaml'],
  'not-ready': [
    'get endpointslices -o yaml',
    'get pods app-3 app-4 -o wide',
    'get pods -l set',
    'get pods -l !set,app!=app',
    'get pods -l app=nothing',
  ],
  'multi-port': ['get endpointslices -o yaml'],
  namespaces: ['get pods -n shop -o wide', 'get services -n shop', 'get pods -n nowhere'],
};

async function transcript(name: string, text: string): Promise<string> {
  const { cluster } = applyScenario(text);
  const commands = [
    ...TABLES,
    ...cluster.services.map(
      (s) =>
        `describe service ${s.metadata.name}${s.metadata.namespace === 'default' ? '' : ` -n ${s.metadata.namespace}`}`,
    ),
    ...(EXTRA[name] ?? []),
  ];
  const out: string[] = [];
  for (const command of commands) {
    const io = memoryIo({ [`${name}.yaml`]: text });
    const code = await runCli(['kubectl', `${name}.yaml`, ...command.split(' ')], io);
    out.push(`$ kubectl ${command}\n${io.out()}`);
    for (const line of io.err().split('\n').filter(Boolean)) out.push(`(stderr) ${line}\n`);
    if (code !== 0) out.push(`(exit ${code})\n`);
    out.push('\n');
  }
  return out.join('');
}

const blog = Object.values(
  import.meta.glob<string>('../../../golden/seed/seed-kubernetes-service-blog.txt', {
    query: '?raw',
    import: 'default',
    eager: true,
  }),
)[0];

describe('the seed blog post', () => {
  it("`kubectl get pods -o wide -l ...` prints the blog's table (its text has lost the spacing)", async () => {
    const command = 'kubectl get pods -o wide -l k8s.kuboard.cn/name=nginx';
    const line = (blog ?? '').split('\n').find((l) => l.includes(command) && l.includes('g6pgc'));
    const io = memoryIo({ 'seed.yaml': seed ?? '' });
    await runCli(['kubectl', 'seed.yaml', ...command.split(' ').slice(1)], io);
    const tokens = (text: string) => text.trim().split(/\s+/);
    expect(tokens(io.out())).toEqual(
      tokens(line?.slice(line.indexOf(command) + command.length) ?? ''),
    );
  });
});

describe('kubectl views (golden/kubectl)', () => {
  it('finds the cases', () => expect(Object.keys(cases).length).toBeGreaterThanOrEqual(7));

  it.each(Object.keys(cases).sort())('%s', async (name) => {
    await expect(await transcript(name, cases[name] ?? '')).toMatchFileSnapshot(
      `../../../golden/kubectl/${name}.txt`,
    );
  });
});
