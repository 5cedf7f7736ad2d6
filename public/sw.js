// Parcours service worker: keeps the app itself available offline. The boards are kept by the
// page in IndexedDB; this only caches the application shell (index.html and every hashed asset of the build).
const CACHE = 'parcours-shell-v1';

/** The files of the build (asset-manifest.json, written by Vite), the parts fetched on first use included. */
async function builtFiles() {
  try {
    const response = await fetch('/asset-manifest.json', { cache: 'no-store' });
    if (!response.ok) return [];
    const manifest = await response.json();
    return Object.values(manifest).flatMap((entry) =>
      [entry.file, ...(entry.css ?? []), ...(entry.assets ?? [])].map((file) => `/${file}`),
    );
  } catch {
    return [];
  }
}

async function cacheShell() {
  const cache = await caches.open(CACHE);
  const response = await fetch('/index.html', { cache: 'no-store' });
  if (!response.ok) return;
  const html = await response.clone().text();
  await cache.put('/index.html', response);
  // The page downloads dialogs, panels and the board itself only when they are opened: cache
  // them all now, so that they open offline too.
  const assets = new Set([...(html.match(/\/assets\/[^"'()\s]+/g) ?? []), ...(await builtFiles())]);
  await Promise.all([...assets].map((url) => cache.add(url).catch(() => undefined)));
}

self.addEventListener('install', (event) => {
  event.waitUntil(cacheShell().then(() => self.skipWaiting()));
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
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // Pages: the network first (fresh app), the cached shell when offline.
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) caches.open(CACHE).then((c) => c.put('/index.html', response.clone()));
          return response;
        })
        .catch(() => caches.match('/index.html').then((cached) => cached ?? Response.error())),
    );
    return;
  }
  if (url.pathname.startsWith('/assets/')) {
    // Hashed assets never change: the cache first, filled on the way.
    event.respondWith(
      caches.match(request).then(
        (cached) =>
          cached ??
          fetch(request).then((response) => {
            if (response.ok) {
              const copy = response.clone();
              caches.open(CACHE).then((c) => c.put(request, copy));
            }
            return response;
          }),
      ),
    );
  }
});
