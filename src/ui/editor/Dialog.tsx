import { type ReactNode, useEffect, useRef } from 'react';
import { useT } from '../../i18n/index.ts';

/** A modal <dialog>: focus moves in, Escape closes, the page behind is inert. */
export function Dialog({
  title,
  open,
  onClose,
  children,
  testId,
}: {
  title: string;
  open: boolean;
  onClose: () => void;
  children: ReactNode;
  testId: string;
}) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={ref} className="dialog" aria-label={title} onClose={onClose} data-testid={testId}>
      <header className="dialog-head">
        <h2>{title}</h2>
        <button type="button" onClick={onClose} aria-label={t('form.close')}>
          ✕
        </button>
      </header>
      {open && children}
    </dialog>
  );
}
