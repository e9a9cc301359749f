// G7 texts: the page's own contents in the sidebar, following the scroll. site.js loads this file on a wide screen (where the sidebar shows).
(() => {
  "use strict";
  const { el, $$, sourceText, siteUrl } = window.G7;
  document.head.appendChild(el("link", { rel: "stylesheet", href: siteUrl("css/contents.css") }));

  // On wide screens, the page's own contents in the sidebar, following the scroll. A section
  // page has one heading, so its contents are its paragraphs (label and first words), nested
  // under the current section; any other page lists its headings under "On this page".
  function initOnPage() {
    const nav = document.getElementById("site-nav");
    const content = document.querySelector(".g7-page");
    if (!nav || !content) return;
    const paras = $$(".para[id][data-label]", content);
    const targets = paras.length > 1 ? paras : $$("h2[id]", content);
    if (targets.length < 2) return;
    const section = nav.querySelector(".nav-sections [aria-current]");
    const list = el("ol", { class: "on-page" });
    const links = targets.map((target) => {
      const a = el("a", { href: "#" + target.id });
      if (target.dataset.label) {
        a.append(el("span", { class: "on-page-label" }, "¶ " + target.dataset.label),
          " " + sourceText(target).trim().split(/\s+/).slice(0, 12).join(" "));
      } else {
        const heading = target.cloneNode(true);
        $$(".headerlink", heading).forEach((n) => n.remove());
        a.textContent = heading.textContent.trim();
      }
      list.appendChild(el("li")).appendChild(a);
      return a;
    });
    if (paras.length > 1 && section) {
      list.setAttribute("aria-label", "Paragraphs of this section");
      section.parentNode.appendChild(list);
    } else {
      const box = el("div", { class: "on-page-box" });
      box.append(el("h2", { class: "nav-heading", id: "on-page-heading" }, "On this page"), list);
      list.setAttribute("aria-labelledby", "on-page-heading");
      nav.prepend(box);
    }
    let current = null, queued = false;
    const follow = () => {
      queued = false;
      const line = innerHeight * 0.3;
      let at = 0;
      targets.forEach((t, i) => { if (t.getBoundingClientRect().top <= line) at = i; });
      if (innerHeight + scrollY >= document.documentElement.scrollHeight - 2) at = targets.length - 1;  // the end reached
      if (links[at] === current) return;
      if (current) current.removeAttribute("aria-current");
      current = links[at];
      current.setAttribute("aria-current", "location");
      // Keep it in the sidebar's view, without moving the page.
      const r = current.getBoundingClientRect(), box = nav.getBoundingClientRect();
      if (r.bottom > box.bottom) nav.scrollTop += r.bottom - box.bottom + 24;
      else if (r.top < box.top) nav.scrollTop -= box.top - r.top + 24;
    };
    window.addEventListener("scroll", () => { if (!queued) { queued = true; requestAnimationFrame(follow); } }, { passive: true });
    follow();
  }

  initOnPage();
})();
