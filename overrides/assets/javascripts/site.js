// The one script every page loads (Material's own bundle is not used: it cost readers 35 KB).
// It opens search and loads the search code only then, and keeps an offline copy of what the
// reader has seen (the service worker, sw.js).
(() => {
  const script = document.currentScript;
  const root = new URL(script.dataset.root, location.href);

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

  // Offline: register the service worker and ask it to keep this page, its files, and the home
  // and hotline pages of this language.
  if ("serviceWorker" in navigator && /^https?:$/.test(location.protocol)) {
    const keep = [
      location.href.split("#")[0],
      new URL(script.dataset.home, location.href).href,
      new URL(script.dataset.hotlines, location.href).href,
      ...[...document.querySelectorAll("link[rel=stylesheet][href], script[src], link[rel=icon][href]")]
        .map((el) => el.href || el.src),
    ];
    window.addEventListener("load", () => {
      navigator.serviceWorker.register(new URL("sw.js", root).href, { scope: root.pathname })
        .then(() => navigator.serviceWorker.ready)
        .then((registration) => registration.active.postMessage({ keep }))
        .catch(() => {});
    });
  }
})();
