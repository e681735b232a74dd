// The one script every page loads (Material's own bundle is not used: it cost readers 35 KB).
// It opens search and loads the search code only then, and keeps an offline copy of what the
// reader has seen (the service worker, sw.js).
(() => {
  const script = document.currentScript;
  // Addresses in the page are relative to its base: the offline page is shown at the address the
  // reader asked for, with a <base> that points at offline.html (sw.js).
  const root = new URL(script.dataset.root, document.baseURI);

  // Search: assets/javascripts/search.js is downloaded the first time the reader opens search.
  const toggle = document.getElementById("__search");
  const input = document.querySelector("[data-site-search-input]");
  let searchCode = null;
  const openSearch = () => {
    input?.focus(); // in the tap itself, so that phones show the keyboard
    if (!searchCode) {
      searchCode = document.createElement("script");
      searchCode.src = new URL("assets/javascripts/search.js", root).href;
      searchCode.dataset.root = root.href;
      document.head.append(searchCode);
    }
  };
  toggle?.addEventListener("change", () => toggle.checked && openSearch());
  // Opened or typed into before this script arrived (it comes after the first paint: main.html).
  if (toggle?.checked || input?.value.trim() || (input && document.activeElement === input)) {
    if (toggle) toggle.checked = true; // the box shows its results only while search is open
    openSearch();
  }
  // On a wide screen the box sits in the header: tapping it opens search too (Material's bundle,
  // which did this, is not loaded).
  input?.addEventListener("focus", () => {
    if (toggle && !toggle.checked) toggle.checked = true;
    openSearch();
  });
  document.addEventListener("keydown", (event) => {
    const active = document.activeElement;
    const typing = /^(INPUT|TEXTAREA|SELECT)$/.test(active?.tagName) || active?.isContentEditable;
    if (event.key === "/" && !typing && toggle && !toggle.checked) {
      event.preventDefault();
      toggle.checked = true;
      openSearch();
    } else if (event.key === "Escape" && toggle?.checked) {
      toggle.checked = false;
      input?.blur();
    }
  });

  // Print buttons (partials/page-print.html): hidden until a script can open the print dialog.
  for (const button of document.querySelectorAll("[data-site-print]")) {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
  }

  // Offline: register the service worker and ask it to keep this page, its files, and the home,
  // hotline and offline pages of this language. Pages without `data-service-worker` (`mkdocs serve`, the
  // offline copies) register none, and drop one left from an earlier build at the same address.
  if ("serviceWorker" in navigator && /^https?:$/.test(location.protocol)) {
    if (!script.dataset.serviceWorker) {
      navigator.serviceWorker.getRegistration(root.href).then((r) => r && r.unregister()).catch(() => {});
    } else {
      // The offline page stands in at the address of a page that is not saved: not a page to keep there.
      const standIn = document.querySelector("[data-site-saved]");
      const keep = [
        ...(standIn ? [] : [location.href.split("#")[0]]),
        new URL(script.dataset.home, document.baseURI).href,
        new URL(script.dataset.hotlines, document.baseURI).href,
        new URL(script.dataset.offline, document.baseURI).href,
        ...[...document.querySelectorAll("link[rel=stylesheet][href], script[src], link[rel=icon][href]")]
          .map((el) => el.href || el.src),
      ];
      // After the page's own files; site.js itself may start after the load event (main.html).
      const afterLoad = (run) => (document.readyState === "complete" ? run() : window.addEventListener("load", run));
      afterLoad(() => {
        navigator.serviceWorker.register(new URL(script.dataset.serviceWorker, document.baseURI).href, { scope: root.pathname })
          .then(() => navigator.serviceWorker.ready)
          .then((registration) => registration.active.postMessage({ keep }))
          .catch(() => {});
      });
    }
  }

  // The offline page (offline.html): list the pages of this language saved on this device. Their
  // titles come from the saved copies, read as text: nothing from the cache is run or inserted as HTML.
  const saved = document.querySelector("[data-site-saved]");
  if (saved && "caches" in window) {
    const lang = document.documentElement.lang;
    const listSaved = async () => {
      const pages = new Map();
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) {
          if (!request.url.startsWith(root.href) || pages.has(request.url)) continue;
          const response = await cache.match(request);
          if (!(response.headers.get("content-type") || "").startsWith("text/html")) continue;
          const doc = new DOMParser().parseFromString(await response.text(), "text/html");
          if (doc.documentElement.lang !== lang || doc.querySelector("[data-site-saved]")) continue;
          const title = (doc.querySelector("article h1") || doc.querySelector("h1"))?.textContent.trim() || doc.title;
          pages.set(request.url, title);
        }
      }
      const items = [...pages].sort((a, b) => a[1].localeCompare(b[1], lang)).map(([url, title]) => {
        const item = document.createElement("li");
        const link = document.createElement("a");
        link.href = url;
        link.textContent = title;
        item.append(link);
        return item;
      });
      saved.replaceChildren(...items);
      document.querySelector("[data-site-saved-empty]").hidden = items.length > 0;
    };
    listSaved().catch(() => {}).finally(() => saved.setAttribute("aria-busy", "false"));
  }
})();
