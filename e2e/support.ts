import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Page } from '@playwright/test';
import {
  applyScenario,
  type Cluster,
  endpointChainName,
  servicePortChains,
} from '../src/core/index.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Screenshots go to reports/screenshots, which Playwright does not wipe between runs. */
export const SCREENSHOTS = join(ROOT, 'reports', 'screenshots');

export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

/** Collects console errors and uncaught page errors; a test asserts the list is empty. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  return errors;
}

/** An example's text, read from src/examples (the same file the app bundles). */
export function exampleText(id: string): string {
  return readFileSync(join(ROOT, 'src', 'examples', `${id}.yaml`), 'utf8');
}

/** The cluster the core builds from an example, to compute expected names in a test. */
export function exampleCluster(id: string): Cluster {
  return applyScenario(exampleText(id)).cluster;
}

/** kube-proxy's chain names for one Service port, as the core computes them. */
export function chainsFor(namespace: string, name: string, port: string, protocol = 'tcp') {
  return servicePortChains(`${namespace}/${name}:${port}`, protocol);
}

export function sepChain(
  namespace: string,
  name: string,
  port: string,
  endpoint: string,
  protocol = 'tcp',
): string {
  return endpointChainName(`${namespace}/${name}:${port}`, protocol, endpoint);
}

/** Opens the app on a fresh scenario (the seed), with no saved state from another test. */
export async function openApp(page: Page): Promise<void> {
  await page.goto('./');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
}

export async function openTab(page: Page, tab: 'Rules' | 'DNS' | 'Trace' | 'kubectl' | 'YAML') {
  await page.getByRole('tab', { name: tab }).click();
  await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
}

/** Chain names that have rules in the Rules tab's "Go to" list (`nat: KUBE-SVC-…`). */
export async function listedChains(page: Page): Promise<string[]> {
  const options = await page.getByTestId('rules-goto').locator('option').allTextContents();
  return options.filter((o) => o.includes(': ')).map((o) => o.slice(o.indexOf(': ') + 2));
}

/** Scrolls the Rules tab to a chain and returns its rule lines as shown, without fold marks. */
export async function chainLines(page: Page, chain: string, table = 'nat'): Promise<string[]> {
  await page.getByTestId('rules-goto').selectOption(`${table} ${chain}`);
  const lines = page.locator(`[data-testid="rule-line"][data-chain="${chain}"]`);
  await expect(lines.first()).toBeVisible();
  const texts = await lines.allTextContents();
  return texts.map((t) => t.replace(/^[▾▸+\s]+/, '').replace(/^added:\s*/, ''));
}

export interface ServiceFormInput {
  readonly type: 'ClusterIP' | 'Headless' | 'NodePort' | 'LoadBalancer' | 'ExternalName';
  readonly name: string;
  readonly selector?: string;
  readonly port?: string;
  readonly portName?: string;
  readonly targetPort?: string;
  readonly nodePort?: string;
  readonly lbIP?: string;
  readonly sourceRanges?: string;
  readonly externalName?: string;
  readonly externalTrafficPolicy?: 'Cluster' | 'Local';
  readonly sessionAffinity?: 'None' | 'ClientIP';
  readonly affinityTimeout?: string;
}

