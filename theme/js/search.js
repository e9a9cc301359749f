// G7 texts: search. site.js loads this on the first use of the header's search box, on the search
// page, and on a page opened from a result. The header box is a combobox: results show as you type,
// arrow keys move through them, Enter opens one (or, with none chosen, the search page); the search
// page lists every result, with filters kept in its URL. Pagefind (pagefind/pagefind.js, which the
// build writes) does the searching; it is loaded on the first search.
(() => {
  "use strict";
  const { siteUrl } = window.G7;
  const body = document.body;
  const input = document.getElementById("search-input");
  const isFile = location.protocol === "file:";

  // Pagefind's ranking (see the README, "Search"). Titles and URLs are stated but weigh nothing: a
  // paragraph is found by its own words, never by the title of its section or document.
  const RANKING = { termSimilarity: 3, pageLength: 0, termFrequency: 1, termSaturation: 1.4,
    diacriticSimilarity: 0, metaWeights: { section: 0, title: 0, url: 0 } };
  const FILTERS = [["document", "Document"], ["kind", "Kind"], ["year", "Year"], ["topic", "Topic"]];
  const BOX_SECTIONS = 5;   // sections and glossary entries read for the box
  const BOX_SHOWN = 8;      // paragraphs it shows
  const PAGE_BATCH = 10;    // sections and entries read for each page of results
  const EXCERPT_WORDS = 32;
  const SERVE_NOTE = "Search needs the site served: run “make serve”, or open the site through any static web server. " +
    "Opened from a file, a browser does not let the page read the search index.";

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
    if (text) node.textContent = text;
    return node;
  }

  if (!document.querySelector('link[href$="css/search.css"]')) {
    document.head.appendChild(el("link", { rel: "stylesheet", href: siteUrl("css/search.css") }));
  }

  /* Searching */

  let engine = null;
  function pagefind() {
    engine = engine || import(siteUrl("pagefind/pagefind.js")).then(async (pf) => {
      // Without its worker Pagefind searches on the page itself: one file less to fetch.
      await pf.options({ ranking: RANKING, noWorker: true });
      return pf;
    });
    return engine;
  }

  // The words worth searching while they are typed: a last word of one letter is left out (it would
  // match most of the index), and so is a query shorter than two letters.
  function searchable(text) {
    const words = text.trim().split(/\s+/).filter(Boolean);
    if (words.length > 1 && words[words.length - 1].length < 2) words.pop();
    const query = words.join(" ");
    return (query.match(/[\p{L}\p{N}]/gu) || []).length >= 2 ? query : "";
  }

  // Returns Pagefind's results with a score: a section or entry matched only by a title or a label,
  // which weigh nothing, is no result.
  async function find(query, filters) {
    const pf = await pagefind();
    const found = await pf.search(query, { filters: filters || {} });
    return { hits: found.results.filter((r) => r.score > 0), counts: found.filters || {} };
  }

  // Strips the punctuation around a word of the index's text: "(UNODC)." -> ["(", "UNODC", ")."].
  function splitWord(token) {
    const m = token.match(/^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/u);
    return [m[1], m[2], m[3]];
  }

  // The excerpt of words[from, to): up to EXCERPT_WORDS words from a little before the best match
  // (``lead``), matched words marked.
  function excerpt(words, from, to, matched, lead) {
    const first = lead ?? from;
    const start = Math.max(from, Math.min(first - 8, to - EXCERPT_WORDS));
    const end = Math.min(to, start + EXCERPT_WORDS);
    const out = el("span", { class: "result-excerpt" });
    if (start > from) out.append("… ");
    const marks = new Set(matched);
    for (let i = start; i < end; i++) {
      if (i > start) out.append(" ");
      if (!marks.has(i)) { out.append(words[i]); continue; }
      const [before, word, after] = splitWord(words[i]);
      out.append(before, el("mark", {}, word), after);
    }
    if (end < to) out.append(" …");
    return out;
  }

  // Returns a result per paragraph of a section that holds a matched word (or the glossary entry
  // itself): its title, URL, excerpt, the words to mark on landing and its score: the section's,
  // scaled by how the paragraph's matches weigh (as Pagefind weighs them) against the section's best
  // paragraph, by the square of the share of the query's words it holds (for "lawful access", a
  // paragraph holding both words before one holding "access" alone) and by phraseBonus.
  async function paragraphsOf(hit, queryWords) {
    const data = await hit.data();
    const words = data.content.split(/\s+/);
    const located = data.weighted_locations.filter((l) => l.weight > 0);
    const documentName = (data.filters.document || [])[0];
    const anchors = data.anchors.filter((a) => a.element === "h2").sort((a, b) => a.location - b.location);
    const regions = anchors.length ? anchors.map((a, i) => ({
      from: a.location + a.text.split(/\s+/).length, to: i + 1 < anchors.length ? anchors[i + 1].location : words.length,
      title: (data.meta.section ? data.meta.section + " " : "") + a.text + (documentName ? " · " + documentName : ""),
      url: data.url.split("#")[0] + "#" + a.id,
    })) : [{ from: 0, to: words.length, title: data.meta.title || documentName || "",
      // A glossary entry states its URL as its meta ("/glossary/#id", from the site's root, which
      // Pagefind does not rebase as it does data.url): placed under the site's own root here.
      url: data.meta.url ? siteUrl(data.meta.url.replace(/^\//, "")) : data.url }];
    const found = [];
    for (const region of regions) {
      const here = located.filter((l) => l.location >= region.from && l.location < region.to);
      if (!here.length) continue;
      const matched = [...new Set(here.map((l) => l.location))].sort((a, b) => a - b);
      const lead = here.reduce((best, l) => (l.balanced_score > best.balanced_score ? l : best)).location;
      const terms = [...new Set(matched.map((i) => splitWord(words[i])[1].toLowerCase()))];
      found.push({ ...region, matched, lead, words, terms, share: Math.min(1, terms.length / queryWords),
        phrase: phraseBonus(matched, queryWords), weight: here.reduce((sum, l) => sum + l.balanced_score, 0) });
    }
    const best = Math.max(...found.map((f) => f.weight));
    return found.map((f) => ({ ...f, score: hit.score * (f.weight / best) * f.share * f.share * f.phrase }));
  }

  // Returns 1, up to 2 when the matched words (their locations, in order) run one after another as
  // long as the query: "lawful access" as a phrase weighs twice "lawful ... access".
  function phraseBonus(matched, queryWords) {
    if (queryWords < 2) return 1;
    let run = 1, longest = 1;
    for (let i = 1; i < matched.length; i++) {
      run = matched[i] === matched[i - 1] + 1 ? run + 1 : 1;
      longest = Math.max(longest, run);
    }
    return 1 + (Math.min(longest, queryWords) - 1) / (queryWords - 1);
  }

  // The results of ``hits`` for ``query`` as paragraphs, best first.
  async function paragraphResults(hits, query) {
    const queryWords = query.split(/\s+/).length;
    const lists = await Promise.all(hits.map((hit) => paragraphsOf(hit, queryWords)));
    return lists.flat().sort((a, b) => b.score - a.score);
  }

  // A result's link: the paragraph's URL, asking the page to mark the words it matched.
  function resultHref(result) {
    const url = new URL(result.url, location.href);
    result.terms.slice(0, 8).forEach((t) => url.searchParams.append("highlight", t));
    return url.href;
  }

  function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }

  /* The header box: a combobox with a listbox of results */

  function initBox() {
    const form = input.closest("form");
    const pop = el("div", { class: "search-pop", id: "search-pop", hidden: "" });
    const status = el("p", { class: "search-pop-status", id: "search-pop-status", role: "status", "aria-live": "polite" });
    const list = el("div", { class: "search-options", id: "search-options", role: "listbox", "aria-label": "Results" });
    const more = el("p", { class: "search-pop-more" });
    pop.append(status, list, more);
    form.appendChild(pop);
    Object.entries({ role: "combobox", "aria-expanded": "false", "aria-controls": "search-options",
      "aria-autocomplete": "list", "aria-describedby": "search-pop-status" })
      .forEach(([k, v]) => input.setAttribute(k, v));
    let options = [], active = -1, asked = 0, timer = 0;

    const open = (shown) => { pop.hidden = !shown; input.setAttribute("aria-expanded", String(shown && options.length > 0)); };
    const choose = (index) => {
      options.forEach((o, i) => o.setAttribute("aria-selected", String(i === index)));
      active = index;
      if (index < 0) input.removeAttribute("aria-activedescendant");
      else {
        input.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({ block: "nearest" });
      }
    };
    const say = (message) => { status.textContent = message; };

    async function update() {
      const text = input.value;
      const query = searchable(text);
      const ask = ++asked;
      if (isFile) { options = []; list.textContent = ""; more.textContent = ""; say(SERVE_NOTE); open(true); return; }
      if (!query) {
        options = []; list.textContent = ""; more.textContent = ""; say("");
        list.setAttribute("aria-label", "Results");
        open(false);
        return;
      }
      let results, hits;
      try {
        ({ hits } = await find(query));
        results = await paragraphResults(hits.slice(0, BOX_SECTIONS), query);
      } catch (e) {
        if (ask === asked) { say("The search index could not be loaded."); open(true); }
        return;
      }
      if (ask !== asked) return;  // a later query has been asked since
      list.textContent = "";
      list.setAttribute("aria-label", "Results for “" + query + "”");
      options = results.slice(0, BOX_SHOWN).map((r, i) => {
        const option = el("a", { role: "option", id: "search-option-" + i, "aria-selected": "false", tabindex: "-1",
          href: resultHref(r), class: "search-option" });
        option.append(el("span", { class: "result-title" }, r.title), excerpt(r.words, r.from, r.to, r.matched, r.lead));
        option.addEventListener("mousedown", (e) => e.preventDefault());  // keep the focus in the box
        list.appendChild(option);
        return option;
      });
      choose(-1);
      more.textContent = "";
      if (hits.length) {
        const all = el("a", { href: siteUrl("search/") + "?q=" + encodeURIComponent(text.trim()) }, "All results");
        more.append(all, " on the search page");
      }
      say(hits.length ? plural(options.length, "result", "results") + " shown from " +
        plural(hits.length, "matching section or entry", "matching sections and entries") + "; arrow keys choose, Enter opens."
        : "No results for “" + query + "”.");
      open(true);
    }

    input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(update, 120); });
    input.addEventListener("focus", () => { if (isFile || options.length) { if (isFile) update(); else open(true); } });
    input.addEventListener("keydown", (e) => {
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        if (!options.length) return;
        e.preventDefault();
        open(true);
        const step = e.key === "ArrowDown" ? 1 : -1;
        choose(Math.max(-1, Math.min(options.length - 1, active + step)));
      } else if (e.key === "Enter" && active >= 0) {
        e.preventDefault();
        location.assign(options[active].href);
      } else if (e.key === "Escape") {
        if (!pop.hidden) { e.preventDefault(); open(false); choose(-1); }
      }
    });
    input.addEventListener("blur", () => { setTimeout(() => { if (!pop.contains(document.activeElement)) open(false); }, 150); });
    document.addEventListener("pointerdown", (e) => { if (!form.contains(e.target)) open(false); });
    // This code loads when the box is first focused: answer what was typed meanwhile.
    if (document.activeElement === input && (isFile || input.value)) update();
  }

  /* The search page: every result, with filters in the URL */

  function initPage() {
    const page = document.querySelector(".g7-search");
    const status = page.querySelector(".search-status");
    const list = page.querySelector(".search-results");
    const panel = page.querySelector(".search-filters");
    const moreButton = page.querySelector(".search-more button");
    const params = new URLSearchParams(location.search);
    const query = (params.get("q") || "").trim();
    const chosen = Object.fromEntries(FILTERS.map(([name]) => [name, params.getAll(name)]));
    if (input) input.value = query;
    if (isFile) { status.textContent = SERVE_NOTE; return; }
    if (!query) return;
    let hits = [], next = 0;

    const filterArg = () => Object.fromEntries(Object.entries(chosen).filter(([, v]) => v.length).map(([k, v]) => [k, { any: v }]));
    const keepInUrl = () => {
      const url = new URL(location.href);
      FILTERS.forEach(([name]) => { url.searchParams.delete(name); chosen[name].forEach((v) => url.searchParams.append(name, v)); });
      history.replaceState(history.state, "", url);
    };

    // The filters fold into one "Filters" disclosure, so that the results show on the first screen;
    // it is open while a filter is chosen, and stays as the reader left it. A value that would give
    // no result is left out, unless chosen.
    function showFilters(counts) {
      const wasOpen = panel.querySelector("details")?.open;
      const chosenCount = FILTERS.reduce((n, [name]) => n + chosen[name].length, 0);
      panel.textContent = "";
      const fold = el("details", { class: "search-filter-fold" });
      fold.open = wasOpen ?? chosenCount > 0;
      fold.appendChild(el("summary", {}, "Filters" + (chosenCount ? " (" + chosenCount + " chosen)" : "")));
      const sets = el("div", { class: "search-filter-sets" });
      fold.appendChild(sets);
      for (const [name, legend] of FILTERS) {
        const values = Object.keys(counts[name] || {}).filter((v) => counts[name][v] > 0 || chosen[name].includes(v)).sort();
        if (!values.length) continue;
        const set = el("fieldset", { class: "search-filter" });
        set.appendChild(el("legend", {}, legend));
        for (const value of values) {
          const box = el("input", { type: "checkbox", name, value });
          box.checked = chosen[name].includes(value);
          box.addEventListener("change", () => {
            chosen[name] = box.checked ? [...chosen[name], value] : chosen[name].filter((v) => v !== value);
            keepInUrl();
            run();
          });
          const label = el("label", { class: "search-filter-value" });
          label.append(box, " " + value + " ", el("span", { class: "count" }, "(" + counts[name][value] + ")"));
          set.appendChild(label);
        }
        sets.appendChild(set);
      }
      if (sets.childElementCount) panel.appendChild(fold);
      panel.hidden = !sets.childElementCount;
    }

    async function showMore() {
      const batch = hits.slice(next, next + PAGE_BATCH);
      next += batch.length;
      for (const r of await paragraphResults(batch, query)) {
        const item = el("li", { class: "search-result" });
        const title = el("h2", { class: "result-title" });
        title.appendChild(el("a", { href: resultHref(r) }, r.title));
        item.append(title, excerpt(r.words, r.from, r.to, r.matched, r.lead));
        list.appendChild(item);
      }
      moreButton.parentElement.hidden = next >= hits.length;
    }

    async function run() {
      status.textContent = "Searching…";
      let found;
      try {
        const pf = await pagefind();
        await pf.filters();  // loads every filter, so that each value shows its count
        found = await find(query, filterArg());
      } catch (e) {
        status.textContent = "The search index could not be loaded.";
        return;
      }
      hits = found.hits;
      next = 0;
      list.textContent = "";
      showFilters(found.counts);
      await showMore();
      status.textContent = hits.length
        ? plural(hits.length, "section or glossary entry matches", "sections and glossary entries match") + " “" + query +
          "”; their paragraphs are listed best first. Filter counts are of sections and entries."
        : "No results for “" + query + "”.";
      document.title = "Search: " + query + " · " + document.title.replace(/^Search: .* · /, "");
    }

    moreButton.addEventListener("click", showMore);
    run();
  }

  /* Landing from a result: the words it matched are marked in the paragraph */

  function markLanding() {
    const url = new URL(location.href);
    const terms = url.searchParams.getAll("highlight").map((t) => t.toLowerCase()).filter(Boolean);
    if (!terms.length) return;
    url.searchParams.delete("highlight");
    history.replaceState(history.state, "", url);  // a link copied from here carries no search
    let id = location.hash.slice(1);
    try { id = decodeURIComponent(id); } catch (e) { /* keep it raw */ }
    const target = id && document.getElementById(id);
    if (!target) return;
    const wanted = new Set(terms);
    const walker = document.createTreeWalker(target, NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => n.parentElement.closest("button, mark, script, style") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
    });
    const nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    for (const node of nodes) {
      const parts = node.textContent.split(/([\p{L}\p{N}]+(?:[’'][\p{L}]+)?)/u);
      if (!parts.some((p) => wanted.has(p.toLowerCase()))) continue;
      const replaced = document.createDocumentFragment();
      parts.forEach((p) => replaced.append(wanted.has(p.toLowerCase()) ? el("mark", { class: "search-hit" }, p) : p));
      node.replaceWith(replaced);
    }
  }

  if (input) initBox();
  if (body.dataset.kind === "search") initPage();
  markLanding();
})();
