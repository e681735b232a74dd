// Site search, loaded by site.js when the reader first opens search. Online it runs Pagefind, which
// loads only the index of the page's language (it reads <html lang>); the offline copy opened from a
// folder (file://) cannot run Pagefind and uses search-offline.js instead. Both get the same
// query handling: residents' words and stop words (assets/search/words-LANG.js, made from
// data/search-words.yml by scripts/sitegen/postbuild/search_words.py) and one-letter typos (vocabulary-LANG.js,
// fetched only when a query has a word of five letters or more that no page contains).
(() => {
  const form = document.querySelector("[data-site-search]");
  const input = document.querySelector("[data-site-search-input]");
  const toggle = document.getElementById("__search");
  const list = document.querySelector("[data-site-search-results]");
  const meta = document.querySelector("[data-site-search-meta]");
  if (!form || !input || !toggle || !list || !meta) return;
  // `mkdocs serve` makes no index (scripts/sitegen/config/build_mode.py): the box keeps saying so, nothing is fetched.
  if (form.dataset.unavailable) {
    meta.textContent = form.dataset.unavailable;
    return;
  }
  const root = new URL(document.currentScript.dataset.root, document.baseURI);
  const lang = document.documentElement.lang;
  const local = location.protocol === "file:";
  // Results shown at once and per "more": each costs a download of its page's text (about 1.5 KB),
  // and three fill a phone's screen above the keyboard.
  const BATCH = 3;
  const OTHER_WORD = 0.8; // weight of a group's other words against the reader's own
  const EXCERPT_WORDS = 22;
  const TYPO_MIN_LETTERS = 5;

  const script = (path) => new Promise((resolve, reject) => {
    const tag = document.createElement("script");
    tag.src = new URL(path, root).href;
    tag.onload = resolve;
    tag.onerror = reject;
    document.head.append(tag);
  });
  // A folder link works from file:// only with its index.html.
  const href = (path) => new URL(local && path.endsWith("/") ? `${path}index.html` : path, root).href;

  // --- text ------------------------------------------------------------------------------------
  // The same normalization as scripts/sitegen/postbuild/search_words.py: lower case, no accents, a hyphen inside a
  // word joined (e-paspor = epaspor, as Pagefind indexes it), other punctuation a space.
  const normalize = (text) => text.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "")
    .replace(/(?<=[\p{L}\p{N}])[-'’](?=[\p{L}\p{N}])/gu, "").replace(/[^\p{L}\p{N}]+/gu, " ").trim();

  // One letter wrong, missing or extra, or two neighbours swapped.
  const oneEdit = (a, b) => {
    if (a === b || Math.abs(a.length - b.length) > 1) return false;
    let i = 0;
    while (a[i] === b[i]) i++;
    if (a.length === b.length) {
      return a.slice(i + 1) === b.slice(i + 1)
        || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
    }
    const [long, short] = a.length > b.length ? [a, b] : [b, a];
    return long.slice(i + 1) === short.slice(i);
  };

  // --- residents' words ------------------------------------------------------------------------
  // {stop: Set, group: Map(word or phrase -> the group's words found on pages), known: Set (every
  // word of the data file), longest (words in the longest phrase), none, ui}
  let words = null;
  const loadWords = () => script(`assets/search/words-${lang}.js`).then(() => {
    const data = window.SITE_SEARCH_WORDS;
    const group = new Map();
    let longest = 1;
    for (const members of data.same) {
      const found = members.slice(0, members.indexOf("|"));
      for (const word of members) {
        if (word === "|") continue;
        group.set(word, found);
        longest = Math.max(longest, word.split(" ").length);
      }
    }
    const known = new Set([...group.keys()].flatMap((w) => w.split(" ")));
    words = { stop: new Set(data.stop), group, known, longest, none: data.none, ui: data.ui };
  });
  let vocabulary = null;
  // Front-coded: "0paspor 6mu" is paspor, paspormu (the digit: letters shared with the word before).
  const loadVocabulary = () => vocabulary || (vocabulary = script(`assets/search/vocabulary-${lang}.js`)
    .then(() => {
      let previous = "";
      return window.SITE_SEARCH_VOCABULARY.split(" ").map((entry) => (previous = previous.slice(0, +entry[0]) + entry.slice(1)));
    }));

  const seen = new Map(); // word -> promise: does a page have it
  const has = (engine, word) => {
    if (!seen.has(word)) seen.set(word, engine.has(word));
    return seen.get(word);
  };

  // One word of the query: kept if it is a stop word, a word of the data file or on some page. A
  // long word no page has becomes the page word one letter away that most pages have. Otherwise it
  // is left out: given it, Pagefind would match a shorter prefix instead ("ilang" finds "menilai").
  const spell = async (engine, token) => {
    if (words.stop.has(token) || words.known.has(token) || await has(engine, token)) return { token };
    if ([...token].length < TYPO_MIN_LETTERS) return {};
    const near = (await loadVocabulary()).filter((word) => oneEdit(token, word));
    const counts = await Promise.all(near.map(async (word) => (await engine.search(word)).length
      || (words.group.has(word) ? 1 : 0)));
    const best = near[counts.indexOf(Math.max(0, ...counts))];
    return best && Math.max(...counts) ? { token: best, fixed: best } : {};
  };

  // The query as units: a phrase of the data file ("perdagangan manusia") is one unit; stop words
  // go, unless nothing else is left.
  const units = (tokens) => {
    const out = [];
    for (let i = 0; i < tokens.length;) {
      let n = Math.min(words.longest, tokens.length - i);
      while (n > 1 && !words.group.has(tokens.slice(i, i + n).join(" "))) n--;
      out.push(tokens.slice(i, i + n).join(" "));
      i += n;
    }
    const meaningful = out.filter((unit) => !words.stop.has(unit));
    return meaningful.length ? meaningful : out;
  };

  // What to search for one unit. `own`: the reader's word if a page has it, else the first word of
  // its group found on pages (the data file puts the pages' own word first); a phrase of stop words
  // ("how much") means only what its group means. `others`: the rest of the group, a second choice.
  const plan = async (engine, unit) => {
    const found = words.group.get(unit);
    const onlyStop = unit.split(" ").every((w) => words.stop.has(w));
    let own = [];
    if (found) own = found.includes(unit) && !onlyStop ? [unit] : found.slice(0, 1);
    else if (await has(engine, unit)) own = [unit];
    const others = own.flatMap((w) => words.group.get(w) || []).filter((w) => !own.includes(w));
    return { unit, own, others: [...new Set(others)] };
  };

  // Each word is searched on its own. A page's score adds, for every unit, its best word: the own
  // word fully, another word of its group at most OTHER_WORD of the best own-word page (a group word
  // in a page title must not outrank the page about the reader's word). The sum is scaled by the
  // share of units the page has: pages with every unit come first, but a page missing a light word
  // ("bikin") still ranks by the rest.
  const find = async (engine, planned) => {
    const used = planned.filter((p) => p.own.length);
    if (!used.length) return [];
    const pages = new Map();
    const add = (i, result, score) => {
      const page = pages.get(result.id) || { result, best: used.map(() => 0), locations: new Set() };
      page.best[i] = Math.max(page.best[i], score);
      result.words.forEach((l) => page.locations.add(l));
      pages.set(result.id, page);
    };
    for (const [i, { own, others }] of used.entries()) {
      let top = 0;
      for (const word of own) {
        for (const result of await engine.search(word)) {
          top = Math.max(top, result.score);
          add(i, result, result.score);
        }
      }
      for (const word of others) {
        for (const result of await engine.search(word)) add(i, result, Math.min(result.score, top) * OTHER_WORD);
      }
    }
    const ranked = [...pages.values()].map((page) => {
      const share = page.best.filter(Boolean).length / used.length;
      return { ...page, score: page.best.reduce((a, b) => a + b, 0) * share * share };
    });
    return ranked.filter((page) => page.score > 0).sort((a, b) => b.score - a.score);
  };

  // The section with the most matches, and in it the densest run of words: that is where the
  // result lands and what its excerpt shows, with every matched word marked.
  const view = (page, locations) => {
    const tokens = page.content.split(/[\r\n\s]+/g);
    const sections = [{ title: null, id: null, start: 0 }];
    for (const a of page.anchors) {
      if (/^h\d$/i.test(a.element) && a.id && a.text?.trim() && a.location > sections.at(-1).start) {
        sections.push({ title: a.text.trim(), id: a.id, start: a.location });
      }
    }
    sections.forEach((s, i) => { s.end = sections[i + 1]?.start ?? tokens.length; });
    const inside = (s) => locations.filter((l) => l >= s.start && l < s.end);
    const best = sections.reduce((a, b) => (inside(b).length > inside(a).length ? b : a));
    const hits = inside(best);
    let start = best.start;
    for (let i = 0, most = -1; i < hits.length; i++) {
      const n = hits.filter((l) => l >= hits[i] && l < hits[i] + EXCERPT_WORDS).length;
      if (n > most) [most, start] = [n, Math.max(best.start, hits[i] - 3)];
    }
    const end = Math.min(best.end, start + EXCERPT_WORDS);
    const marked = new Set(locations);
    const parts = [];
    for (let i = start; i < end; i++) parts.push({ text: tokens[i], mark: marked.has(i) });
    return { url: best.id ? `${page.url}#${best.id}` : page.url, title: page.title, section: best.title, parts };
  };

  // --- engines ---------------------------------------------------------------------------------
  // Each: search(words) -> [{id, score, words (locations)}], has(word) -> a page has this very word,
  // page(result) -> {url, title, content, anchors [{element, id, text, location}]}.
  const pagefindEngine = async () => {
    const pagefind = await import(new URL("pagefind/pagefind.js", root).href);
    // noWorker: the worker script would cost readers 12 KB more for a handful of pages.
    // A match in a page's `search_terms` (its "terms" metadata) counts like a match in its title.
    await pagefind.options({ baseUrl: root.pathname, noWorker: true, ranking: { metaWeights: { title: 5, terms: 5 } } });
    return {
      search: async (terms) => (await pagefind.search(terms)).results,
      // A quoted word matches only itself (and its stem), never a shorter prefix.
      has: async (word) => (await pagefind.search(`"${word}"`)).results.length > 0,
      page: async (result) => {
        const data = await result.data();
        return { url: data.url, title: data.meta.title, content: data.content, anchors: data.anchors || [] };
      },
    };
  };

  // The offline copy opened from a folder: its own small index and engine, fetched only there.
  const localEngine = async () => {
    await Promise.all([script("offline-search.js"), script("assets/javascripts/search-offline.js")]);
    return window.SITE_OFFLINE_ENGINE({ lang, normalize, href });
  };

  let ready = null;
  const load = () => (ready = ready || Promise.all([local ? localEngine() : pagefindEngine(), loadWords()])
    .then(([engine]) => engine));

  // --- showing results -------------------------------------------------------------------------
  // The excerpt is built from text nodes, never from HTML: page text cannot become markup.
  const excerpt = (parts) => {
    const p = document.createElement("p");
    parts.forEach(({ text, mark }, i) => {
      if (i) p.append(" ");
      if (mark) p.append(element("mark", "", text));
      else p.append(text);
    });
    return p;
  };
  const element = (tag, className, text) => {
    const el = document.createElement(tag);
    if (className) el.className = className;
    if (text) el.textContent = text;
    return el;
  };

  const item = (view) => {
    const li = element("li", "md-search-result__item");
    const a = element("a", "md-search-result__link");
    a.href = view.url;
    a.setAttribute("data-search-result", "");
    const article = element("article", "md-search-result__article md-typeset");
    article.append(element("h3", "", view.title));
    if (view.section) article.append(element("p", "site-search-section", view.section));
    article.append(excerpt(view.parts));
    a.append(article);
    li.append(a);
    return li;
  };

  // Nothing found: the verified hotlines and the most-used pages, in the reader's language.
  const nothingFound = () => {
    const { none, ui } = words;
    const li = element("li", "site-search-none");
    if (none.hotlines.length) {
      li.append(element("h3", "", ui["search.none.hotlines"]));
      const numbers = element("ul");
      for (const line of none.hotlines) {
        const a = element("a", "", line.name.includes(line.phone) ? line.name : `${line.name}: ${line.phone}`);
        a.href = line.href;
        const entry = element("li");
        entry.append(a);
        numbers.append(entry);
      }
      li.append(numbers);
    }
    const all = element("a", "", ui["search.none.all_numbers"]);
    all.href = href(none.hotline_page);
    const allLine = element("p");
    allLine.append(all);
    li.append(allLine);
    if (none.pages.length) {
      li.append(element("h3", "", ui["search.none.pages"]));
      const pages = element("ul");
      for (const page of none.pages) {
        const a = element("a", "", page.title);
        a.href = href(page.path);
        a.setAttribute("data-search-suggestion", "");
        const entry = element("li");
        entry.append(a);
        pages.append(entry);
      }
      li.append(pages);
    }
    return li;
  };

  const count = (n) => (n === 0 ? form.dataset.none : n === 1 ? form.dataset.one : form.dataset.other.replace("#", n));

  let latest = 0;
  const run = async () => {
    const query = input.value.trim();
    const ticket = ++latest;
    if (!query) {
      list.replaceChildren();
      meta.textContent = form.dataset.placeholder;
      delete list.dataset.query;
      return;
    }
    meta.textContent = form.dataset.loading;
    await new Promise((resolve) => setTimeout(resolve, 200)); // wait for the next key
    const engine = await load();
    if (ticket !== latest) return;
    const spelled = [];
    for (const token of normalize(query).split(" ").filter(Boolean).slice(0, 8)) spelled.push(await spell(engine, token));
    const planned = [];
    for (const unit of units(spelled.map((s) => s.token).filter(Boolean))) planned.push(await plan(engine, unit));
    const results = await find(engine, planned);
    if (ticket !== latest) return;
    const fixed = spelled.map((s) => s.fixed).filter(Boolean);
    meta.replaceChildren(count(results.length));
    if (fixed.length) meta.append(element("span", "site-search-also", `${words.ui["search.also"]} ${fixed.join(", ")}`));
    list.replaceChildren();
    if (!results.length) list.append(nothingFound());
    await more(ticket, results, 0);
    if (ticket === latest) list.dataset.query = query; // the results of this query are all shown
  };

  // Results from `from` on, one batch, then a "more" button while some are left.
  const more = async (ticket, results, from) => {
    const engine = await load();
    const views = await Promise.all(results.slice(from, from + BATCH)
      .map(async (r) => view(await engine.page(r.result), [...r.locations])));
    if (ticket !== latest) return;
    list.querySelector(".site-search-more")?.remove();
    const items = views.map(item);
    list.append(...items);
    if (results.length > from + BATCH) {
      const li = element("li", "site-search-more");
      const button = element("button", "", words.ui["search.more"]);
      button.type = "button";
      button.addEventListener("click", async () => {
        await more(ticket, results, from + BATCH);
        list.querySelectorAll("[data-search-result]")[from + BATCH]?.focus();
      });
      li.append(button);
      list.append(li);
    }
  };

  toggle.addEventListener("change", () => toggle.checked && load());
  input.addEventListener("focus", load);
  if (toggle.checked) load(); // opened before this script arrived
  input.addEventListener("input", run);
  if (input.value.trim()) run(); // typed before this script arrived (a slow connection)
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
