/**
 * The packet being shown: the steps of one trace (computed by the core's packet walk, adapted in
 * trace-steps.ts) and where the player is. The canvas animates the packet to the current step's
 * shape; the Rules tab lights the current step's rule lines.
 */
import { create } from 'zustand';

export interface PacketStep {
  /** Canvas id (see to-flow-elements) the packet is at in this step. */
  readonly at: string;
  /** One line saying what happens here, e.g. `nat PREROUTING: KUBE-SERVICES rule 1 → KUBE-SVC-…`. */
  readonly title: string;
  /** The node whose rules are walked in this step, if any. */
  readonly node: string;
  /** The packet's addresses at this hop, `src → dst`. */
  readonly src: string;
  readonly dst: string;
  /** Rule ids (from the kube-proxy compile) that matched in this step. */
  readonly ruleIds: readonly string[];
  /** Chains traversed in this step, in order, for the Rules tab. */
  readonly chains: readonly string[];
  readonly reply: boolean;
}

export interface TraceState {
  readonly steps: readonly PacketStep[];
  readonly step: number;
  readonly playing: boolean;
  /** Steps per second. */
  readonly speed: number;
  readonly load: (steps: readonly PacketStep[]) => void;
  readonly go: (step: number) => void;
  readonly setPlaying: (playing: boolean) => void;
  readonly setSpeed: (speed: number) => void;
  readonly clear: () => void;
}

export const useTrace = create<TraceState>()((set, get) => ({
  steps: [],
  step: 0,
  playing: false,
  speed: 1.5,
  load: (steps) => set({ steps, step: 0, playing: steps.length > 1 }),
  go: (step) => {
    const last = get().steps.length - 1;
    const s = Math.max(0, Math.min(last, step));
    set({ step: s, playing: get().playing && s < last });
  },
  setPlaying: (playing) => set({ playing }),
  setSpeed: (speed) => set({ speed }),
  clear: () => set({ steps: [], step: 0, playing: false }),
}));
