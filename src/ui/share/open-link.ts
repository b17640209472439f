/**
 * Opening the app with a `#v1.…` fragment: the link's scenario replaces the current one (as an
 * undoable change) only when it decodes AND the core accepts it; otherwise the user's saved work
 * stays and the notice says what went wrong, in the core's words.
 */
import { create } from 'zustand';

export interface LinkNotice {
  readonly kind: 'ok' | 'error';
  readonly title: string;
  readonly details: readonly string[];
}

export const useLinkNotice = create<{
  readonly notice: LinkNotice | null;
  readonly show: (n: LinkNotice | null) => void;
}>()((set) => ({ notice: null, show: (notice) => set({ notice }) }));

/** Whether the fragment is meant as a share link (anything else, e.g. `#top`, is left alone). */
export function isShareFragment(hash: string): boolean {
  return /^#?v\d/.test(hash);
}

/** The fragment the page was opened with (kept for embed's "open in the app" link). */
export let openedFragment = '';

/**
 * Reads `location.hash` once at start-up and then removes it, so that a reload shows the user's
 * (saved) edits rather than opening the link again over them.
 */
export async function openFromLocation(): Promise<void> {
  if (typeof window === 'undefined') return;
  const hash = window.location.hash;
  if (!isShareFragment(hash)) return;
  openedFragment = hash.replace(/^#/, '');
  // The link codec loads only when there is a link to open (it is not needed to start).
  const { openShareFragment } = await import('./link-actions.ts');
  openShareFragment(hash);
  const { pathname, search } = window.location;
  window.history.replaceState(null, '', `${pathname}${search}`);
}

/** A link pasted into the address bar of an open app changes only the fragment: open it too. */
export function watchLocation(): () => void {
  const onHash = () => void openFromLocation();
  window.addEventListener('hashchange', onHash);
  return () => window.removeEventListener('hashchange', onHash);
}
