import { lazy, Suspense, use, useEffect } from 'react';
import { i18nReady, useT } from '../../i18n/index.ts';
import { scenarioStore } from '../../store/scenario.ts';
import { EditBar } from '../editor/EditBar.tsx';
import { LessonHost } from '../lessons/LessonsButton.tsx';
import { useMode } from '../present/mode.ts';
import { Presenter } from '../present/Presenter.tsx';
import { TeachBar } from '../present/TeachBar.tsx';
import { Notice } from '../share/Notice.tsx';
import { TopologyCanvas } from '../topology/TopologyCanvas.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { ScenarioBar } from './ScenarioBar.tsx';
import { SidePanel } from './SidePanel.tsx';

/** Embed mode (`?embed`) is its own small app, loaded only there. */
const EmbedApp = lazy(() =>
  import('../present/EmbedApp.tsx').then((m) => ({ default: m.EmbedApp })),
);

/** Ctrl/Cmd+Z and Ctrl/Cmd+Shift+Z (or Ctrl+Y), except while typing in a field. */
function useUndoKeys() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (t && (t.tagName === 'TEXTAREA' || t.tagName === 'INPUT' || t.isContentEditable)) return;
      if (!(e.ctrlKey || e.metaKey)) return;
      const k = e.key.toLowerCase();
      const { undo, redo } = scenarioStore.temporal.getState();
      if (k === 'z' && !e.shiftKey) undo();
      else if ((k === 'z' && e.shiftKey) || k === 'y') redo();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** The first screen: the topology canvas on the left, the tabbed side panel on the right. */
export function App() {
  // Rendered once the starting language's strings are loaded (Chinese is fetched on demand).
  return (
    <Suspense fallback={null}>
      <Shell />
    </Suspense>
  );
}

function Shell() {
  use(i18nReady);
  useUndoKeys();
  const t = useT();
  const mode = useMode((s) => s.mode);
  if (mode === 'embed') return <EmbedApp />;
  return (
    <div className={mode === 'present' ? 'app presenting' : 'app'}>
      <header className="app-header">
        <h1 className="app-title">
          <span aria-hidden="true" className="app-logo" />
          k8s-service-lab
        </h1>
        <ScenarioBar />
        <TeachBar />
        <LanguageSwitch />
      </header>
      <Notice />
      <main className="app-main">
        <section className="app-canvas" aria-label={t('app.topology')} data-testid="topology">
          <EditBar />
          <div className="app-canvas-flow">
            <TopologyCanvas />
          </div>
        </section>
        <SidePanel />
      </main>
      <LessonHost />
      {mode === 'present' && <Presenter />}
    </div>
  );
}
