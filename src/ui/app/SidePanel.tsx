import { type KeyboardEvent, lazy, type PointerEvent, Suspense, useRef } from 'react';
import { useT } from '../../i18n/index.ts';
import { TABS, type Tab, useUi } from '../../store/ui-store.ts';
import { RulesPanel } from '../rules/RulesPanel.tsx';

// The first screen shows the Rules tab; the other tabs (and the core code only they use: dig,
// the packet walk, kubectl's printers) load when first opened.
const DnsPanel = lazy(() => import('../dns/DnsPanel.tsx').then((m) => ({ default: m.DnsPanel })));
const YamlPanel = lazy(() =>
  import('../editor/YamlPanel.tsx').then((m) => ({ default: m.YamlPanel })),
);
const KubectlPanel = lazy(() =>
  import('../kubectl/KubectlPanel.tsx').then((m) => ({ default: m.KubectlPanel })),
);
const TracePanel = lazy(() =>
  import('../trace/TracePanel.tsx').then((m) => ({ default: m.TracePanel })),
);

const MIN_WIDTH = 360;

function Panel({ tab }: { tab: Tab }) {
  return (
    <Suspense fallback={<p className="waiting">…</p>}>
      <TabPanel tab={tab} />
    </Suspense>
  );
}

function TabPanel({ tab }: { tab: Tab }) {
  switch (tab) {
    case 'Rules':
      return <RulesPanel />;
    case 'DNS':
      return <DnsPanel />;
    case 'Trace':
      return <TracePanel />;
    case 'kubectl':
      return <KubectlPanel />;
    case 'YAML':
      return <YamlPanel />;
  }
}

/** Tabbed panels, resizable by dragging (or arrow keys on) the splitter. */
export function SidePanel() {
  const t = useT();
  const tab = useUi((s) => s.tab);
  const width = useUi((s) => s.sidePanelWidth);
  const set = useUi((s) => s.set);
  const ref = useRef<HTMLElement>(null);

  const clamp = (w: number) => Math.max(MIN_WIDTH, Math.min(window.innerWidth - 320, w));
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    const startX = e.clientX;
    const startW = ref.current?.getBoundingClientRect().width ?? 600;
    const move = (m: globalThis.PointerEvent) =>
      set({ sidePanelWidth: clamp(startW + startX - m.clientX) });
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const w = ref.current?.getBoundingClientRect().width ?? 600;
    if (e.key === 'ArrowLeft') set({ sidePanelWidth: clamp(w + 40) });
    else if (e.key === 'ArrowRight') set({ sidePanelWidth: clamp(w - 40) });
  };

  // The WAI-ARIA tabs pattern: one tab stop for the tab list, arrows (and Home/End) move and
  // activate, so Tab goes straight from the tabs into the panel.
  const onTabKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = TABS.indexOf(tab);
    const next =
      e.key === 'ArrowRight'
        ? TABS[(i + 1) % TABS.length]
        : e.key === 'ArrowLeft'
          ? TABS[(i - 1 + TABS.length) % TABS.length]
          : e.key === 'Home'
            ? TABS[0]
            : e.key === 'End'
              ? TABS[TABS.length - 1]
              : undefined;
    if (!next) return;
    e.preventDefault();
    set({ tab: next });
    document.getElementById(`tab-${next}`)?.focus();
  };

  return (
    <>
      {/* biome-ignore lint/a11y/useSemanticElements: a focusable splitter needs role=separator on a div */}
      <div
        className="splitter"
        role="separator"
        aria-orientation="vertical"
        aria-label={t('panels.resize')}
        aria-valuenow={Math.round(width)}
        tabIndex={0}
        onPointerDown={onPointerDown}
        onKeyDown={onKey}
      />
      <aside
        ref={ref}
        className="side-panel"
        aria-label={t('panels.label')}
        data-testid="side-panel"
        style={width > 0 ? { width } : undefined}
      >
        <div role="tablist" className="tabs" aria-label={t('panels.views')} onKeyDown={onTabKey}>
          {TABS.map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              id={`tab-${name}`}
              aria-selected={name === tab}
              tabIndex={name === tab ? 0 : -1}
              aria-controls="tab-panel"
              className={name === tab ? 'tab tab-active' : 'tab'}
              onClick={() => set({ tab: name })}
              data-testid={`tab-${name}`}
            >
              {t(`panels.tab.${name}`)}
            </button>
          ))}
        </div>
        <div
          role="tabpanel"
          id="tab-panel"
          className="tab-panel"
          aria-labelledby={`tab-${tab}`}
          data-testid={`panel-${tab}`}
        >
          <Panel tab={tab} />
        </div>
      </aside>
    </>
  );
}
