// The search engine of the offline copy opened from a folder (file://), where Pagefind cannot run.
// search.js loads it with offline-search.js, the copy's index of its pages (scripts/sitegen/postbuild/offline.py), and
// gives it the same query handling as online. Words match by prefix after the commonest Indonesian
// affixes are stripped, since Pagefind's stemming is not there.
window.SITE_OFFLINE_ENGINE = ({ normalize, href }) => {
  const stem = (word) => word.replace(/(nya|lah|kah|pun)$/, "").replace(/(kan|an|i)$/, "")
    .replace(/^(meng|meny|mem|men|me|peng|peny|pem|pen|pe|ber|be|ter|di|ke|se)(?=\p{L}{3})/u, "");
  // The copy holds one language: every page in the index is the reader's.
  const pages = window.SITE_OFFLINE_INDEX.map((p) => ({
    ...p,
    stems: p.text.split(/[\r\n\s]+/g).map((w) => stem(normalize(w))),
    terms: normalize(p.terms || "").split(" ").filter(Boolean).map(stem),
    titleStems: normalize(p.title).split(" ").map(stem),
  }));
  return {
    // Pages with every word (in the text or the page's search terms); more matches and a match in
    // the title rank higher. `words`: where in the text the matches are.
    search: async (terms) => {
      const wanted = normalize(terms).split(" ").filter(Boolean).map(stem);
      return pages.flatMap((p) => {
        const has = (w) => p.stems.some((s) => s.startsWith(w)) || p.terms.some((s) => s.startsWith(w));
        if (!wanted.length || !wanted.every(has)) return [];
        const words = [];
        p.stems.forEach((s, i) => wanted.some((w) => s.startsWith(w)) && words.push(i));
        const inTitle = wanted.filter((w) => p.titleStems.some((t) => t.startsWith(w))).length;
        return [{ id: p.url, page: p, words, score: words.length / (1 + p.stems.length / 400) + 5 * inTitle + 1 }];
      });
    },
    has: async (word) => pages.some((p) => p.stems.includes(stem(word)) || p.terms.includes(stem(word))),
    page: async ({ page }) => ({ url: href(page.url), title: page.title, content: page.text, anchors: [] }),
  };
};
