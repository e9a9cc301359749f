// G7 texts: the glossary page's filter box. site.js loads this file on the glossary page.
(() => {
  "use strict";
  const { el, $$ } = window.G7;

  /* Glossary: a filter box over the entries (without JS the page is the plain A–Z list) */

  function initGlossaryFilter() {
    const bar = document.querySelector(".glossary-az");
    if (!bar) return;
    // Each entry: its heading and the blocks after it, up to the next heading. It is found by
    // its names and definition, not by the names of the entries it links to.
    const entries = $$("h3.entry-name").map((head) => {
      const blocks = [head];
      for (let n = head.nextElementSibling; n && !/^H[23]$/.test(n.tagName); n = n.nextElementSibling) blocks.push(n);
      const named = blocks.filter((b) => b.matches("h3, .entry-definition, .entry-aliases"));
      return { blocks, text: named.map((b) => b.textContent).join(" ").toLowerCase() };
    });
    const letters = $$("h2.glossary-letter");
    const label = el("label", { class: "glossary-filter" }, "Filter entries ");
    const input = el("input", { type: "search", autocomplete: "off", spellcheck: "false", "aria-controls": "content" });
    const status = el("span", { class: "glossary-filter-status", role: "status" });
    label.append(input);
    bar.after(label, status);
    input.addEventListener("input", () => {
      const words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      let shown = 0;
      entries.forEach((e) => {
        const keep = words.every((w) => e.text.includes(w));
        e.blocks.forEach((b) => { b.hidden = !keep; });
        shown += keep;
      });
      letters.forEach((h) => { h.hidden = !entries.some((e) => e.letter === h && !e.blocks[0].hidden); });
      status.textContent = words.length ? shown + " of " + entries.length + " entries" : "";
    });
    entries.forEach((e) => {
      let n = e.blocks[0].previousElementSibling;
      while (n && n.tagName !== "H2") n = n.previousElementSibling;
      e.letter = n;
    });
  }

  initGlossaryFilter();
})();
