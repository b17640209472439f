/** Export YAML, Import YAML, Export PNG / SVG: a small menu next to Share. */
import { lazy, Suspense, useState } from 'react';
import { scenarioStore } from '../../store/scenario.ts';
import { downloadYaml } from './download.ts';
import { useLinkNotice } from './open-link.ts';
import { t } from './strings.ts';

const ImportDialog = lazy(() =>
  import('./ImportDialog.tsx').then((m) => ({ default: m.ImportDialog })),
);

async function exportImage(format: 'png' | 'svg') {
  try {
    const { exportCanvas } = await import('./canvas-export.ts');
    await exportCanvas(format);
  } catch (e) {
    useLinkNotice.getState().show({
      kind: 'error',
      title: t.exportFailed,
      details: [e instanceof Error ? e.message : String(e)],
    });
  }
}

export function FileMenu() {
  const [importing, setImporting] = useState(false);
  const [open, setOpen] = useState(false);
  const pick = (f: () => void) => () => {
    setOpen(false);
    f();
  };
  return (
    <div className="file-menu">
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        data-testid="file-menu"
      >
        {t.more} ▾
      </button>
      {open && (
        <div role="menu" className="file-menu-list">
          <button
            type="button"
            role="menuitem"
            onClick={pick(() => downloadYaml('scenario.yaml', scenarioStore.getState().text))}
            data-testid="export-yaml"
          >
            {t.exportYaml}
          </button>
          <button
            type="button"
            role="menuitem"
            onClick={pick(() => setImporting(true))}
            data-testid="import-yaml"
          >
            {t.importYaml}
          </button>
          <button
            type="button"
            role="menuitem"
            onClick={pick(() => exportImage('png'))}
            data-testid="export-png"
          >
            {t.exportPng}
          </button>
          <button
            type="button"
            role="menuitem"
            onClick={pick(() => exportImage('svg'))}
            data-testid="export-svg"
          >
            {t.exportSvg}
          </button>
        </div>
      )}
      {importing && (
        <Suspense fallback={null}>
          <ImportDialog open={importing} onClose={() => setImporting(false)} />
        </Suspense>
      )}
    </div>
  );
}
