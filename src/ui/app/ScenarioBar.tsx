import { exampleTitle, useLanguage, useT } from '../../i18n/index.ts';
import { EXAMPLES } from '../../store/examples.ts';
import { scenarioStore, useScenario, useTemporal } from '../../store/scenario.ts';

/** Examples, New, Reset, Undo and Redo: the scenario's own controls. */
export function ScenarioBar() {
  const t = useT();
  const lng = useLanguage();
  const exampleId = useScenario((s) => s.exampleId);
  const canUndo = useTemporal((s) => s.pastStates.length > 0);
  const canRedo = useTemporal((s) => s.futureStates.length > 0);
  const { undo, redo } = scenarioStore.temporal.getState();
  const s = scenarioStore.getState();
  return (
    <nav className="scenario-bar" aria-label={t('scenario.nav')}>
      <label className="field-inline">
        <span>{t('scenario.example')}</span>
        <select
          data-testid="examples"
          value={exampleId ?? ''}
          onChange={(e) => e.target.value && s.loadExample(e.target.value)}
        >
          {exampleId === null && <option value="">{t('scenario.yours')}</option>}
          {EXAMPLES.map((ex) => (
            <option key={ex.id} value={ex.id}>
              {exampleTitle(ex.id, ex.title, lng)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={() => s.newScenario()} data-testid="new">
        {t('scenario.new')}
      </button>
      <button type="button" onClick={() => s.resetToExample()} data-testid="reset">
        {t('scenario.reset')}
      </button>
      <button
        type="button"
        onClick={() => undo()}
        disabled={!canUndo}
        aria-keyshortcuts="Control+Z"
        data-testid="undo"
      >
        {t('scenario.undo')}
      </button>
      <button
        type="button"
        onClick={() => redo()}
        disabled={!canRedo}
        aria-keyshortcuts="Control+Shift+Z"
        data-testid="redo"
      >
        {t('scenario.redo')}
      </button>
    </nav>
  );
}
