// dxcast service worker: precaches every built file, then serves from the cache first.
// The build (www/post-build.mjs) replaces the two placeholders below.
const VERSION = "__DXCAST_VERSION__";
const PRECACHE = __DXCAST_PRECACHE__;
const CACHE = `dxcast-${VERSION}`;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)));
});

// A new version waits until the page asks for it, so nobody loses work mid-edit.
self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("dxcast-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  const navigate = request.mode === "navigate";
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const hit = await cache.match(request, { ignoreSearch: navigate });
      if (hit) return hit;
      try {
        return await fetch(request);
      } catch (error) {
        if (navigate) {
          const index = await cache.match("./index.html");
          if (index) return index;
        }
        throw error;
      }
    }),
  );
});
