/**
 * `?embed`: the canvas and one panel, nothing to edit, for an iframe in slides or a blog post.
 * "Open in the app" opens the full app on the same state, as a share link.
 */
import { useEffect, useRef } from 'react';
import type { EncodedShareLink } from '../../core/index.ts';
import { useUi } from '../../store/ui-store.ts';
import { DnsPanel } from '../dns/DnsPanel.tsx';
import { KubectlPanel } from '../kubectl/KubectlPanel.tsx';
import { RulesPanel } from '../rules/RulesPanel.tsx';
import { appBase } from '../share/base.ts';
import { openedFragment } from '../share/open-link.ts';
import { TopologyCanvas } from '../topology/TopologyCanvas.tsx';
import { TracePanel } from '../trace/TracePanel.tsx';
import { t } from './strings.ts';

function OnePanel() {
  const tab = useUi((s) => s.tab);
  switch (tab) {
    case 'DNS':
      return <DnsPanel />;
    case 'Trace':
      return <TracePanel />;
    case 'kubectl':
      return <KubectlPanel />;
    default:
      return <RulesPanel />; // the YAML editor is for editing: an embed shows the rules instead
  }
}

export function EmbedApp() {
  const tab = useUi((s) => s.tab);
  const href = openedFragment ? `${appBase()}#${openedFragment}` : appBase();
  const make = useRef<(() => EncodedShareLink) | null>(null);
  useEffect(() => {
    void import('../share/link-actions.ts').then((m) => {
      make.current = m.makeShareLink;
    });
  }, []);
  return (
    <section className="app embed" aria-label={t.embedLabel}>
      <main className="app-main">
        <section className="app-canvas" aria-label="Cluster topology" data-testid="topology">
          <div className="app-canvas-flow">
            <TopologyCanvas />
          </div>
        </section>
        <aside className="side-panel" data-testid={`panel-${tab === 'YAML' ? 'Rules' : tab}`}>
          <div className="tab-panel">
            <OnePanel />
          </div>
        </aside>
      </main>
      <a
        className="embed-open"
        href={href}
        target="_blank"
        rel="noopener"
        data-testid="embed-open"
        onClick={(e) => {
          // The reader may have changed the view (a DNS query, a trace step): share what they see.
          const link = make.current?.();
          if (link?.ok) e.currentTarget.href = link.url;
        }}
      >
        {t.openInApp}
      </a>
    </section>
  );
}
