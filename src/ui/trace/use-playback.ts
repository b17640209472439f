/**
 * Plays the trace: advances a step at the chosen speed while playing, and keeps the canvas and
 * the Rules tab in step — the shape the packet is at is highlighted, the Rules tab shows that
 * step's node with the rules hit so far lit.
 */
import { useEffect } from 'react';
import { useTrace } from '../../store/trace-store.ts';
import { useUi } from '../../store/ui-store.ts';

export function usePlayback(): void {
  const playing = useTrace((s) => s.playing);
  const speed = useTrace((s) => s.speed);
  const step = useTrace((s) => s.step);
  const steps = useTrace((s) => s.steps);
  const go = useTrace((s) => s.go);
  const setPlaying = useTrace((s) => s.setPlaying);
  const setUi = useUi((s) => s.set);

  useEffect(() => {
    if (!playing) return;
    if (step >= steps.length - 1) {
      setPlaying(false);
      return;
    }
    const t = setTimeout(() => go(step + 1), Math.round(1000 / speed));
    return () => clearTimeout(t);
  }, [playing, speed, step, steps.length, go, setPlaying]);

  const current = steps[step];
  useEffect(() => {
    if (!current) {
      setUi({ highlight: [], litRules: [] });
      return;
    }
    setUi({
      highlight: [current.at],
      litRules: current.ruleIds,
      ...(current.node ? { rulesNode: current.node } : {}),
    });
  }, [current, setUi]);
}