/** Fills the "+ Service" form and submits it; the dialog stays open when the API rejects it. */
export async function submitServiceForm(page: Page, s: ServiceFormInput): Promise<void> {
  await page.getByTestId('add-service').click();
  const dialog = page.getByTestId('service-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('svc-type').selectOption(s.type);
  await dialog.getByTestId('svc-name').fill(s.name);
  if (s.type === 'ExternalName')
    await dialog.getByTestId('svc-externalname').fill(s.externalName ?? '');
  else {
    await dialog.getByTestId('svc-selector').fill(s.selector ?? '');
    if (s.portName !== undefined) await dialog.getByTestId('port-name-0').fill(s.portName);
    if (s.port !== undefined) await dialog.getByTestId('port-port-0').fill(s.port);
    if (s.targetPort !== undefined) await dialog.getByTestId('port-target-0').fill(s.targetPort);
    if (s.nodePort !== undefined) await dialog.getByTestId('port-nodeport-0').fill(s.nodePort);
    if (s.lbIP !== undefined) await dialog.getByTestId('svc-lbip').fill(s.lbIP);
    if (s.sourceRanges !== undefined) await dialog.getByTestId('svc-ranges').fill(s.sourceRanges);
    if (s.externalTrafficPolicy)
      await dialog.getByTestId('svc-etp').selectOption(s.externalTrafficPolicy);
    if (s.sessionAffinity) await dialog.getByTestId('svc-affinity').selectOption(s.sessionAffinity);
    if (s.affinityTimeout !== undefined)
      await dialog.getByTestId('svc-affinity-timeout').fill(s.affinityTimeout);
  }
  await dialog.getByTestId('svc-submit').click();
}

export async function createService(page: Page, s: ServiceFormInput): Promise<void> {
  await submitServiceForm(page, s);
  await expect(page.getByTestId('service-dialog')).toBeHidden();
  await expect(page.getByTestId(`svc-${s.name}`)).toBeVisible();
}

/** The kubectl tab's output for one view. */
export async function kubectlOutput(
  page: Page,
  view: 'pods' | 'services' | 'endpointslices' | 'describe',
  service?: string,
): Promise<string> {
  await openTab(page, 'kubectl');
  await page.getByTestId('kubectl-view').selectOption(view);
  if (service) await page.getByTestId('kubectl-service').selectOption(service);
  return (await page.getByTestId('kubectl-output').textContent()) ?? '';
}

/** Runs dig in the DNS tab and returns its output. */
export async function digOutput(page: Page, name: string, type: string): Promise<string> {
  await openTab(page, 'DNS');
  await page.getByTestId('dns-name').fill(name);
  await page.getByTestId('dns-type').selectOption(type);
  const out = page.getByTestId('dns-output');
  await expect(out).toContainText(`dig ${name}`);
  return (await out.textContent()) ?? '';
}

/** The seed's three nginx endpoints (targetPort 80), as the EndpointSlice controller lists them. */
export function seedEndpoints(targetPort = 80): string[] {
  return exampleCluster('seed-nginx')
    .pods.map((p) => `${p.status?.podIP}:${targetPort}`)
    .sort();
}

/** The ClusterIP kubectl prints for a Service (second column after NAME and TYPE). */
export function clusterIPIn(kubectlSvc: string, name: string): string {
  const row = kubectlSvc.split('\n').find((l) => l.startsWith(`${name} `));
  return row?.split(/\s+/)[2] ?? '';
}

/** Sends one packet from the Trace tab; returns the outcome line (or the error shown). */
export async function sendPacket(
  page: Page,
  req: { from: string; to: string; endpoint?: string },
): Promise<string> {
  await openTab(page, 'Trace');
  await page.getByTestId('trace-from').selectOption(req.from);
  await page.getByTestId('trace-to').fill(req.to);
  await page.getByTestId('trace-send').click();
  if (req.endpoint) {
    await page.getByTestId('trace-endpoint').selectOption(req.endpoint);
    await page.getByTestId('trace-send').click();
  }
  const outcome = page.getByTestId('trace-outcome').or(page.getByTestId('trace-error'));
  await expect(outcome.first()).toBeVisible();
  return (await outcome.first().textContent()) ?? '';
}

/** Steps to where the request was delivered; the packet on the canvas must be at `canvasId`. */
export async function expectPacketDeliveredAt(page: Page, canvasId: string): Promise<void> {
  const steps = page.getByTestId('trace-steps').getByRole('button');
  await steps
    .filter({ hasText: /· deliver$/ })
    .first()
    .click();
  await expect(page.getByTestId('packet')).toHaveAttribute('data-at', canvasId);
}

/** Steps to the DNAT and checks the Rules tab lights that very line on the node. */
export async function expectDnatLit(page: Page, dnatTo: string): Promise<void> {
  const steps = page.getByTestId('trace-steps').getByRole('button');
  await steps
    .filter({ hasText: /→ DNAT$/ })
    .first()
    .click();
  await expect(page.getByTestId('trace-rule')).toContainText(`--to-destination ${dnatTo}`);
  await page.getByTestId('trace-show-rules').click();
  await expect(
    page.locator('.rule-lit').filter({ hasText: `DNAT --to-destination ${dnatTo}` }),
  ).toBeVisible();
}
