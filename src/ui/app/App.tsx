import { TopologyCanvas } from '../topology/TopologyCanvas.tsx';
import { SidePanel } from './SidePanel.tsx';

/** The first screen: the topology canvas on the left, the tabbed side panel on the right. */
export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <h1 className="app-title">
          <span aria-hidden="true" className="app-logo" />
          k8s-service-lab
        </h1>
        <p className="app-tagline">
          Kubernetes Services as kube-proxy, CoreDNS and kubectl see them
        </p>
      </header>
      <main className="app-main">
        <section className="app-canvas" aria-label="Cluster topology" data-testid="topology">
          <TopologyCanvas />
        </section>
        <SidePanel />
      </main>
    </div>
  );
}
