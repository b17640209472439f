/**
 * Languages: a Chinese browser gets the UI in Chinese while every piece of tool output (iptables-
 * save, dig, kubectl, trace rule lines) stays byte for byte what the tools print; the header
 * switches the language and the choice survives a reload.
 */
import { expect, type Page, test } from '@playwright/test';
import { compileKubeProxy, nodeRuleset, printSave } from '../src/core/index.ts';
import { chainLines, collectErrors, exampleCluster, saveScreenshot } from './support.ts';

const SVC = 'KUBE-SVC-ZUZW5FVTOFNMWE2A';

async function tab(page: Page, id: 'Rules' | 'DNS' | 'Trace' | 'kubectl' | 'YAML') {
  await page.getByTestId(`tab-${id}`).click();
  await expect(page.getByTestId(`tab-${id}`)).toHaveAttribute('aria-selected', 'true');
}

/** Controls whose text is wider or taller than their box (clipped or spilling out). */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(
      'button, [role="tab"], select, label, summary, .flow-badge, .flow-kind, legend',
    )) {
      const r = el.getBoundingClientRect();
      // Rule lines scroll sideways in their own box, as a terminal would.
      if (r.width === 0 || el.closest('dialog:not([open]), .rules-scroll')) continue;
      if (
        el.scrollWidth > el.clientWidth + 1 ||
        el.scrollHeight > el.clientHeight + 1 ||
        r.right > window.innerWidth + 1
      )
        out.push(`${el.tagName} "${el.textContent?.trim().slice(0, 40)}"`);
    }
    // Nothing may push the page wider than the window either.
    if (document.documentElement.scrollWidth > window.innerWidth)
      out.push('page wider than window');
    return out;
  });
}

