/**
 * Presentation mode's overlay: a large soft circle that follows the pointer (so the room sees
 * what the speaker points at), the key handling for clickers, and a way out.
 */
import { useEffect, useState } from 'react';
import { useMode } from './mode.ts';
import { step, stepDirection } from './step-keys.ts';
import { t } from './strings.ts';

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return (
    !!el &&
    (el.tagName === 'TEXTAREA' ||
      el.tagName === 'INPUT' ||
      el.tagName === 'SELECT' ||
      el.isContentEditable)
  );
}

/**
 * Fits the graph to the canvas after a layout change (no header, or no side panel), through the
 * canvas's own "fit view" control, so the graph is as large as the room can have it.
 */
function refit() {
  requestAnimationFrame(() =>
    document.querySelector<HTMLButtonElement>('.react-flow__controls-fitview')?.click(),
  );
}

export function Presenter() {
  const setMode = useMode((s) => s.setMode);
  const [pointer, setPointer] = useState<{ x: number; y: number } | null>(null);
  const [canvasOnly, setCanvasOnly] = useState(false);

  useEffect(() => {
    document.body.classList.toggle('present-canvas-only', canvasOnly);
    refit();
    return () => document.body.classList.remove('present-canvas-only');
  }, [canvasOnly]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === 'Escape') {
        setMode('app');
        return;
      }
      if (e.key === 'c' || e.key === 'C') {
        setCanvasOnly((on) => !on);
        return;
      }
      const d = stepDirection(e.key);
      if (d === 0) return;
      e.preventDefault();
      void step(d);
    };
    const onMove = (e: PointerEvent) => setPointer({ x: e.clientX, y: e.clientY });
    const onLeave = () => setPointer(null);
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointermove', onMove);
    document.addEventListener('pointerleave', onLeave);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointermove', onMove);
      document.removeEventListener('pointerleave', onLeave);
    };
  }, [setMode]);

  return (
    <>
      {pointer && (
        <div
          className="pointer-spot"
          aria-hidden="true"
          data-testid="pointer-spot"
          style={{ transform: `translate(${pointer.x}px, ${pointer.y}px)` }}
        />
      )}
      <div className="present-bar">
        <span className="present-hint">{t.keysHint}</span>
        <button
          type="button"
          aria-pressed={canvasOnly}
          onClick={() => setCanvasOnly(!canvasOnly)}
          data-testid="present-canvas-only"
        >
          {t.canvasOnly}
        </button>
        <button type="button" onClick={() => setMode('app')} data-testid="present-exit">
          {t.exit}
        </button>
      </div>
    </>
  );
}

export function PresentButton() {
  const setMode = useMode((s) => s.setMode);
  return (
    <button
      type="button"
      onClick={() => setMode('present')}
      title={t.presentTitle}
      data-testid="present"
    >
      {t.present}
    </button>
  );
}
