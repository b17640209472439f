/**
 * The app state a share link carries besides the scenario (the core's ShareView): read from the
 * stores when the user shares, written back to them when a link is opened.
 */
import type { IptablesProtocol, Protocol, ShareView } from '../../core/index.ts';
import { applied, scenarioStore } from '../../store/scenario.ts';
import { runTrace } from '../../store/trace-api.ts';
import { traceSteps } from '../../store/trace-steps.ts';
import { useTrace } from '../../store/trace-store.ts';
import { TABS, type Tab, useUi } from '../../store/ui-store.ts';
import { useLesson } from '../lessons/lesson-store.ts';

export function currentView(): ShareView {
  const ui = useUi.getState();
  const trace = useTrace.getState().trace;
  const lesson = useLesson.getState();
  return {
    panel: ui.tab,
    ...(ui.rulesNode ? { node: ui.rulesNode } : {}),
    ...(ui.selected ? { selected: ui.selected } : {}),
    ...(trace
      ? {
          trace: {
            from: trace.from,
            to: trace.to,
            protocol: trace.protocol.toUpperCase() as Protocol,
          },
        }
      : {}),
    ...(lesson.lessonId ? { lesson: { id: lesson.lessonId, step: lesson.step } } : {}),
  };
}

const isTab = (p: string | undefined): p is Tab => TABS.includes(p as Tab);

/** Shows what the view names: the tab, the node, the selection, a trace, a lesson step. */
export function applyView(view: ShareView): void {
  useUi.getState().set({
    ...(isTab(view.panel) ? { tab: view.panel } : {}),
    ...(view.node !== undefined ? { rulesNode: view.node } : {}),
    ...(view.selected !== undefined ? { selected: view.selected } : {}),
  });
  if (view.trace) sendTrace(view.trace.from, view.trace.to, view.trace.protocol);
  if (view.lesson)
    useLesson.getState().set({ lessonId: view.lesson.id, step: view.lesson.step, open: true });
}

/** Sends one packet through the current cluster and shows it in the Trace player. */
export function sendTrace(from: string, to: string, protocol?: string): boolean {
  const cluster = applied(scenarioStore.getState().text)?.cluster;
  if (!cluster) return false;
  const r = runTrace(cluster, {
    from,
    to,
    ...(protocol ? { protocol: protocol.toLowerCase() as IptablesProtocol } : {}),
  });
  if (!r.ok) return false;
  useTrace.getState().load(r.trace, traceSteps(r.trace));
  useTrace.getState().setPlaying(false);
  return true;
}
