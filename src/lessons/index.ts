/** The guided lessons, in the order the Lessons menu lists them. */
import { affinityLesson } from './affinity.ts';
import { etpLocalLesson } from './etp-local.ts';
import { externalNameLesson } from './externalname.ts';
import { headlessLesson } from './headless.ts';
import { loadBalancerLesson } from './loadbalancer.ts';
import { nodePortLesson } from './nodeport.ts';
import { notReadyLesson } from './not-ready.ts';
import { seedLesson } from './seed.ts';
import type { Lesson } from './types.ts';

export type * from './types.ts';
export { scenarioAt } from './types.ts';

export const LESSONS: readonly Lesson[] = [
  seedLesson,
  nodePortLesson,
  headlessLesson,
  loadBalancerLesson,
  externalNameLesson,
  etpLocalLesson,
  affinityLesson,
  notReadyLesson,
];

export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}
