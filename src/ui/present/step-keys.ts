/**
 * What a clicker or the arrow keys do in presentation mode: step the open lesson if there is
 * one, else the packet trace. Clickers send PageDown/PageUp (some send arrows or Space).
 */
import { useTrace } from '../../store/trace-store.ts';
import { useLesson } from '../lessons/lesson-store.ts';

const FORWARD = new Set(['ArrowRight', 'ArrowDown', 'PageDown', ' ']);
const BACK = new Set(['ArrowLeft', 'ArrowUp', 'PageUp']);

export function stepDirection(key: string): 1 | -1 | 0 {
  if (FORWARD.has(key)) return 1;
  if (BACK.has(key)) return -1;
  return 0;
}

export async function step(delta: 1 | -1): Promise<void> {
  const { lessonId, open } = useLesson.getState();
  if (lessonId && open) {
    const { stepBy } = await import('../lessons/navigate.ts');
    if (stepBy(delta)) return;
  }
  const trace = useTrace.getState();
  if (trace.steps.length > 0) {
    trace.setPlaying(false);
    trace.go(trace.step + delta);
  }
}
