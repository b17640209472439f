/**
 * The packet being shown: the steps of one trace (computed by the core's packet walk, adapted in
 * trace-steps.ts) and where the player is. The canvas animates the packet to the current step's
 * shape; the Rules tab lights the current step's rule lines.
 */
import { create } from 'zustand';
import type { Trace, TraceHop } from '../core/index.ts';

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
  /** The core's hop this step shows. */
  readonly hop: TraceHop;
}

/** One "send 100": how often each endpoint (or verdict) came up. */
export interface Samples {
  readonly counts: ReadonlyMap<string, number>;
  readonly total: number;
}

export interface TraceState {
  /** The last trace sent, or null. */
  readonly trace: Trace | null;
  readonly samples: Samples | null;
  readonly steps: readonly PacketStep[];
  readonly step: number;
  readonly playing: boolean;
  /** Steps per second. */
  readonly speed: number;
  readonly load: (trace: Trace | null, steps: readonly PacketStep[]) => void;
  readonly setSamples: (samples: Samples | null) => void;
  readonly go: (step: number) => void;
  readonly setPlaying: (playing: boolean) => void;
  readonly setSpeed: (speed: number) => void;
  readonly clear: () => void;
}

export const useTrace = create<TraceState>()((set, get) => ({
  trace: null,
  samples: null,
  steps: [],
  step: 0,
  playing: false,
  speed: 1.5,
  load: (trace, steps) => set({ trace, steps, step: 0, playing: steps.length > 1 }),
  setSamples: (samples) => set({ samples }),
  go: (step) => {
    const last = get().steps.length - 1;
    const s = Math.max(0, Math.min(last, step));
    set({ step: s, playing: get().playing && s < last });
  },
  setPlaying: (playing) => set({ playing }),
  setSpeed: (speed) => set({ speed }),
  clear: () => set({ trace: null, samples: null, steps: [], step: 0, playing: false }),
}));
