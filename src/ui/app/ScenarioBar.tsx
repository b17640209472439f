import { EXAMPLES } from '../../store/examples.ts';
import { scenarioStore, useScenario, useTemporal } from '../../store/scenario.ts';

/** Examples, New, Reset, Undo and Redo: the scenario's own controls. */
export function ScenarioBar() {
  const exampleId = useScenario((s) => s.exampleId);
  const canUndo = useTemporal((s) => s.pastStates.length > 0);
  const canRedo = useTemporal((s) => s.futureStates.length > 0);
  const { undo, redo } = scenarioStore.temporal.getState();
  const s = scenarioStore.getState();
  return (
    <nav className="scenario-bar" aria-label="Scenario">
      <label className="field-inline">
        <span>Example</span>
        <select
          data-testid="examples"
          value={exampleId ?? ''}
          onChange={(e) => e.target.value && s.loadExample(e.target.value)}
        >
          {exampleId === null && <option value="">(your scenario)</option>}
          {EXAMPLES.map((ex) => (
            <option key={ex.id} value={ex.id}>
              {ex.title}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={() => s.newScenario()} data-testid="new">
        New
      </button>
      <button type="button" onClick={() => s.resetToExample()} data-testid="reset">
        Reset to example
      </button>
      <button
        type="button"
        onClick={() => undo()}
        disabled={!canUndo}
        aria-keyshortcuts="Control+Z"
        data-testid="undo"
      >
        Undo
      </button>
      <button
        type="button"
        onClick={() => redo()}
        disabled={!canRedo}
        aria-keyshortcuts="Control+Shift+Z"
        data-testid="redo"
      >
        Redo
      </button>
    </nav>
  );
}
