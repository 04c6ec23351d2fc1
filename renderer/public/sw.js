// Sajaro's service worker: keeps the app shell on this computer, so an act opened once can be reopened and
// edited with no connection at all (the text itself is kept in IndexedDB by y-indexeddb). API and sync
// traffic always goes to the network.
const CACHE = 'sajaro-shell-v1';
/** How long a page load waits for the network before the cached shell is used. */
const NAVIGATION_WAIT_MS = 4000;

/** The shell: the page and the hashed assets it references, read from the page itself. */
async function cacheShell() {
  const cache = await caches.open(CACHE);
  const response = await fetch('/', { cache: 'no-store' });
  if (!response.ok) return;
  const html = await response.clone().text();
  await cache.put('/', response);
  const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
  await cache.addAll(assets);
}

self.addEventListener('install', (event) => {
  self.skipWaiting();
  event.waitUntil(cacheShell().catch(() => undefined));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/sync/')) return;
  if (request.mode === 'navigate') {
    // Network first, so an updated app is used as soon as the server is reachable; the cached shell otherwise.
    // A dead link never fails the fetch, it just never answers: after a few seconds use the cached shell, so a
    // reload on a dead line opens the act from this computer (issue 14, part 3). The fetch still refreshes
    // the cache when it does answer.
    const network = fetch(request).then((response) => {
      if (response.ok) void caches.open(CACHE).then((cache) => cache.put('/', response.clone()));
      return response;
    });
    const cachedShell = () => caches.match('/').then((cached) => cached ?? network);
    const late = new Promise((resolve) => setTimeout(resolve, NAVIGATION_WAIT_MS)).then(cachedShell);
    event.respondWith(Promise.race([network, late]).catch(() => caches.match('/').then((cached) => cached ?? Response.error())));
    return;
  }
  if (url.pathname.startsWith('/assets/')) {
    // Hashed file names never change content: cache first.
    event.respondWith(
      caches.match(request).then(
        (cached) =>
          cached ??
          fetch(request).then((response) => {
            if (response.ok) void caches.open(CACHE).then((cache) => cache.put(request, response.clone()));
            return response;
          }),
      ),
    );
  }
});
