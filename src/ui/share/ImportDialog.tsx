/**
 * "Import YAML": a file or pasted text — documents separated by `---` or the `List` that
 * `kubectl get -o yaml` prints. Checked by the core first: rejected YAML changes nothing.
 */
import { useState } from 'react';
import { hasErrors } from '../../core/index.ts';
import { applied, scenarioStore } from '../../store/scenario.ts';
import { Dialog } from '../editor/Dialog.tsx';
import { useLinkNotice } from './open-link.ts';
import { t } from './strings.ts';

export function ImportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [text, setText] = useState('');
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<readonly string[]>([]);

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    setText(await file.text());
    setName(file.name);
    setErrors([]);
  };

  const submit = () => {
    const result = applied(text);
    const bad = result ? result.diagnostics.filter((d) => d.severity === 'error') : [];
    if (!result || hasErrors(result.diagnostics)) {
      setErrors(bad.map((d) => (d.line ? `line ${d.line}: ${d.message}` : d.message)));
      return;
    }
    scenarioStore.getState().loadShared(text);
    useLinkNotice.getState().show({ kind: 'ok', title: t.imported(name || 'YAML'), details: [] });
    setText('');
    setName('');
    setErrors([]);
    onClose();
  };

  return (
    <Dialog title={t.importTitle} open={open} onClose={onClose} testId="import-dialog">
      <form
        className="form import-form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <p>{t.importHelp}</p>
        <label className="import-file">
          <span>{t.chooseFile}</span>
          <input
            type="file"
            accept=".yaml,.yml,.json,application/yaml,text/yaml,application/json,text/plain"
            onChange={(e) => readFile(e.target.files?.[0])}
            data-testid="import-file"
          />
        </label>
        <textarea
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setErrors([]);
          }}
          rows={14}
          spellCheck={false}
          aria-label={t.importTitle}
          data-testid="import-text"
        />
        {errors.length > 0 && (
          <div role="alert" className="share-error" data-testid="import-errors">
            <p>{t.importRejected}</p>
            <ul>
              {errors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          </div>
        )}
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            {t.cancel}
          </button>
          <button type="submit" disabled={!text.trim()} data-testid="import-apply">
            {t.importApply}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
