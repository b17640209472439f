import { Trans } from 'react-i18next';

/** An honest placeholder: the core API this view needs has not been published yet. */
export function Waiting({ what }: { what: string }) {
  return (
    <p className="waiting" data-testid="waiting">
      <Trans i18nKey="app.waiting" values={{ what }} components={{ code: <code /> }} />
    </p>
  );
}
