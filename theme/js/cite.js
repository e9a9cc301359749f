// G7 texts: the further citation formats (BibTeX, CSL-JSON, the paragraph's text), loaded
// when a reader first opens a paragraph's "More" menu; and the permanent URLs printed by the
// whole-document page (loaded with that page).
(() => {
  "use strict";
  const G7 = window.G7;
  if (!G7) return;
  const { el, $$ } = G7;

  // What a citation of a paragraph is made of.
  function citeFacts(para, url) {
    const d = (para.closest(".g7-page") || document.body).dataset;
    return {
      title: d.docTitle, date: d.docDate, dateIso: d.docDateIso, section: d.sectionTitle,
      label: para.dataset.label, wording: G7.labelWording(para), numbered: !para.querySelector(".para-label.position"),
      version: d.version, url, id: para.id, site: (document.querySelector(".site-name") || {}).textContent || "",
    };
  }

  const today = () => new Date().toISOString().slice(0, 10);
  const dateParts = (iso) => [iso.split("-").slice(0, 3).map(Number)];

  // BibTeX: braces, backslashes and the characters TeX treats specially are escaped.
  const tex = (s) => String(s || "").replace(/[\\{}%&#_$^~]/g, (c) =>
    ({ "\\": "\\textbackslash{}", "^": "\\textasciicircum{}", "~": "\\textasciitilde{}" })[c] || "\\" + c);

  function bibtex(para, url) {
    const f = citeFacts(para, url);
    const note = [f.section, f.wording, f.version && "site version of " + f.version].filter(Boolean).join(", ");
    const fields = [["title", f.title], ["date", f.dateIso], ["year", (f.dateIso || "").slice(0, 4)],
      ["howpublished", f.site], ["url", url], ["urldate", today()], ["note", note]];
    return "@misc{" + f.id + ",\n" + fields.filter(([, v]) => v)
      .map(([k, v]) => "  " + k + " = {" + (k === "url" ? v : tex(v)) + "}").join(",\n") + "\n}\n";
  }

  // CSL-JSON, as reference managers import it: one item in an array.
  function cslJson(para, url) {
    const f = citeFacts(para, url);
    const item = {
      id: f.id, type: "document", title: f.title, "container-title": f.site,
      "collection-title": f.site, section: f.section || undefined,
      issued: f.dateIso ? { "date-parts": dateParts(f.dateIso) } : undefined,
      URL: url, accessed: { "date-parts": dateParts(today()) },
      locator: f.label, label: "paragraph",
      version: f.version ? "site version of " + f.version : undefined,
      note: f.numbered ? undefined : f.wording,
    };
    return JSON.stringify([item], null, 2) + "\n";
  }

  // The paragraph's text as published: its first block, then each further block or list
  // item on a line of its own (printed markers such as "a)" are part of the item's text).
  function paragraphText(para) {
    const blocks = para.matches("p") ? [para] : $$(":scope > p, :scope > ul > li, :scope > ol > li", para);
    return blocks.map((b) => G7.sourceText(b).trim()).filter(Boolean).join("\n");
  }

  function citeMenu(para) {
    const menu = para.querySelector(".para-more-menu");
    if (!menu || menu.childElementCount) return;
    const label = para.dataset.label;
    const url = () => G7.pageUrl() + "#" + para.id;
    menu.append(
      G7.toolButton("copy-bibtex", "Copy BibTeX of paragraph " + label, "BibTeX", "BibTeX copied", () => bibtex(para, url())),
      G7.toolButton("copy-csl", "Copy CSL-JSON of paragraph " + label, "CSL-JSON", "CSL-JSON copied", () => cslJson(para, url())),
      G7.toolButton("copy-text", "Copy text of paragraph " + label, "Copy text", "Text copied", () => paragraphText(para)));
  }

  // The whole-document page prints each paragraph's permanent URL (its label links to it).
  function markPrintUrls() {
    $$(".whole-para > p:first-child > a.para-label").forEach((a) => {
      a.closest(".whole-para").dataset.printUrl = a.href.replace(/index\.html(?=#|$)/, "");
    });
  }

  G7.citeMenu = citeMenu;
  G7.citeMenus = () => $$(".para[id][data-label]").forEach(citeMenu);
  G7.citeMenus();
  markPrintUrls();
})();
