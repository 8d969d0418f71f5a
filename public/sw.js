// The service worker: keeps this build's files in Cache Storage, so that after one
// visit the app opens with the network off, and serves them from there.
//  - install: fetches every file of this build (the list below, each checked
//    against its sha256, so the cache is exactly this build or nothing) into a
//    cache named after this scope and version. It never calls skipWaiting by
//    itself: a new version waits until the page asks (the user chose "Reload to
//    update", src/ui/update_banner.rs).
//  - activate: deletes this scope's older caches; takes control of open pages.
//  - fetch: same-origin GETs from this version's cache, anything else from the
//    network. The page at the scope's address ("./") is index.html.
// Relative to this script, so it works under any sub-path.
'use strict';

// Written by scripts/precache.mjs when dist/ is built (a Trunk post_build hook):
// this build's version (a hash of every file's content) and its files with their
// sha256. Never edit by hand.
const BUILD = { "version": "unbuilt", "files": [] };

const SCOPE = self.registration.scope;
const PREFIX = `activity-register ${SCOPE} `;
const CACHE = PREFIX + BUILD.version;
const INDEX = new URL('index.html', self.location).href;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(BUILD.files.map(([path, sha256]) =>
    new Request(new URL(path, self.location), { cache: 'no-cache', integrity: `sha256-${sha256}` })))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((n) => n.startsWith(PREFIX) && n !== CACHE).map((n) => caches.delete(n))))
    .then(() => self.clients.claim()));
});

// Only a page's "Reload to update" sends this.
self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const navigate = request.mode === 'navigate';
  const key = navigate && url.origin + url.pathname === SCOPE ? INDEX : request;
  event.respondWith(caches.open(CACHE)
    .then((cache) => cache.match(key, { ignoreSearch: navigate }))
    .then((hit) => hit || fetch(request)));
});