test.describe('in a Chinese browser', () => {
  test.use({ locale: 'zh-CN' });

  test('the UI is in Chinese and the rules, dig and kubectl output are unchanged', async ({
    page,
  }) => {
    const errors = collectErrors(page);
    await page.goto('./');
    await expect(page.locator('.react-flow__node').first()).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByTestId('language')).toHaveValue('zh');
    // Header, tabs, edit bar, canvas words.
    await expect(page.getByTestId('new')).toHaveText('新建');
    await expect(page.getByTestId('undo')).toHaveText('撤销');
    await expect(page.getByTestId('tab-Rules')).toHaveText('规则');
    await expect(page.getByTestId('tab-Trace')).toHaveText('追踪');
    await expect(page.getByTestId('delete')).toHaveCount(0);
    await expect(page.locator('.flow-badge').first()).toHaveText('就绪');
    await expect(page.getByTestId('legend-ready')).toHaveText('就绪的端点');
    await expect(page.getByTestId('rule-why')).toContainText('kube-proxy');
    await expect(page.getByTestId('rule-why')).toContainText('悬停');

    // iptables-save: the chain's lines exactly as the core prints them (and the seed post shows).
    const compiled = compileKubeProxy(exampleCluster('seed-nginx'), { node: 'node1' });
    if (!compiled.ok) throw new Error('the seed does not compile');
    const save = printSave(nodeRuleset(compiled.value));
    const expected = save.split('\n').filter((l) => l.startsWith(`-A ${SVC} `));
    expect(await chainLines(page, SVC)).toEqual(expected);
    await saveScreenshot(page, 'i18n-zh-rules');

    // dig and kubectl print as the tools do; only the framing is Chinese.
    await tab(page, 'DNS');
    await expect(page.getByTestId('dns-output')).toContainText(';; ANSWER SECTION:');
    await expect(page.getByTestId('dns-output')).toContainText('status: NOERROR');
    await expect(page.getByTestId('dns-note')).toContainText('getaddrinfo');
    await expect(page.getByTestId('dns-note')).toContainText('搜索列表');
    await saveScreenshot(page, 'i18n-zh-dns');
    await tab(page, 'kubectl');
    await expect(page.getByTestId('kubectl-output')).toContainText(
      'NAME                     READY   STATUS    RESTARTS   AGE',
    );
    await expect(page.getByText('命令', { exact: true })).toBeVisible();

    // A packet: our words in Chinese, the rule line as iptables-save prints it.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await tab(page, 'Trace');
    await page.getByTestId('trace-from').selectOption('pod:default/nginx-59ff7ffd6b-hcqhb');
    await page.getByTestId('trace-to').fill('10.99.62.169:80');
    await page.getByTestId('trace-endpoint').selectOption('');
    await page.getByTestId('trace-send').click();
    await page.getByTestId('trace-endpoint').selectOption('10.244.2.12:80');
    await page.getByTestId('trace-send').click();
    await expect(page.getByTestId('trace-outcome').locator('strong')).toHaveText('已送达');
    await expect(page.getByTestId('trace-outcome')).toContainText(
      '已送达 node2 上的 Pod default/nginx-59ff7ffd6b-7vgh2（10.244.2.12:80）；它看到连接来自客户端自己的地址 10.244.1.14:',
    );
    await page
      .getByTestId('trace-steps')
      .getByRole('button', { name: /KUBE-SEP-WAFDPEMEUUYA22C5 第 2 条规则 → DNAT/ })
      .click();
    await expect(page.getByTestId('trace-rule')).toHaveText(
      '-A KUBE-SEP-WAFDPEMEUUYA22C5 -p tcp -m comment --comment "default/nginx:xsp7pg" -m tcp -j DNAT --to-destination 10.244.2.12:80',
    );
    await expect(page.getByTestId('trace-count')).toContainText('步');
    expect(await overflowing(page)).toEqual([]);
    await saveScreenshot(page, 'i18n-zh-trace');

    // The Service form: Chinese labels, Kubernetes field names as is.
    await page.getByTestId('add-service').click();
    const dialog = page.getByTestId('service-dialog');
    await dialog.getByTestId('svc-type').selectOption('LoadBalancer');
    await expect(dialog.getByRole('heading')).toHaveText('添加 Service');
    await expect(dialog).toContainText('externalTrafficPolicy');
    await expect(dialog).toContainText('选择算符');
    expect(await overflowing(page)).toEqual([]);
    await saveScreenshot(page, 'i18n-zh-service-dialog');
    await dialog.getByRole('button', { name: '取消' }).click();
    expect(errors).toEqual([]);
  });

  test("editing in Chinese: our notices in Chinese, the API server's messages as it prints them", async ({
    page,
  }) => {
    const errors = collectErrors(page);
    await page.goto('./');
    await expect(page.locator('.react-flow__node').first()).toBeVisible();
    // A Pod's actions and the notice after one.
    await page.getByTestId('selected').selectOption('pod:default/nginx-59ff7ffd6b-hcqhb');
    await expect(page.getByTestId('toggle-ready')).toHaveText('设为未就绪');
    await expect(page.getByTestId('terminate')).toHaveText('终止');
    await page.getByTestId('toggle-ready').click();
    await expect(page.getByTestId('notice')).toHaveText('nginx-59ff7ffd6b-hcqhb 现在未就绪');
    await expect(page.getByTestId('pod-nginx-59ff7ffd6b-hcqhb')).toContainText('未就绪');
    await expect(page.locator('.react-flow__edge-text', { hasText: '未就绪' })).toHaveCount(1);
    expect(await overflowing(page)).toEqual([]);
    await saveScreenshot(page, 'i18n-zh-pod-actions');

    // The API server's validation message stays in English; our framing is Chinese.
    await page.getByTestId('add-service').click();
    const dialog = page.getByTestId('service-dialog');
    await dialog.getByTestId('svc-type').selectOption('NodePort');
    await dialog.getByTestId('svc-name').fill('web');
    await dialog.getByTestId('svc-selector').fill('app=web');
    await dialog.getByTestId('port-nodeport-0').fill('80');
    await dialog.getByTestId('svc-submit').click();
    await expect(dialog.getByTestId('error-spec.ports[0]')).toContainText(
      'spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
    );
    await dialog.getByRole('button', { name: '取消' }).click();

    // YAML: the count and state in Chinese, each message as the API server wrote it.
    await tab(page, 'YAML');
    await expect(page.getByText('当前已应用的场景。')).toBeVisible();
    const yaml = page.getByTestId('yaml-text');
    await yaml.fill((await yaml.inputValue()).replace('port: 80', 'port: 800000'));
    await expect(page.getByText('已编辑，点击“应用”以更新所有视图。')).toBeVisible();
    await page.getByTestId('yaml-apply').click();
    await expect(page.getByText(/^1 个错误：场景保持上一个有效状态$/)).toBeVisible();
    await expect(page.getByTestId('yaml-errors')).toContainText('第 ');
    await expect(page.getByTestId('yaml-errors')).toContainText('Invalid value: 800000');
    expect(await overflowing(page)).toEqual([]);
    await saveScreenshot(page, 'i18n-zh-yaml-error');
    expect(errors).toEqual([]);
  });
});

test('the header switches the language, and the choice survives a reload', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('./');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('tab-Rules')).toHaveText('Rules');
  expect(await overflowing(page)).toEqual([]);
  await saveScreenshot(page, 'i18n-en-rules');
  const firstRule = await page.getByTestId('rule-line').first().textContent();

  await page.getByTestId('language').selectOption('zh');
  await expect(page.getByTestId('tab-Rules')).toHaveText('规则');
  await expect(page.getByTestId('reset')).toHaveText('重置为示例');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  expect(await page.getByTestId('rule-line').first().textContent()).toBe(firstRule);
  expect(await overflowing(page)).toEqual([]);
  await saveScreenshot(page, 'i18n-zh-switched');

  await page.reload();
  await expect(page.getByTestId('tab-Rules')).toHaveText('规则');
  await page.getByTestId('language').selectOption('en');
  await expect(page.getByTestId('tab-Rules')).toHaveText('Rules');
  await page.reload();
  await expect(page.getByTestId('undo')).toHaveText('Undo');
  expect(errors).toEqual([]);
});
