// Compare two versions of a document, word by word. The page holds a form; the document's
// history (assets/versions/<doc>.js, window.G7_VERSIONS) gives every state of every paragraph.
(() => {
  "use strict";
  const app = document.querySelector("[data-compare]");
  const data = window.G7_VERSIONS;
  if (!app || !data || data.versions.length < 2) return;
  const el = (tag, attrs, text) => {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
    if (text) node.textContent = text;
    return node;
  };
  const GONE = new Set(["removed", "merged"]);
  const sectionRank = new Map(data.sections.map(([url], i) => [url, i]));
  const sectionTitle = new Map(data.sections);
  const labelKey = (label) => {
    const m = /^(P?)(\d+)(.*)$/.exec(label);
    return m ? [m[1] ? 0 : 1, Number(m[2]), m[3]] : [2, 0, label];
  };
  const cmp = (a, b) => { for (let i = 0; i < a.length; i++) { if (a[i] < b[i]) return -1; if (a[i] > b[i]) return 1; } return 0; };

  // Every paragraph's state at version index v (as model/versions.py text_at reads it).
  function stateAt(v) {
    const found = new Map();
    data.paragraphs.forEach((p) => {
      let state = null;
      for (const h of p.history) { if (h[0] > v) break; state = h; }
      if (state && !GONE.has(state[1])) found.set(p.id, { label: state[2], section: state[3], text: state[4], numbered: p.numbered });
    });
    return found;
  }

  // Word-level differences: the longest common run of words kept, the rest deleted or inserted.
  function wordDiff(before, after) {
    const a = before.match(/\S+|\s+/g) || [], b = after.match(/\S+|\s+/g) || [];
    const n = a.length, m = b.length;
    const lcs = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
    for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--)
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    const out = el("span");
    let i = 0, j = 0;
    const put = (tag, text) => {
      const last = out.lastChild;
      if (tag && last && last.nodeName.toLowerCase() === tag) last.textContent += text;
      else out.append(tag ? el(tag, {}, text) : document.createTextNode(text));
    };
    while (i < n || j < m) {
      if (i < n && j < m && a[i] === b[j]) { put("", a[i]); i++; j++; }
      else if (j < m && (i === n || lcs[i][j + 1] >= lcs[i + 1][j])) { put("ins", b[j]); j++; }
      else { put("del", a[i]); i++; }
    }
    return out;
  }

  const label = (s) => (s.numbered === false || (s.numbered == null && !/^\d/.test(s.label)) ? "¶ [" + s.label + "]" : "¶ " + s.label);

  function show(from, to) {
    result.textContent = "";
    const before = stateAt(from), after = stateAt(to);
    const ids = [...new Set([...after.keys(), ...before.keys()])];
    const place = (id) => after.get(id) || before.get(id);
    ids.sort((x, y) => cmp([sectionRank.get(place(x).section) ?? 1e9, ...labelKey(place(x).label)],
                           [sectionRank.get(place(y).section) ?? 1e9, ...labelKey(place(y).label)]));
    let unchanged = 0, changed = 0, section = null;
    ids.forEach((id) => {
      const a = before.get(id), b = after.get(id);
      let kind;
      if (!a) kind = "Added";
      else if (!b) kind = "Removed";
      else if (a.text !== b.text) kind = "Amended";
      else if (a.section !== b.section) kind = "Moved";
      else if (a.label !== b.label) kind = "Renumbered";
      else { unchanged++; return; }
      changed++;
      const s = place(id).section;
      if (s !== section) { section = s; result.append(el("h2", {}, sectionTitle.get(s) || s)); }
      const block = el("div", { class: "version-para compare-para compare-" + kind.toLowerCase(), "data-paragraph": id });
      const where = b ? label(b) + (a && a.label !== b.label ? " (was " + label(a) + ")" : "") : label(a);
      block.append(el("span", { class: "change-kind" }, kind), el("span", { class: "para-label-inline" }, where + " "));
      if (kind === "Added") block.append(el("ins", {}, b.text));
      else if (kind === "Removed") block.append(el("del", {}, a.text));
      else block.append(wordDiff(a.text, b.text));
      result.append(block);
    });
    const names = data.versions;
    summary.textContent = changed
      ? `${changed} paragraph${changed === 1 ? "" : "s"} changed between ${names[from].name} and ${names[to].name}; ${unchanged} unchanged.`
      : `No paragraph changed between ${names[from].name} and ${names[to].name}.`;
    const params = new URLSearchParams({ from: names[from].id, to: names[to].id });
    history.replaceState(null, "", "?" + params);
  }

  const form = el("form", { class: "compare-form" });
  const pick = (name, text, chosen) => {
    const wrap = el("label", {}, text);
    const select = el("select", { name });
    data.versions.forEach((v, i) => { const o = el("option", { value: String(i) }, v.name); o.selected = i === chosen; select.append(o); });
    wrap.append(select);
    form.append(wrap);
    return select;
  };
  const asked = new URLSearchParams(location.search);
  const find = (id, fallback) => { const i = data.versions.findIndex((v) => v.id === id); return i < 0 ? fallback : i; };
  const last = data.versions.length - 1;
  const fromPick = pick("from", "From version", find(asked.get("from"), last - 1));
  const toPick = pick("to", "To version", find(asked.get("to"), last));
  form.append(el("button", { type: "submit" }, "Compare"));
  const summary = el("p", { class: "compare-summary", role: "status" });
  const result = el("div", { class: "compare-result" });
  form.addEventListener("submit", (e) => { e.preventDefault(); show(Number(fromPick.value), Number(toPick.value)); });
  app.append(form, summary, result);
  app.hidden = false;
  show(Number(fromPick.value), Number(toPick.value));
})();
