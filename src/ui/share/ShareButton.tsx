/**
 * "Share": makes the link on click (encoding a big cluster takes seconds, so never on every
 * edit), copies it, and says how long it is — with a warning above 2,048 characters and a file
 * download instead above 8,000.
 */
import { useEffect, useRef, useState } from 'react';
import type { EncodedShareLink } from '../../core/index.ts';
import { scenarioStore } from '../../store/scenario.ts';
import { downloadYaml } from './download.ts';
import { t } from './strings.ts';

async function copy(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false; // not allowed (insecure origin, permissions): the user copies by hand
  }
}

type Status =
  | { kind: 'idle' }
  | { kind: 'making' }
  | { kind: 'done'; link: EncodedShareLink; copied: boolean };

export function ShareButton() {
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const field = useRef<HTMLInputElement>(null);

  const share = () => {
    setStatus({ kind: 'making' });
    // Let "Making the link…" paint before the (possibly long) encode.
    setTimeout(async () => {
      const { makeShareLink } = await import('./link-actions.ts');
      const link = makeShareLink();
      const copied = link.ok && link.sizeClass !== 'download' ? await copy(link.url) : false;
      setStatus({ kind: 'done', link, copied });
    }, 16);
  };

  useEffect(() => {
    if (status.kind === 'done' && !status.copied) field.current?.select();
  }, [status]);

  const close = () => setStatus({ kind: 'idle' });
  return (
    <div className="share">
      <button
        type="button"
        onClick={share}
        title={t.shareTitle}
        data-testid="share"
        disabled={status.kind === 'making'}
      >
        {t.share}
      </button>
      {status.kind !== 'idle' && (
        <section
          className="share-pop"
          aria-label={t.linkLabel}
          data-testid="share-pop"
          onKeyDown={(e) => e.key === 'Escape' && close()}
        >
          {status.kind === 'making' && <p>{t.making}</p>}
          {status.kind === 'done' && <ShareResult {...status} field={field} />}
          <button type="button" className="share-close" onClick={close} data-testid="share-close">
            {t.close}
          </button>
        </section>
      )}
    </div>
  );
}

function ShareResult({
  link,
  copied,
  field,
}: {
  link: EncodedShareLink;
  copied: boolean;
  field: React.RefObject<HTMLInputElement | null>;
}) {
  if (!link.ok)
    return (
      <div role="alert" className="share-error">
        <p>{t.cannotShare}</p>
        <ul>
          {link.diagnostics.map((d) => (
            <li key={`${d.code}${d.message}`}>{d.message}</li>
          ))}
        </ul>
      </div>
    );
  return (
    <>
      <label className="share-field">
        <span>{t.linkLabel}</span>
        <input
          ref={field}
          readOnly
          value={link.url}
          onFocus={(e) => e.target.select()}
          data-testid="share-url"
        />
      </label>
      <p className="share-length" data-testid="share-length" data-size={link.sizeClass}>
        {t.length(link.length)}
      </p>
      {link.sizeClass === 'ok' || link.sizeClass === 'warn' ? (
        <p data-testid="share-copied" role="status">
          {copied ? t.copied : t.copyByHand}
        </p>
      ) : null}
      {link.sizeClass === 'warn' && (
        <p className="share-warn" data-testid="share-warn">
          {t.warnLong}
        </p>
      )}
      {link.sizeClass === 'download' && (
        <div className="share-warn" data-testid="share-too-long">
          <p>{t.tooLong}</p>
          <button
            type="button"
            onClick={() => downloadYaml('scenario.yaml', scenarioStore.getState().text)}
            data-testid="share-download"
          >
            {t.download}
          </button>
        </div>
      )}
    </>
  );
}
