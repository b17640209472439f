/** An honest placeholder: the core API this view needs has not been published yet. */
export function Waiting({ what }: { what: string }) {
  return (
    <p className="waiting" data-testid="waiting">
      Waiting for {what} in <code>src/core/index.ts</code>.
    </p>
  );
}
