// G7 texts: navigation, paragraph citation tools, fragment forwarding, glossary popovers.
(() => {
  "use strict";
  const body = document.body;
  const base = body.dataset.base ?? ".";  // "" on the 404 page: the site is served at the host root
  const isFile = location.protocol === "file:";
  const $$ = (sel, root) => Array.from((root || document).querySelectorAll(sel));
  let live;

  // Opened from disk, a folder URL shows a listing: point it at its index.html.
  const fileSafe = (href) => {
    const u = new URL(href, location.href);
    if (isFile && u.protocol === "file:" && u.pathname.endsWith("/")) u.pathname += "index.html";
    return u.href;
  };
  // Site-root-relative path -> URL usable from this page.
  const siteUrl = (path) => fileSafe(base + "/" + path);
  // The page's permanent address: its canonical link when the site knows its URL, else the
  // address it was opened at without query, fragment or "index.html" (links, citations and
  // printed URLs carry nothing a reader's visit added, such as ?utm_source=…).
  const pageUrl = () => {
    const canonical = document.querySelector('link[rel="canonical"]');
    if (canonical && !isFile) return canonical.href;
    const here = location.href.split(/[?#]/)[0];
    return isFile ? here : here.replace(/index\.html$/, "");
  };
  const pathOf = (href) => new URL(href, location.href).pathname.replace(/index\.html$/, "");

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
    if (text) node.textContent = text;
    return node;
  }

  function announce(message) {
    if (!live) body.appendChild(live = el("div", { class: "visually-hidden", role: "status", "aria-live": "polite" }));
    live.textContent = "";
    setTimeout(() => { live.textContent = message; }, 50);
  }

  function loadScript(src, done) {
    const s = el("script", { src });
    s.onload = s.onerror = done;
    document.head.appendChild(s);
  }

  /* Navigation */

  function initNav() {
    const toggle = document.querySelector(".nav-toggle");
    const nav = document.getElementById("site-nav");
    if (!toggle || !nav) return;
    const setOpen = (open) => {
      nav.classList.toggle("open", open);
      body.classList.toggle("nav-open", open);
      toggle.setAttribute("aria-expanded", String(open));
    };
    toggle.addEventListener("click", () => { setOpen(!nav.classList.contains("open")); showCurrentInNav(); });
    document.addEventListener("keydown", (e) => {
      if (e.key === "Escape" && nav.classList.contains("open")) { setOpen(false); toggle.focus(); }
    });
  }

  // The header's height (two or three rows on a narrow screen) is what sticky offsets and
  // the landing scroll leave room for.
  function trackHeaderHeight() {
    const header = document.querySelector(".site-header");
    if (!header || !window.ResizeObserver) return;
    new ResizeObserver(() => {
      document.documentElement.style.setProperty("--header", header.offsetHeight + "px");
    }).observe(header);
  }

  // The sidebar scrolls by itself: bring the current section (or document) into its view,
  // without moving the page.
  function showCurrentInNav() {
    const nav = document.getElementById("site-nav");
    const current = nav && (nav.querySelector(".nav-sections [aria-current]") || nav.querySelector(".nav-documents > .current > a"));
    if (!current || nav.scrollHeight <= nav.clientHeight) return;
    const top = current.getBoundingClientRect().top - nav.getBoundingClientRect().top + nav.scrollTop;
    if (top + current.offsetHeight > nav.scrollTop + nav.clientHeight || top < nav.scrollTop) {
      nav.scrollTop = Math.max(0, top - nav.clientHeight / 3);
    }
  }

  function rewriteForFile() {
    if (!isFile) return;
    $$("a[href]").forEach((a) => {
      if (!/^([a-z]+:|#)/i.test(a.getAttribute("href"))) a.href = fileSafe(a.href);
    });
    $$("form[action]").forEach((f) => { f.action = fileSafe(f.action); });
  }

  /* Citation tools */

  function copyText(text) {
    const fallback = () => {
      const area = el("textarea", { readonly: "", class: "visually-hidden" });
      area.value = text;
      body.appendChild(area);
      area.select();
      let ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      area.remove();
      return ok ? Promise.resolve() : Promise.reject(new Error("copy failed"));
    };
    return navigator.clipboard && window.isSecureContext ? navigator.clipboard.writeText(text).catch(fallback) : fallback();
  }

  // The words of a paragraph as its source prints them: its label, footnote references and tools left out.
  function sourceText(para) {
    const copy = para.cloneNode(true);
    $$(".para-label, .para-tools, .fn-ref, sup, .term-pop", copy).forEach((n) => n.remove());
    return copy.textContent;
  }

  // Text fragments treat "-", "&" and "," specially, so those are encoded too.
  function fragmentText(para) {
    const text = sourceText(para);
    const words = text.trim().split(/\s+/).slice(0, 6).join(" ");
    return encodeURIComponent(words).replace(/[-&,]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
  }

  // The label as citations word it: the page gives the wording of a printed number and of a
  // position (build_tools' label_wording), the label link's class says which this is.
  function labelWording(para) {
    const page = para.closest(".g7-page") || body;
    const position = para.querySelector(".para-label.position");
    const wording = (position ? page.dataset.citePosition : page.dataset.citePrinted) || "¶ {label}";
    return wording.replace("{label}", para.dataset.label);
  }

  function citation(para, url) {
    const d = (para.closest(".g7-page") || body).dataset;
    const parts = [d.docTitle, d.docDate, d.sectionTitle, labelWording(para), d.version && "site version of " + d.version];
    return parts.filter(Boolean).join(", ") + ". " + url +
      "\nText fragment link: " + pageUrl() + "#:~:text=" + fragmentText(para);
  }

  function toolButton(name, label, text, done, makeText) {
    const b = el("button", { type: "button", class: "para-tool " + name, "aria-label": label }, text);
    b.addEventListener("click", () => copyText(makeText()).then(() => {
      announce(done);
      b.classList.add("done");
      setTimeout(() => b.classList.remove("done"), 1800);
    }, () => announce("Copying failed: select and copy the text instead")));
    return b;
  }

  let citeLoading = false;

  function addTools(para) {
    const label = para.dataset.label;
    const url = () => pageUrl() + "#" + para.id;
    para.dataset.printUrl = url();
    const tools = el("div", { class: "para-tools" });
    tools.append(
      toolButton("copy-link", "Copy link to paragraph " + label, "Copy link", "Link copied", url),
      toolButton("copy-cite", "Copy citation of paragraph " + label, "Copy citation", "Citation copied",
        () => citation(para, url())));
    // BibTeX, CSL-JSON and the paragraph's text: js/cite.js fills this menu when it is first opened.
    const more = el("details", { class: "para-more" });
    more.append(el("summary", { class: "para-tool", "aria-label": "More ways to cite paragraph " + label }, "More"),
      el("div", { class: "para-more-menu" }));
    more.addEventListener("toggle", () => {
      if (!more.open || citeLoading) return;
      citeLoading = true;
      loadScript(siteUrl("js/cite.js"), () => window.G7.citeMenus && window.G7.citeMenus());
    });
    tools.append(more);
    para.appendChild(tools);
  }

  /* Landing on a fragment, and forwarding fragments that moved */

  function notice(message) {
    const main = document.getElementById("content");
    const old = document.querySelector(".anchor-notice");
    if (old) old.remove();
    main.insertBefore(el("p", { class: "anchor-notice", role: "status" }, message), main.firstChild);
  }

  // entry: the anchor map's record of the paragraph; sentence: the id asked for is a sentence in it.
  // A same-page replace only changes the hash, so :target and hashchange follow.
  function forward(entry, id, sentence) {
    const target = new URL(base + "/" + entry.url, location.href);
    if (pathOf(target.href) !== pathOf(location.href)) {
      if (sentence) target.hash = "#" + id;
      location.replace(fileSafe(target.href));
    } else if (target.hash !== location.hash) location.replace(target.href);
    else notice("This paragraph link is not known on this page.");
  }

  function resolveHash() {
    let id = location.hash.slice(1);
    try { id = decodeURIComponent(id); } catch (e) { /* keep it raw */ }
    if (!id) return;
    const node = document.getElementById(id);
    if (node) { node.scrollIntoView({ block: "start" }); return; }
    const lookup = () => {
      const map = window.G7_ANCHORS || {};
      const para = id.replace(/\.s\d+$/, "");  // sentence anchors: "<paragraph id>.s2"
      const known = (key) => Object.prototype.hasOwnProperty.call(map, key);
      if (known(id) || known(para)) forward(map[known(id) ? id : para], id, !known(id));
      else notice("This paragraph link is not known: no paragraph on this site has the id “" + id + "”.");
    };
    if (window.G7_ANCHORS) lookup();
    else loadScript(siteUrl("assets/anchor-map.js"), lookup);
  }

  /* Glossary popovers */

  function initTerms() {
    const links = $$("a.term[data-term]");
    if (!links.length) return;
    let loading = false;
    // Definitions live in one shared script, fetched on the first popover, so pages stay light.
    const withTerms = (then) => {
      if (window.G7_TERMS) return then();
      if (loading) return;
      loading = true;
      loadScript(siteUrl("assets/terms.js"), () => { loading = false; if (window.G7_TERMS) then(); });
    };
    // A span placed right after the term it explains, so that Tab goes from the term to the
    // popover's link and on to the rest of the paragraph; shown in the window's coordinates.
    const pop = el("span", { id: "term-pop", class: "term-pop", role: "tooltip", hidden: "" });
    body.appendChild(pop);
    let owner = null, timer = 0, touched = false, wasOpen = false, returning = false;

    const hide = () => {
      clearTimeout(timer);
      if (owner) owner.removeAttribute("aria-describedby");
      owner = null;
      pop.hidden = true;
    };
    const hideSoon = () => { clearTimeout(timer); timer = setTimeout(hide, 250); };
    let tapped = null;
    const wanted = (link) => link.matches(":hover") || document.activeElement === link || tapped === link;
    const show = (link) => {
      clearTimeout(timer);
      if (!window.G7_TERMS) { withTerms(() => { if (wanted(link)) show(link); }); return; }
      const def = window.G7_TERMS[link.dataset.term];
      if (owner === link || !def) return;
      hide();
      pop.textContent = "";
      pop.append(el("strong", {}, def[0]), el("span", {}, def[1]),
        el("a", { class: "term-pop-link", href: link.href }, "Glossary entry"));
      owner = link;
      link.setAttribute("aria-describedby", pop.id);
      link.after(pop);
      pop.hidden = false;
      place();
    };
    // Below the term, or above it when the window has no room below; never past either edge.
    const place = () => {
      if (!owner) return;
      const r = owner.getClientRects()[0] || owner.getBoundingClientRect();
      const last = Array.from(owner.getClientRects()).pop() || r;
      const room = document.documentElement.clientWidth, tall = document.documentElement.clientHeight;
      const width = Math.min(352, room - 16);
      pop.style.width = width + "px";
      pop.style.left = Math.max(8, Math.min(r.left, room - width - 8)) + "px";
      const height = pop.offsetHeight;
      const below = last.bottom + 6, above = r.top - 6 - height;
      pop.style.top = (below + height > tall - 8 && above >= 8 ? above : below) + "px";
    };
    window.addEventListener("scroll", place, { passive: true });
    window.addEventListener("resize", place);

    links.forEach((link) => {
      link.addEventListener("mouseenter", () => show(link));
      link.addEventListener("focus", () => { if (!returning) show(link); });
      link.addEventListener("mouseleave", hideSoon);
      link.addEventListener("blur", hideSoon);
      // On touch the first tap shows the definition and a second tap follows the link. The state is
      // read at pointerdown because the emulated mouseenter shows the popover before the click.
      link.addEventListener("pointerdown", (e) => { touched = e.pointerType === "touch"; wasOpen = owner === link; });
      link.addEventListener("click", (e) => {
        if (touched && !wasOpen) { e.preventDefault(); tapped = link; show(link); }
        touched = false;
      });
    });
    pop.addEventListener("mouseenter", () => clearTimeout(timer));
    pop.addEventListener("focusin", () => clearTimeout(timer));
    pop.addEventListener("mouseleave", hideSoon);
    pop.addEventListener("focusout", hideSoon);
    document.addEventListener("keydown", (e) => {
      if (e.key !== "Escape" || !owner) return;
      const back = pop.contains(document.activeElement) ? owner : null;
      hide();
      if (back) { returning = true; back.focus({ preventScroll: true }); returning = false; }
    });
    document.addEventListener("pointerdown", (e) => {
      if (owner && !pop.contains(e.target) && !owner.contains(e.target)) hide();
    });
  }

  /* Code some pages need: the glossary's filter box; a wide screen's on-page contents */

  function loadExtras() {
    if (document.querySelector(".glossary-az")) loadScript(siteUrl("js/glossary.js"));
    const wide = matchMedia("(min-width: 60.0625rem)");  // where the sidebar shows (site.css)
    let loaded = false;
    const contents = () => {
      if (wide.matches && !loaded && document.querySelector(".g7-page")) { loaded = true; loadScript(siteUrl("js/contents.js")); }
    };
    contents();
    wide.addEventListener("change", contents);
  }

  /* Search: the header box loads the search code (js/search.js) when it is first used */

  function initSearch() {
    const input = document.getElementById("search-input");
    if (!input) return;
    let loaded = false;
    const load = () => { if (!loaded) { loaded = true; loadScript(siteUrl("js/search.js")); } };
    input.addEventListener("focus", load);
    document.addEventListener("keydown", (e) => {
      const typing = e.target.closest && e.target.closest("input, textarea, select, [contenteditable]");
      if (e.key === "/" && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) { e.preventDefault(); input.focus(); }
    });
    if (body.dataset.kind === "search" || new URLSearchParams(location.search).has("highlight")) load();
  }

  /* An address the site does not have: offer the nearest page that it does */

  // Walks up the path one folder at a time, down to the site's root. A host that
  // answers every address with this page is seen through: its answer is skipped.
  async function nearestPage() {
    const holder = document.querySelector(".nearest-page");
    if (!holder || isFile) return;
    const root = new URL(siteUrl(""), location.href).pathname;
    let path = location.pathname;
    while (path.length > root.length) {
      path = path.replace(/[^/]*\/?$/, "");
      if (path.length < root.length) return;
      let found;
      try {
        const response = await fetch(path, { headers: { Accept: "text/html" } });
        if (!response.ok) continue;
        found = new DOMParser().parseFromString(await response.text(), "text/html");
      } catch (e) { return; }
      if (found.body.dataset.kind === "not-found") continue;
      const cut = document.title.lastIndexOf(" · ");
      const siteName = cut < 0 ? "" : document.title.slice(cut);  // " · G7 texts"
      const title = siteName && found.title.endsWith(siteName) ? found.title.slice(0, -siteName.length) : found.title;
      holder.append("The nearest page that exists: ", el("a", { href: path }, title || path));
      holder.hidden = false;
      return;
    }
  }

  window.G7 = { siteUrl, pageUrl, copyText, toolButton, labelWording, sourceText, el, $$ };
  initNav();
  trackHeaderHeight();
  showCurrentInNav();
  rewriteForFile();
  $$(".para[id][data-label]").forEach(addTools);
  // A document's overview prints where its whole text is (print.css shows data-print-url).
  $$("a.full-text-link").forEach((a) => { a.dataset.printUrl = a.href.replace(/index\.html$/, ""); });
  initTerms();
  initSearch();
  loadExtras();
  if (body.dataset.kind === "not-found") nearestPage();
  resolveHash();
  window.addEventListener("hashchange", resolveHash);
})();
