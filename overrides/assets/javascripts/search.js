// Site search with Pagefind, loaded by site.js when the reader first opens search. Pagefind then
// loads only the index of the page's language (it reads <html lang>).
(() => {
  const form = document.querySelector("[data-site-search]");
  const input = document.querySelector("[data-site-search-input]");
  const toggle = document.getElementById("__search");
  const list = document.querySelector("[data-site-search-results]");
  const meta = document.querySelector("[data-site-search-meta]");
  if (!form || !input || !toggle || !list || !meta) return;
  const root = new URL(document.currentScript.dataset.root, document.baseURI);
  let engine = null;

  const load = () => {
    engine = engine || (location.protocol === "file:" ? localEngine() : import(new URL("pagefind/pagefind.js", root).href)
      .then(async (pagefind) => {
        // noWorker: the worker script would cost readers 12 KB more for a handful of pages.
      await pagefind.options({ baseUrl: root.pathname, excerptLength: 20, noWorker: true });
        return pagefind;
      }));
    return engine;
  };

  // The offline copy opened from a folder (file://) cannot run Pagefind: search a small index of the
  // pages instead (offline-search.js), with the commonest Indonesian affixes stripped.
  const stem = (word) => word.toLowerCase()
    .replace(/(nya|lah|kah|pun)$/, "").replace(/(kan|an|i)$/, "")
    .replace(/^(meng|meny|mem|men|me|peng|peny|pem|pen|pe|ber|be|ter|di|ke|se)(?=\w{3})/, "");
  const words = (text) => (text.match(/[\p{L}\p{N}]+/gu) || []).map(stem);
  const localEngine = () => new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = new URL("offline-search.js", root).href;
    script.onerror = reject;
    script.onload = () => {
      const lang = document.documentElement.lang;
      const here = location.pathname.includes(`/${lang}/`) ? `${lang}/` : "";
      const pages = window.SITE_OFFLINE_INDEX.filter((p) => (here ? p.url.startsWith(here) : true))
        .map((p) => ({ ...p, words: new Set(words(p.title + " " + p.text)) }));
      resolve({
        debouncedSearch: async (query) => {
          const wanted = words(query);
          const hits = pages.filter((p) => wanted.every((w) => [...p.words].some((x) => x.startsWith(w))));
          return { results: hits.map((p) => ({ data: async () => ({
            url: new URL(p.url, root).href, meta: { title: p.title }, excerpt: p.text.slice(0, 160),
          }) })) };
        },
      });
    };
    document.head.append(script);
  });

  // Pagefind marks hits with <mark>; build the excerpt from text nodes, never from raw HTML.
  const decoder = document.createElement("textarea");
  const decode = (html) => {
    decoder.innerHTML = html; // a textarea only decodes entities: no element is ever created
    return decoder.value;
  };
  const excerpt = (html) => {
    const p = document.createElement("p");
    html.split(/(<mark>.*?<\/mark>)/).forEach((part) => {
      const hit = part.match(/^<mark>(.*)<\/mark>$/);
      const text = decode(hit ? hit[1] : part);
      if (hit) {
        const mark = document.createElement("mark");
        mark.textContent = text;
        p.append(mark);
      } else {
        p.append(text);
      }
    });
    return p;
  };

  const count = (n) => (n === 0 ? form.dataset.none : n === 1 ? form.dataset.one : form.dataset.other.replace("#", n));

  let latest = 0;
  const run = async () => {
    const query = input.value.trim();
    const ticket = ++latest;
    if (!query) {
      list.replaceChildren();
      meta.textContent = form.dataset.placeholder;
      return;
    }
    meta.textContent = form.dataset.loading;
    const pagefind = await load();
    const search = await pagefind.debouncedSearch(query, {}, 200);
    if (search === null || ticket !== latest) return;
    // Each result's text is a separate download: fetch the first few only.
    const results = await Promise.all(search.results.slice(0, 6).map((r) => r.data()));
    if (ticket !== latest) return;
    meta.textContent = count(search.results.length);
    list.replaceChildren(...results.map((data) => {
      const li = document.createElement("li");
      li.className = "md-search-result__item";
      const a = document.createElement("a");
      a.className = "md-search-result__link";
      a.href = data.url;
      a.setAttribute("data-search-result", "");
      const article = document.createElement("article");
      article.className = "md-search-result__article md-typeset";
      const title = document.createElement("h3");
      title.textContent = data.meta.title;
      article.append(title, excerpt(data.excerpt));
      a.append(article);
      li.append(a);
      return li;
    }));
  };

  toggle.addEventListener("change", () => toggle.checked && load());
  input.addEventListener("focus", load);
  if (toggle.checked) load(); // opened before this script arrived
  input.addEventListener("input", run);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    list.querySelector("a")?.focus();
  });
  form.addEventListener("reset", () => setTimeout(run));
  document.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" && document.activeElement === input) {
      event.preventDefault();
      list.querySelector("a")?.focus();
    }
  });
})();
