import { expect, test } from '@playwright/test';
import { compileKubeProxy, nodeRuleset, printSave } from '../src/core/index.ts';
import {
  chainLines,
  chainsFor,
  collectErrors,
  digOutput,
  exampleCluster,
  kubectlOutput,
  listedChains,
  openApp,
  openTab,
  saveScreenshot,
  sepChain,
} from './support.ts';

// The seed blog post's nginx Service, as kube-proxy v1.26 wrote it on node1.
const SVC = 'KUBE-SVC-ZUZW5FVTOFNMWE2A';
const SEED_LINES = [
  '-A KUBE-SERVICES -d 10.99.62.169/32 -p tcp -m comment --comment "default/nginx:xsp7pg cluster IP" -m tcp --dport 80 -j KUBE-SVC-ZUZW5FVTOFNMWE2A',
  '-A KUBE-SEP-SX3FZRKWG23D4ARR -s 10.244.1.14/32 -m comment --comment "default/nginx:xsp7pg" -j KUBE-MARK-MASQ',
  '-A KUBE-SEP-SX3FZRKWG23D4ARR -p tcp -m comment --comment "default/nginx:xsp7pg" -m tcp -j DNAT --to-destination 10.244.1.14:80',
];

test('the seed is the first screen: its chains and iptables-save lines exactly, kubectl, dig', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await openApp(page);
  await expect(page.getByTestId('examples')).toHaveValue('seed-nginx');
  await expect(page.getByTestId('svc-nginx')).toContainText('10.99.62.169');
  await expect(page.locator('[data-testid^="pod-nginx-"]')).toHaveCount(3);
  // The minimap draws the shapes (it used to be blank).
  await expect(page.locator('.react-flow__minimap-node').first()).toBeVisible();
  expect(await page.locator('.react-flow__minimap-node').count()).toBeGreaterThanOrEqual(8);

  // Chain names, computed by the core from the Service port and the endpoints.
  expect(chainsFor('default', 'nginx', 'xsp7pg').cluster).toBe(SVC);
  const chains = await listedChains(page);
  expect(chains).toContain(SVC);
  const seps = ['10.244.1.14:80', '10.244.1.16:80', '10.244.2.12:80'].map((ep) =>
    sepChain('default', 'nginx', 'xsp7pg', ep),
  );
  for (const sep of seps) expect(chains).toContain(sep);

  const svcLines = await chainLines(page, SVC);
  expect(svcLines[1]).toContain('--probability 0.33333333349 -j KUBE-SEP-SX3FZRKWG23D4ARR');
  expect(svcLines[2]).toContain('--probability 0.50000000000 -j KUBE-SEP-JPK2UOYN5LAXTCGG');
  expect(svcLines[3]).toMatch(/-j KUBE-SEP-WAFDPEMEUUYA22C5$/);
  await saveScreenshot(page, 'seed-rules-svc-chain');
  expect(await chainLines(page, 'KUBE-SERVICES')).toContain(SEED_LINES[0]);
  expect(await chainLines(page, 'KUBE-SEP-SX3FZRKWG23D4ARR')).toEqual(SEED_LINES.slice(1));

  // Every line shown is a line iptables-save prints (the view adds and drops nothing).
  const saved = new Set(printSave(nodeRuleset(compileSeed())).split('\n'));
  for (const line of svcLines) expect(saved.has(line)).toBe(true);

  // Hovering a DNAT rule explains it and highlights its Pod on the canvas.
  const dnat = page
    .locator('[data-testid="rule-line"][data-chain="KUBE-SEP-SX3FZRKWG23D4ARR"]')
    .nth(1);
  await dnat.hover();
  await expect(page.getByTestId('rule-why')).toContainText('10.244.1.14:80');
  await expect(page.locator('.react-flow__node.flow-highlight')).not.toHaveCount(0);
  await expect(
    page.locator('.react-flow__node.flow-highlight [data-testid="pod-nginx-59ff7ffd6b-hcqhb"]'),
  ).toBeVisible();
  await saveScreenshot(page, 'seed-rule-hover-highlight');

  const pods = await kubectlOutput(page, 'pods');
  expect(pods).toMatch(/^\$ kubectl get pods -o wide\n/);
  expect(pods).toMatch(/nginx-59ff7ffd6b-hcqhb +1\/1 +Running +0 +\S+ +10\.244\.1\.14 +node1 /);
  const svc = await kubectlOutput(page, 'services');
  expect(svc).toMatch(
    /nginx +ClusterIP +10\.99\.62\.169 +<none> +80\/TCP +\S+ +k8s\.kuboard\.cn\/name=nginx/,
  );
  await saveScreenshot(page, 'seed-kubectl-svc');
  const describe = await kubectlOutput(page, 'describe', 'default/nginx');
  expect(describe).toMatch(/^IP: +10\.99\.62\.169$/m);
  expect(describe).toMatch(/Endpoints: +10\.244\.1\.14:80,10\.244\.1\.16:80,10\.244\.2\.12:80/);
  const slices = await kubectlOutput(page, 'endpointslices');
  expect(slices).toMatch(/nginx-\S+ +IPv4 +80 +10\.244\.\S+/);
  await page.getByTestId('kubectl-view').selectOption('pods');
  await page.getByTestId('kubectl-namespace').selectOption('*');
  await expect(page.getByTestId('kubectl-output')).toContainText('$ kubectl get pods -o wide -A');
  await expect(page.getByTestId('kubectl-output')).toContainText('NAMESPACE');

  const dig = await digOutput(page, 'nginx.default.svc.cluster.local', 'A');
  expect(dig).toContain('nginx.default.svc.cluster.local. 30 IN\tA\t10.99.62.169');
  expect(dig).toContain(';; SERVER: 10.96.0.10#53(10.96.0.10) (UDP)');
  await saveScreenshot(page, 'seed-dns-a');
  await openTab(page, 'Rules');
  expect(errors).toEqual([]);
});

/** What iptables-save prints on node1 for the seed, computed by the core. */
function compileSeed() {
  const r = compileKubeProxy(exampleCluster('seed-nginx'), { node: 'node1' });
  if (!r.ok) throw new Error('the seed does not compile');
  return r.value;
}
