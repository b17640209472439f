/**
 * Each task check fails on the lesson's own scenario and passes once the learner has done what
 * the step asks (made here with the same edit functions the edit bar uses, or a text edit as in
 * the YAML tab). A check that passed before the change would teach nothing.
 */
import { describe, expect, it } from 'vitest';
import { applyScenario, type Cluster, hasErrors } from '../core/index.ts';
import { addPod, setPodReady } from '../store/edits.ts';
import { setField } from '../store/manifest-edits.ts';
import { LESSONS, lessonById, scenarioAt } from './index.ts';
import type { Lesson, TaskCheck } from './types.ts';

function cluster(text: string): Cluster {
  const a = applyScenario(text);
  expect(hasErrors(a.diagnostics), a.diagnostics.map((d) => d.message).join('\n')).toBe(false);
  return a.cluster;
}

function taskOf(lesson: Lesson): { step: number; check: TaskCheck } {
  const step = lesson.steps.findIndex((s) => s.check?.kind === 'task');
  const check = lesson.steps[step]?.check;
  if (check?.kind !== 'task') throw new Error(`${lesson.id} has no task`);
  return { step, check };
}

const svc = (name: string) => ({ kind: 'Service', namespace: 'default', name });

/** lesson id → the learner's change that should make the task pass. */
const SOLUTIONS: Record<string, (text: string) => string> = {
  'seed-clusterip': (t) =>
    addPod(t, {
      name: 'nginx-59ff7ffd6b-xk2lp',
      namespace: 'default',
      nodeName: 'node2',
      labels: { 'k8s.kuboard.cn/name': 'nginx', 'pod-template-hash': '59ff7ffd6b' },
      ready: true,
      containerPort: 80,
    }),
  nodeport: (t) => t.replace('nodePort: 30080', 'nodePort: 31080'),
  'headless-dns': (t) =>
    addPod(t, {
      name: 'cassandra-3',
      namespace: 'default',
      nodeName: 'worker-1',
      labels: { app: 'cassandra' },
      ready: true,
      containerPort: 9042,
    }),
  'loadbalancer-source-ranges': (t) =>
    setField(
      t,
      svc('api'),
      ['spec', 'loadBalancerSourceRanges'],
      ['203.0.113.0/24', '198.51.100.0/24'],
    ),
  externalname: (t) =>
    setField(
      t,
      svc('billing-db'),
      ['spec', 'externalName'],
      'billing-replica.postgres.database.example.com',
    ),
  'external-traffic-local': (t) =>
    setField(t, svc('ingress-nginx-controller'), ['spec', 'externalTrafficPolicy'], 'Local'),
  'session-affinity': (t) =>
    setField(
      setField(t, svc('cart'), ['spec', 'sessionAffinity'], 'ClientIP'),
      svc('cart'),
      ['spec', 'sessionAffinityConfig'],
      { clientIP: { timeoutSeconds: 10800 } },
    ),
  'pod-not-ready': (t) => setPodReady(t, 'default', 'checkout-7b8c9d6f5-x9w2c', true),
};

describe('lessons', () => {
  it('covers the topics the classroom needs, each with a task and a question', () => {
    expect(LESSONS.map((l) => l.id)).toEqual(Object.keys(SOLUTIONS));
    for (const l of LESSONS) {
      expect(l.steps[0]?.scenario, l.id).toBeTruthy();
      expect(
        l.steps.some((s) => s.check?.kind === 'quiz'),
        l.id,
      ).toBe(true);
      expect(lessonById(l.id)).toBe(l);
    }
  });

  it('gives every text in English and Chinese', () => {
    const cjk = /[\u4e00-\u9fff]/;
    for (const l of LESSONS)
      for (const s of [l.title, l.summary, ...l.steps.flatMap((st) => [st.title, st.body])]) {
        expect(s.en.length, l.id).toBeGreaterThan(0);
        if (s.en !== s.zh) expect(s.zh, `${l.id}: ${s.en}`).toMatch(cjk);
      }
  });

  it('has quizzes whose answer is one of the choices', () => {
    for (const l of LESSONS)
      for (const s of l.steps)
        if (s.check?.kind === 'quiz') {
          expect(s.check.choices[s.check.answer], l.id).toBeDefined();
          expect(s.check.explain.zh).toMatch(/[\u4e00-\u9fff]/);
        }
  });

  for (const lesson of LESSONS) {
    it(`${lesson.id}: the task fails before the learner's change and passes after it`, () => {
      const { step, check } = taskOf(lesson);
      const before = scenarioAt(lesson, step);
      const first = check.run(cluster(before));
      expect(first.passed, first.observed.en).toBe(false);
      const solve = SOLUTIONS[lesson.id];
      if (!solve) throw new Error(`no solution for ${lesson.id}`);
      const after = solve(before);
      expect(after).not.toBe(before);
      const second = check.run(cluster(after));
      expect(second.passed, second.observed.en).toBe(true);
      expect(second.observed.zh).toMatch(/[\u4e00-\u9fff]/);
    });
  }

  it('seed: three Pods are not four, and four uneven ones would not pass either', () => {
    const { check } = taskOf(lessonById('seed-clusterip') as Lesson);
    const seed = scenarioAt(lessonById('seed-clusterip') as Lesson, 0);
    expect(check.run(cluster(seed)).observed.en).toMatch(/can reach 3 Pods/);
  });

  it('session affinity: the lesson starts without it', () => {
    const start = scenarioAt(lessonById('session-affinity') as Lesson, 0);
    expect(start).not.toMatch(/sessionAffinity/);
  });

  it('externalTrafficPolicy: the lesson starts with Cluster', () => {
    const start = scenarioAt(lessonById('external-traffic-local') as Lesson, 0);
    expect(start).toMatch(/externalTrafficPolicy: Cluster/);
  });
});
