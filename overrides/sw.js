// Service worker: the pages a reader opened stay readable where there is no signal, through every
// deploy. Network first, so updated legal information is never hidden behind an old copy; the saved
// copy is used only when the network fails, and each visit online refreshes it.
//
// - One cache, SAVED, outlives deploys: a new worker never deletes what a reader saved. Caches of
//   the earlier worker (one per deploy, "info-imigrasi-<build>") are moved into it, then removed.
// - Only pages (HTML) and the files pages use (styles, scripts, images, fonts) are kept: an
//   allow-list of content types, complete (200) same-origin answers only. Never zips, PDFs, videos,
//   captions, search indexes or partial (206) answers; a range request is left to the browser.
// - A page that is not saved gets the offline page of its language, which lists what is saved. It
//   is shown at the address asked for (a reload with signal brings the page), with a <base> so that
//   its relative links still work. A language's offline page is saved with the first page a reader
//   opens in it (a first visit pays for one, not for all); until then another saved one stands in.
//
// scripts/sitegen/postbuild/service_worker.py fills in VERSION (a hash of the site's content: the same content gives
// the same worker, so a daily rebuild that changed no page installs nothing) and OFFLINE_PAGES.
const VERSION = "__VERSION__";
const OFFLINE_PAGES = __OFFLINE_PAGES__; // {language folder: offline page}, relative to SCOPE
const SAVED = "info-imigrasi-saved";
const EARLIER = "info-imigrasi-"; // prefix of the earlier worker's per-deploy caches
const SCOPE = self.registration.scope;
const KEPT_TYPES = /^(text\/html|text\/css|(text|application)\/javascript|image\/(svg\+xml|png|webp|jpeg|gif|x-icon|vnd\.microsoft\.icon)|font\/(woff2?|ttf|otf))(;|$)/;

// The offline pages that may stand in for a page: its language's first, then the others.
const offlinePages = (url) => {
  const path = url.slice(SCOPE.length);
  const folders = Object.keys(OFFLINE_PAGES);
  const own = folders.filter((f) => path.startsWith(f)).sort((a, b) => b.length - a.length)[0];
  return [own, ...folders.filter((f) => f !== own)].filter((f) => f !== undefined)
    .map((f) => new URL(OFFLINE_PAGES[f], SCOPE).href);
};

const keepable = (request, response) =>
  request.method === "GET" && !request.headers.has("range") && request.url.startsWith(SCOPE)
  && response.status === 200 && response.type === "basic" && !response.redirected
  && KEPT_TYPES.test(response.headers.get("content-type") || "");

// Kept under the address without its query or fragment: one copy per page.
const key = (url) => url.split(/[?#]/)[0];

self.addEventListener("install", (event) => {
  self.skipWaiting();
  // This deploy's version of each offline page the reader has saved (pages ask for theirs: "message").
  event.waitUntil(caches.open(SAVED).then((cache) => Promise.all(Object.values(OFFLINE_PAGES).map((page) => {
    const url = new URL(page, SCOPE).href;
    return cache.match(url)
      .then((saved) => saved && fetch(url, { cache: "no-cache" }).then((response) => response.ok && cache.put(url, response)))
      .catch(() => {});
  }))));
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const saved = await caches.open(SAVED);
    for (const name of await caches.keys()) {
      if (name === SAVED || !name.startsWith(EARLIER)) continue;
      const earlier = await caches.open(name);
      for (const request of await earlier.keys()) {
        const response = await earlier.match(request);
        if (response && keepable(request, response) && !(await saved.match(key(request.url)))) {
          await saved.put(key(request.url), response);
        }
      }
      await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

// Pages ask to keep themselves, their files, and their language's home, hotline and offline pages.
// What is saved already stays as it is: a visit online refreshes it (an offline page, a deploy).
self.addEventListener("message", (event) => {
  const urls = (event.data && event.data.keep || []).filter((url) => typeof url === "string" && url.startsWith(SCOPE));
  event.waitUntil(caches.open(SAVED).then((cache) => Promise.all(urls.map((url) =>
    cache.match(key(url)).then((hit) => hit || fetch(url).then((response) => {
      if (keepable(new Request(url), response)) return cache.put(key(url), response);
    }).catch(() => {}))))));
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(SCOPE) || request.headers.has("range")) return;
  // A page is asked of the server even when the browser's HTTP cache holds it ("no-cache" revalidates:
  // 304 when unchanged), so that a deploy shows at once; other files follow the HTTP cache.
  const fresh = request.mode === "navigate" ? new Request(request, { cache: "no-cache" }) : request;
  event.respondWith(
    fetch(fresh)
      .then((response) => {
        if (keepable(request, response)) {
          const copy = response.clone();
          event.waitUntil(caches.open(SAVED).then((cache) => cache.put(key(request.url), copy)));
        }
        return response;
      })
      .catch(async () => {
        const cache = await caches.open(SAVED);
        const hit = await cache.match(key(request.url));
        if (hit) return hit;
        if (request.mode !== "navigate") return Response.error();
        for (const fallback of offlinePages(request.url)) {
          const offline = await cache.match(fallback);
          if (!offline) continue;
          const page = (await offline.text()).replace(/<head>/i, `<head><base href="${fallback}">`);
          return new Response(page, { headers: { "content-type": "text/html; charset=utf-8" } });
        }
        return Response.error();
      }),
  );
});
