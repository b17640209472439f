import { useState } from 'react';

const TABS = ['Rules', 'DNS', 'Trace', 'kubectl', 'YAML'] as const;
type Tab = (typeof TABS)[number];

/** Tabbed panels; each feature folder fills its own tab. */
export function SidePanel() {
  const [tab, setTab] = useState<Tab>('Rules');
  return (
    <aside className="side-panel" aria-label="Panels" data-testid="side-panel">
      <div role="tablist" className="tabs">
        {TABS.map((t) => (
          <button
            key={t}
            type="button"
            role="tab"
            aria-selected={t === tab}
            className={t === tab ? 'tab tab-active' : 'tab'}
            onClick={() => setTab(t)}
          >
            {t}
          </button>
        ))}
      </div>
      <div role="tabpanel" className="tab-panel" aria-label={tab}>
        <p className="coming">The {tab} view is coming.</p>
      </div>
    </aside>
  );
}
