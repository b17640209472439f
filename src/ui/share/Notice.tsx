/** The banner under the header: a link opened, a link that could not be, an import. */
import { useLinkNotice } from './open-link.ts';
import { t } from './strings.ts';

export function Notice() {
  const notice = useLinkNotice((s) => s.notice);
  const show = useLinkNotice((s) => s.show);
  if (!notice) return null;
  return (
    <div
      className={`app-notice app-notice-${notice.kind}`}
      role={notice.kind === 'error' ? 'alert' : 'status'}
      data-testid="app-notice"
      data-kind={notice.kind}
    >
      <div>
        <strong>{notice.title}</strong>
        {notice.details.length > 0 && (
          <ul>
            {notice.details.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        )}
      </div>
      <button type="button" onClick={() => show(null)} data-testid="notice-dismiss">
        {t.dismiss}
      </button>
    </div>
  );
}
