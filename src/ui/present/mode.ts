/**
 * How the page was opened: the full app, presentation mode (`?present`, or the Present button)
 * or the read-only embed (`?embed`, for an iframe in slides or a blog post).
 */
import { create } from 'zustand';

export type AppMode = 'app' | 'present' | 'embed';

export function modeFromSearch(search: string): AppMode {
  const q = new URLSearchParams(search);
  if (q.has('embed')) return 'embed';
  if (q.has('present')) return 'present';
  return 'app';
}

export const useMode = create<{ readonly mode: AppMode; readonly setMode: (m: AppMode) => void }>()(
  (set) => ({
    mode: typeof window === 'undefined' ? 'app' : modeFromSearch(window.location.search),
    setMode: (mode) => set({ mode }),
  }),
);
