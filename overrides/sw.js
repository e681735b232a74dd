// Service worker: network first, so updated legal information is never hidden behind an old copy;
// the cached copy is used only when the network fails. A new deploy (new BUILD) replaces old caches.
const BUILD = "__BUILD__";
const CACHE = `info-imigrasi-${BUILD}`;
const SCOPE = self.registration.scope;

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("info-imigrasi-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// Pages ask to keep themselves, their assets, and their language's home and hotline pages.
self.addEventListener("message", (event) => {
  const urls = (event.data && event.data.keep || []).filter((url) => url.startsWith(SCOPE));
  event.waitUntil(caches.open(CACHE).then((cache) => Promise.all(urls.map((url) =>
    cache.match(url).then((hit) => hit || cache.add(url).catch(() => {}))))));
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(SCOPE)) return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok && response.type === "basic") {
          const copy = response.clone();
          event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)));
        }
        return response;
      })
      .catch(() => caches.open(CACHE).then((cache) => cache.match(request, { ignoreSearch: true }))
        .then((hit) => hit || Response.error())),
  );
});
