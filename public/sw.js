/*
 * The offline service worker: precaches the built site on install, then serves it from the cache
 * (pages network-first, so a new deploy is picked up online; hashed assets cache-first). Every path
 * is relative to the worker's own location, so the site works under any sub-path.
 *
 * The build replaces the PRECACHE line with the site's files and a version (see
 * scripts/vite-precache.ts); a new version installs a new cache and drops the old one.
 */
const PRECACHE = /* precache */ { version: 'dev', files: [] };
const CACHE = `svclab-${PRECACHE.version}`;
const INDEX = new URL('./', self.location).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE.files.map((f) => new URL(f, self.location).href)))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((k) => k.startsWith('svclab-') && k !== CACHE).map((k) => caches.delete(k)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(self.location.origin)) return;
  if (request.mode === 'navigate') {
    // The page: the network when online (a fresh deploy), else the cached index.html.
    event.respondWith(
      fetch(request)
        .then((response) => {
          const copy = response.clone();
          if (response.ok) caches.open(CACHE).then((c) => c.put(INDEX, copy));
          return response;
        })
        .catch(() => caches.match(INDEX, { ignoreSearch: true })),
    );
    return;
  }
  event.respondWith(
    caches.match(request, { ignoreSearch: true }).then(
      (hit) =>
        hit ||
        fetch(request).then((response) => {
          if (response.ok && response.type === 'basic') {
            const copy = response.clone();
            caches.open(CACHE).then((c) => c.put(request, copy));
          }
          return response;
        }),
    ),
  );
});
