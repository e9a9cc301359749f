// G7 texts: navigation, paragraph citation tools, fragment forwarding, glossary popovers.
(function () {
  "use strict";
  var body = document.body;
  var base = body.getAttribute("data-base") || ".";
  var isFile = location.protocol === "file:";
  var live;

  // Site-root-relative path -> URL usable from this page (index.html added under file://).
  function siteUrl(path) {
    return fileSafe(new URL(base + "/" + path, location.href).href);
  }

  // Opened from disk, a folder URL shows a listing: point it at its index.html.
  function fileSafe(href) {
    if (!isFile) return href;
    var u = new URL(href, location.href);
    if (u.protocol === "file:" && u.pathname.slice(-1) === "/") u.pathname += "index.html";
    return u.href;
  }

  function pageUrl() {
    return location.href.split("#")[0];
  }

  function samePage(href) {
    var strip = function (p) { return p.replace(/index\.html$/, ""); };
    var u = new URL(href, location.href);
    return strip(u.pathname) === strip(location.pathname);
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text) node.textContent = text;
    return node;
  }

  function announce(message) {
    if (!live) {
      live = el("div", { class: "visually-hidden", role: "status", "aria-live": "polite" });
      body.appendChild(live);
    }
    live.textContent = "";
    setTimeout(function () { live.textContent = message; }, 50);
  }

  function loadScript(src, done) {
    var s = el("script", { src: src });
    s.onload = done;
    s.onerror = done;
    document.head.appendChild(s);
  }

  /* Navigation */

  function initNav() {
    var toggle = document.querySelector(".nav-toggle");
    var nav = document.getElementById("site-nav");
    if (!toggle || !nav) return;
    var setOpen = function (open) {
      nav.classList.toggle("open", open);
      toggle.setAttribute("aria-expanded", String(open));
      body.classList.toggle("nav-open", open);
    };
    toggle.addEventListener("click", function () { setOpen(!nav.classList.contains("open")); });
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && nav.classList.contains("open")) {
        setOpen(false);
        toggle.focus();
      }
    });
  }

  function rewriteForFile() {
    if (!isFile) return;
    document.querySelectorAll("a[href]").forEach(function (a) {
      var href = a.getAttribute("href");
      if (/^[a-z]+:/i.test(href) || href.charAt(0) === "#") return;
      a.href = fileSafe(a.href);
    });
    document.querySelectorAll("form[action]").forEach(function (f) { f.action = fileSafe(f.action); });
  }

  /* Citation tools */

  function copyText(text) {
    var fallback = function () {
      var area = el("textarea", { readonly: "", class: "visually-hidden" });
      area.value = text;
      body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      body.removeChild(area);
      return ok ? Promise.resolve() : Promise.reject(new Error("copy failed"));
    };
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(fallback);
    }
    return fallback();
  }

  function paraText(para) {
    var spans = para.querySelectorAll(".para-text > .src, .items .src");
    return Array.prototype.map.call(spans, function (s) { return s.textContent; }).join(" ");
  }

  // Text fragments treat "-", "&" and "," specially, so encode them too.
  function fragmentText(text) {
    var words = text.trim().split(/\s+/).slice(0, 6).join(" ");
    return encodeURIComponent(words).replace(/[-&,]/g, function (c) {
      return "%" + c.charCodeAt(0).toString(16).toUpperCase();
    });
  }

  function citation(para, url) {
    var page = para.closest(".g7-page") || body;
    var parts = [page.getAttribute("data-doc-title"), page.getAttribute("data-doc-date"),
      page.getAttribute("data-section-title"), "¶ " + para.getAttribute("data-label")];
    return parts.filter(Boolean).join(", ") + ". " + url +
      "\nText fragment link: " + pageUrl() + "#:~:text=" + fragmentText(paraText(para));
  }

  function toolButton(kind, label, text, onClick) {
    var b = el("button", { type: "button", class: "para-tool " + kind, "aria-label": label }, text);
    b.addEventListener("click", function () {
      onClick().then(function () {
        b.classList.add("done");
        setTimeout(function () { b.classList.remove("done"); }, 1800);
      }, function () { announce("Copying failed: select and copy the text instead"); });
    });
    return b;
  }

  function addTools(para) {
    var label = para.getAttribute("data-label");
    var url = pageUrl() + "#" + para.id;
    para.setAttribute("data-print-url", url);
    var tools = el("div", { class: "para-tools" });
    tools.appendChild(toolButton("copy-link", "Copy link to paragraph " + label, "Copy link", function () {
      return copyText(url).then(function () { announce("Link copied"); });
    }));
    tools.appendChild(toolButton("copy-cite", "Copy citation of paragraph " + label, "Copy citation", function () {
      return copyText(citation(para, url)).then(function () { announce("Citation copied"); });
    }));
    para.appendChild(tools);
  }

  /* Landing on a fragment, and forwarding fragments that moved */

  function showTarget(node) {
    node.scrollIntoView({ block: "start" });
  }

  function notice(message) {
    var main = document.getElementById("content");
    var old = document.querySelector(".anchor-notice");
    if (old) old.remove();
    var p = el("p", { class: "anchor-notice", role: "status" }, message);
    main.insertBefore(p, main.firstChild);
  }

  // A same-page replace only changes the hash, so :target and hashchange follow.
  function forward(id, entry) {
    var target = new URL(base + "/" + entry.url, location.href);
    if (!samePage(target.href) || target.hash !== location.hash) location.replace(fileSafe(target.href));
    else notice("This paragraph link is not known on this page.");
  }

  function resolveHash() {
    var id = "";
    try { id = decodeURIComponent(location.hash.slice(1)); } catch (e) { id = location.hash.slice(1); }
    if (!id) return;
    var node = document.getElementById(id);
    if (node) { showTarget(node); return; }
    var lookup = function () {
      var entry = window.G7_ANCHORS && Object.prototype.hasOwnProperty.call(window.G7_ANCHORS, id) && window.G7_ANCHORS[id];
      if (entry) forward(id, entry);
      else notice("This paragraph link is not known: #" + id + " matches no paragraph on this site.");
    };
    if (window.G7_ANCHORS) lookup();
    else loadScript(new URL(base + "/assets/anchor-map.js", location.href).href, lookup);
  }

  /* Glossary popovers */

  function initTerms() {
    var links = document.querySelectorAll("a.term[data-term]");
    if (!links.length) return;
    var pop = el("div", { id: "term-pop", class: "term-pop", role: "tooltip", hidden: "" });
    var owner = null;
    var hideTimer = 0;
    var touched = false;
    var wasOpen = false;
    body.appendChild(pop);

    var find = function (tag, id) {
      return Array.prototype.find.call(document.querySelectorAll(".term-defs " + tag), function (n) {
        return n.getAttribute("data-term") === id;
      });
    };
    var hide = function () {
      clearTimeout(hideTimer);
      if (owner) owner.removeAttribute("aria-describedby");
      owner = null;
      pop.hidden = true;
    };
    var place = function (link) {
      var r = link.getBoundingClientRect();
      var width = Math.min(352, document.documentElement.clientWidth - 16);
      pop.style.width = width + "px";
      pop.style.left = Math.max(8, Math.min(r.left, document.documentElement.clientWidth - width - 8)) + window.scrollX + "px";
      pop.style.top = r.bottom + window.scrollY + 6 + "px";
    };
    var show = function (link) {
      clearTimeout(hideTimer);
      if (owner === link) return;
      hide();
      var id = link.getAttribute("data-term");
      var dt = find("dt", id);
      var dd = find("dd", id);
      if (!dt) return;
      pop.textContent = "";
      pop.appendChild(el("strong", { class: "term-pop-name" }, dt.textContent));
      if (dd) pop.appendChild(el("span", { class: "term-pop-def" }, dd.textContent));
      pop.appendChild(el("a", { class: "term-pop-link", href: link.href }, "Glossary entry"));
      owner = link;
      link.setAttribute("aria-describedby", "term-pop");
      pop.hidden = false;
      place(link);
    };
    var hideSoon = function () {
      clearTimeout(hideTimer);
      hideTimer = setTimeout(hide, 250);
    };

    links.forEach(function (link) {
      link.addEventListener("mouseenter", function () { show(link); });
      link.addEventListener("mouseleave", hideSoon);
      link.addEventListener("focus", function () { show(link); });
      link.addEventListener("blur", hideSoon);
      // On touch the first tap shows the definition; a second tap follows the link.
      // Read the state at pointerdown: the compatibility mouseenter shows the popover before click.
      link.addEventListener("pointerdown", function (e) {
        touched = e.pointerType === "touch";
        wasOpen = owner === link;
      });
      link.addEventListener("click", function (e) {
        if (touched && !wasOpen) { e.preventDefault(); show(link); }
        touched = false;
      });
    });
    pop.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
    pop.addEventListener("mouseleave", hideSoon);
    pop.addEventListener("focusin", function () { clearTimeout(hideTimer); });
    pop.addEventListener("focusout", hideSoon);
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && owner) hide();
    });
    document.addEventListener("pointerdown", function (e) {
      if (owner && !pop.contains(e.target) && !owner.contains(e.target)) hide();
    });
  }

  window.G7 = { siteUrl: siteUrl, fileSafe: fileSafe };
  initNav();
  rewriteForFile();
  document.querySelectorAll(".para[id][data-label]").forEach(addTools);
  initTerms();
  if (body.getAttribute("data-kind") === "search") loadScript(siteUrl("js/search.js"));
  resolveHash();
  window.addEventListener("hashchange", resolveHash);
})();
