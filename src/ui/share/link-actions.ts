/**
 * The share-link codec's two uses in the app, loaded on demand: making a link (on the Share
 * click — encoding a big cluster takes seconds) and opening one.
 */
import {
  decodeShareFragment,
  type EncodedShareLink,
  encodeShareLink,
  hasErrors,
} from '../../core/index.ts';
import { applied, scenarioStore } from '../../store/scenario.ts';
import { appBase } from './base.ts';
import { useLinkNotice } from './open-link.ts';
import { applyView, currentView } from './share-state.ts';
import { t } from './strings.ts';

export function makeShareLink(): EncodedShareLink {
  return encodeShareLink(
    { scenario: scenarioStore.getState().text, view: currentView() },
    { base: appBase() },
  );
}

/**
 * Opening a `#v1.…` fragment: the link's scenario replaces the current one (as an undoable
 * change) only when it decodes AND the core accepts it; otherwise the user's saved work stays and
 * the notice says what went wrong, in the core's words.
 */
/** Opens a share link's fragment; returns whether the scenario was loaded. */
export function openShareFragment(hash: string): boolean {
  const show = useLinkNotice.getState().show;
  const decoded = decodeShareFragment(hash);
  if (!decoded.ok) {
    show({
      kind: 'error',
      title: t.linkBroken,
      details: decoded.diagnostics.map((d) => d.message),
    });
    return false;
  }
  const result = applied(decoded.state.scenario);
  if (!result || hasErrors(result.diagnostics)) {
    show({
      kind: 'error',
      title: t.linkRejected,
      details: (result?.diagnostics ?? [])
        .filter((d) => d.severity === 'error')
        .map((d) => d.message),
    });
    return false;
  }
  scenarioStore.getState().loadShared(decoded.state.scenario);
  applyView(decoded.state.view);
  show({ kind: 'ok', title: t.linkOpened, details: [] });
  return true;
}
