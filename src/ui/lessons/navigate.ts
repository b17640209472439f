/**
 * Moving through a lesson: entering a step loads its scenario (if it has one) as an undoable
 * change and shows its view (tab, node, a trace, a DNS query).
 */
import { lessonById, scenarioAt } from '../../lessons/index.ts';
import type { StepView } from '../../lessons/types.ts';
import { scenarioStore } from '../../store/scenario.ts';
import { useUi } from '../../store/ui-store.ts';
import { sendTrace } from '../share/share-state.ts';
import { useLesson } from './lesson-store.ts';

function showView(view: StepView | undefined) {
  if (!view) return;
  useUi.getState().set({
    ...(view.panel ? { tab: view.panel } : {}),
    ...(view.node ? { rulesNode: view.node } : {}),
    ...(view.dns ? { dnsName: view.dns.name, dnsType: view.dns.type } : {}),
  });
  if (view.trace) sendTrace(view.trace.from, view.trace.to);
}

/** Opens `step` of lesson `id` (clamped to its steps). */
export function goToStep(id: string, step: number, { reload = false } = {}): void {
  const lesson = lessonById(id);
  if (!lesson) return;
  const i = Math.max(0, Math.min(lesson.steps.length - 1, step));
  const s = lesson.steps[i];
  useLesson.getState().set({ lessonId: id, step: i, open: true });
  const scenario = reload ? scenarioAt(lesson, i) : s?.scenario;
  if (scenario !== undefined && scenario !== scenarioStore.getState().text)
    scenarioStore.getState().loadShared(scenario);
  showView(s?.view);
}

/** Next (+1) or previous (-1) step of the open lesson; false when there is none. */
export function stepBy(delta: 1 | -1): boolean {
  const { lessonId, step } = useLesson.getState();
  const lesson = lessonById(lessonId);
  if (!lesson) return false;
  const next = step + delta;
  if (next < 0 || next >= lesson.steps.length) return false;
  goToStep(lessonId, next);
  return true;
}
