/**
 * Every lesson, done as a learner does it: the task's check fails until the learner has changed
 * the cluster as asked (with the edit bar or the YAML tab), then passes; a quiz's wrong answer is
 * marked wrong and the right one right.
 */
import { expect, type Page, test } from '@playwright/test';
import { collectErrors, openApp, openTab, saveScreenshot } from './support.ts';

type Action = (page: Page) => Promise<void>;

interface LessonPlan {
  readonly id: string;
  /** Step index → the right answer of its quiz. */
  readonly quizzes: Readonly<Record<number, number>>;
  readonly task: number;
  readonly doIt: Action;
}

/** Edits the scenario in the YAML tab, as a learner typing would, and applies it. */
function editYaml(change: (text: string) => string): Action {
  return async (page) => {
    await openTab(page, 'YAML');
    const area = page.getByTestId('yaml-text');
    const before = await area.inputValue();
    const after = change(before);
    expect(after).not.toBe(before);
    await area.fill(after);
    await page.getByTestId('yaml-apply').click();
    await expect(page.getByTestId('yaml-apply')).toBeDisabled();
  };
}

const CASSANDRA_3 = `---
apiVersion: v1
kind: Pod
metadata:
  name: cassandra-3
  namespace: default
  labels:
    app: cassandra
spec:
  nodeName: worker-1
  hostname: cassandra-3
  subdomain: cassandra
  containers:
    - name: cassandra
      image: cassandra:4.1
status:
  phase: Running
  conditions:
    - type: Ready
      status: "True"
    - type: ContainersReady
      status: "True"
`;

const PLANS: readonly LessonPlan[] = [
  {
    id: 'seed-clusterip',
    quizzes: { 1: 0 },
    task: 3,
    doIt: async (page) => {
      await page.getByTestId('selected').selectOption('pod:default/nginx-59ff7ffd6b-hcqhb');
      await page.getByTestId('scale-count').fill('4');
      await page.getByTestId('scale').click();
      await expect(page.getByTestId('notice')).toContainText('scaled to 4');
    },
  },
  {
    id: 'nodeport',
    quizzes: { 2: 1 },
    task: 1,
    doIt: editYaml((t) => t.replace('nodePort: 30080', 'nodePort: 31080')),
  },
  {
    id: 'headless-dns',
    quizzes: { 2: 0 },
    task: 1,
    doIt: editYaml((t) => `${t.replace(/\n*$/, '\n')}${CASSANDRA_3}`),
  },
  {
    id: 'loadbalancer-source-ranges',
    quizzes: { 2: 1 },
    task: 1,
    doIt: editYaml((t) => t.replace('- 198.51.100.17/32', '- 198.51.100.0/24')),
  },
  {
    id: 'externalname',
    quizzes: { 1: 1 },
    task: 2,
    doIt: editYaml((t) =>
      t.replace(
        'externalName: billing.postgres.database.example.com',
        'externalName: billing-replica.postgres.database.example.com',
      ),
    ),
  },
  {
    id: 'external-traffic-local',
    quizzes: { 2: 1 },
    task: 1,
    doIt: editYaml((t) =>
      t.replace('externalTrafficPolicy: Cluster', 'externalTrafficPolicy: Local'),
    ),
  },
  {
    id: 'session-affinity',
    quizzes: { 2: 1 },
    task: 1,
    doIt: editYaml(
      (t) =>
        `${t.replace(/\n*$/, '\n')}  sessionAffinity: ClientIP\n  sessionAffinityConfig:\n    clientIP:\n      timeoutSeconds: 10800\n`,
    ),
  },
  {
    id: 'pod-not-ready',
    quizzes: { 1: 0 },
    task: 2,
    doIt: async (page) => {
      await page.getByTestId('selected').selectOption('pod:default/checkout-7b8c9d6f5-x9w2c');
      await page.getByTestId('toggle-ready').click();
      await expect(page.getByTestId('notice')).toContainText('is now ready');
    },
  },
];

async function check(page: Page, passed: boolean) {
  const drawer = page.getByTestId('lesson-drawer');
  await drawer.getByTestId('lesson-check').click();
  await expect(drawer.getByTestId('lesson-result')).toHaveAttribute('data-passed', String(passed));
}

for (const plan of PLANS) {
  test(`lesson ${plan.id}: completed only by doing what it asks`, async ({ page }) => {
    const errors = collectErrors(page);
    await openApp(page);
    await page.getByTestId('lessons').click();
    const drawer = page.getByTestId('lesson-drawer');
    await drawer.getByTestId(`lesson-${plan.id}`).click();
    await expect(drawer.getByTestId('lesson-step')).toHaveAttribute('data-step', '0');
    // Starting the lesson loaded its scenario (the seed lesson's is the seed, already there).
    if (plan.id !== 'seed-clusterip') await expect(page.getByTestId('examples')).toHaveValue('');

    const last = Math.max(plan.task, ...Object.keys(plan.quizzes).map(Number));
    for (let step = 0; step <= last; step++) {
      await expect(drawer.getByTestId('lesson-step')).toHaveAttribute('data-step', String(step));
      const answer = plan.quizzes[step];
      if (answer !== undefined) {
        const wrong = answer === 0 ? 1 : 0;
        await drawer.getByTestId(`lesson-choice-${wrong}`).check();
        await check(page, false);
        await drawer.getByTestId(`lesson-choice-${answer}`).check();
        await check(page, true);
      }
      if (step === plan.task) {
        await check(page, false);
        await plan.doIt(page);
        await check(page, true);
        if (plan.id === 'seed-clusterip') await saveScreenshot(page, 'lesson-seed-task-passed');
      }
      if (step < last) await drawer.getByTestId('lesson-next').click();
    }
    expect(errors).toEqual([]);
  });
}

test('undo after starting a lesson brings the previous scenario back', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('examples').selectOption('nodeport');
  await page.getByTestId('lessons').click();
  await page.getByTestId('lesson-externalname').click();
  await expect(page.getByTestId('pod-orders-6d8f7b9c5-lw4tz')).toBeVisible();
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('pod-web-7c5d8f9b6d-2xkqp')).toBeVisible();
});
