/**
 * The app's scenario store instance and the hooks the panels use. An edit is checked by the
 * core before it is stored: if `applyScenario` reports an error, the scenario is unchanged and
 * the caller gets the API server's messages to show next to its fields.
 */
import { useStore } from 'zustand';
import { type Diagnostic, hasErrors } from '../core/index.ts';
import { type Applied, applyScenarioApi } from './core-api.ts';
import { memoRecent } from './memo.ts';
import { createScenarioStore, type ScenarioState } from './scenario-store.ts';

export const scenarioStore = createScenarioStore();

export function useScenario<T>(selector: (s: ScenarioState) => T): T {
  return useStore(scenarioStore, selector);
}

export function useTemporal<T>(
  selector: (s: ReturnType<typeof scenarioStore.temporal.getState>) => T,
): T {
  return useStore(scenarioStore.temporal, selector);
}

/**
 * The cluster for a text, once per text (the last three texts are kept: current, previous and a
 * candidate edit). Null while the model has not published applyScenario.
 */
export const applied = memoRecent((text: string): Applied | null => {
  const apply = applyScenarioApi();
  return apply ? apply(text) : null;
}, 3);

export function useApplied(): Applied | null {
  return applied(useScenario((s) => s.text));
}

/**
 * The text before the last change (an edit, undo, redo or load), so the Rules tab can mark the
 * lines that appeared and vanished.
 */
let before: string | null = null;
let current = scenarioStore.getState().text;
scenarioStore.subscribe((s) => {
  if (s.text === current) return;
  before = current;
  current = s.text;
});
export function previousText(): string | null {
  return before;
}

export interface EditOutcome {
  readonly ok: boolean;
  readonly diagnostics: readonly Diagnostic[];
}

/** Stores `next` if the core accepts it; otherwise changes nothing and returns the errors. */
export function commitText(next: string): EditOutcome {
  const apply = applyScenarioApi();
  if (!apply) return { ok: false, diagnostics: [waitingDiagnostic] };
  const result = applied(next);
  const diagnostics = result?.diagnostics ?? [];
  if (hasErrors(diagnostics)) return { ok: false, diagnostics };
  scenarioStore.getState().setText(next);
  return { ok: true, diagnostics };
}

const waitingDiagnostic: Diagnostic = {
  code: 'UI-WAITING',
  severity: 'error',
  message: 'waiting for the model to publish applyScenario in src/core/index.ts',
};
