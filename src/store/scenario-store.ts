/**
 * The scenario: the one source of truth. It is the scenario's text (Kubernetes YAML), exactly
 * what the YAML tab shows and what `svclab` reads; every other view is derived from it by the
 * core. Only a text the core accepts without errors is ever stored here ("apply keeps the last
 * valid state"), so every panel always shows a valid cluster.
 *
 * Undo/redo is zundo over the text. The text is saved to localStorage on every change and
 * restored on reload.
 */
import { temporal } from 'zundo';
import { createStore } from 'zustand/vanilla';
import { EMPTY_SCENARIO, exampleById, SEED_EXAMPLE_ID } from './examples.ts';

export interface ScenarioState {
  readonly text: string;
  /** The example the scenario started from, or null for "New" and pasted scenarios. */
  readonly exampleId: string | null;
  /** Replaces the text; the caller has checked it with the core. */
  readonly setText: (text: string) => void;
  readonly loadExample: (id: string) => void;
  readonly newScenario: () => void;
  /** A scenario from a share link, a lesson or an imported file (checked by the caller); undoable. */
  readonly loadShared: (text: string) => void;
  /** Back to the example the scenario started from (the seed after "New"). */
  readonly resetToExample: () => void;
}

export const STORAGE_KEY = 'k8s-service-lab.scenario.v1';

/**
 * Whether changes are saved to storage. The embed view turns it off: a scenario opened in an
 * iframe must never overwrite the work the reader saved in the app itself.
 */
export const persistence = { enabled: true };

interface Saved {
  readonly text: string;
  readonly exampleId: string | null;
}

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

function browserStorage(): KeyValueStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage disabled (private mode, sandboxed iframe): the app still works
  }
}

function readSaved(storage: KeyValueStorage | null): Saved | null {
  const raw = storage?.getItem(STORAGE_KEY);
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as Partial<Saved>;
    return typeof v.text === 'string'
      ? { text: v.text, exampleId: typeof v.exampleId === 'string' ? v.exampleId : null }
      : null;
  } catch {
    return null;
  }
}

function seedText(): string {
  return exampleById(SEED_EXAMPLE_ID)?.text ?? EMPTY_SCENARIO;
}

export function createScenarioStore(storage: KeyValueStorage | null = browserStorage()) {
  const saved = readSaved(storage);
  const store = createStore<ScenarioState>()(
    temporal(
      (set, get) => ({
        text: saved?.text ?? seedText(),
        exampleId: saved ? saved.exampleId : SEED_EXAMPLE_ID,
        setText: (text) => {
          if (text !== get().text) set({ text });
        },
        loadExample: (id) => {
          const example = exampleById(id);
          if (example) set({ text: example.text, exampleId: id });
        },
        newScenario: () => set({ text: EMPTY_SCENARIO, exampleId: null }),
        loadShared: (text) => set({ text, exampleId: null }),
        resetToExample: () => {
          const id = get().exampleId ?? SEED_EXAMPLE_ID;
          set({ text: exampleById(id)?.text ?? seedText(), exampleId: id });
        },
      }),
      {
        partialize: (s) => ({ text: s.text, exampleId: s.exampleId }),
        equality: (a, b) => a.text === b.text && a.exampleId === b.exampleId,
        limit: 200,
      },
    ),
  );
  store.subscribe((s, prev) => {
    if (s.text === prev.text && s.exampleId === prev.exampleId) return;
    if (!persistence.enabled) return;
    try {
      storage?.setItem(STORAGE_KEY, JSON.stringify({ text: s.text, exampleId: s.exampleId }));
    } catch {
      // quota exceeded: keep working, the scenario just is not saved
    }
  });
  return store;
}

export type ScenarioStore = ReturnType<typeof createScenarioStore>;
