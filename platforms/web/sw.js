// The service worker: keeps a copy of the whole app (page, scripts, WebAssembly, bundled data,
// icons) so Respite opens offline after the first visit. scripts/web/assemble-site.sh fills in
// the version (a hash of the files) and the file list; a new build therefore means a new cache,
// installed in the background and used from the next launch. The app never calls the network
// for anything else, so there is nothing else to cache or proxy.
'use strict';

const VERSION = '@RESPITE_CACHE_VERSION@';
const CACHE = 'respite-' + VERSION;
const FILES = [@RESPITE_PRECACHE@];

self.addEventListener('install', (event) => {
  // cache: 'reload' bypasses the HTTP cache so the files match this version exactly.
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(FILES.map((file) => new Request(file, { cache: 'reload' }))))
      .then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys
        .filter((key) => key.startsWith('respite-') && key !== CACHE)
        .map((key) => caches.delete(key))))
      .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  // Navigations (including start_url with a query) get the cached page.
  const lookup = request.mode === 'navigate' ? './' : request;
  event.respondWith(
    caches.open(CACHE)
      .then((cache) => cache.match(lookup, { ignoreSearch: request.mode === 'navigate' }))
      .then((cached) => cached || fetch(request)));
});
