/** Registers the offline service worker (public/sw.js) in production builds. */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || typeof navigator === 'undefined' || !('serviceWorker' in navigator))
    return;
  window.addEventListener('load', () => {
    // Relative: the site may live under any sub-path.
    navigator.serviceWorker.register('./sw.js', { scope: './' }).catch(() => {
      // Offline support is a bonus: the app works without it (file://, private modes).
    });
  });
}
