// Search page: loads the index as a script (works from file:// too) and ranks phrase matches first.
(function () {
  "use strict";
  var MAX = 50;
  var list = document.getElementById("search-results");
  var status = document.querySelector(".search-status");
  var input = document.getElementById("search-input");
  var query = (new URLSearchParams(location.search).get("q") || "").trim();

  // Case, curly quotes, dashes and spaces folded one character for one, so offsets still match the text.
  function fold(text) {
    return text.toLowerCase().replace(/[\u2018\u2019\u02bc]/g, "'").replace(/[\u201c\u201d]/g, '"')
      .replace(/[\u2010-\u2015]/g, "-").replace(/\s/g, " ");
  }

  function words(q) {
    return fold(q).split(/[^\p{L}\p{N}']+/u).filter(Boolean);
  }

  function rank(docs, q) {
    var phrase = fold(q).replace(/ +/g, " ");
    var terms = words(q);
    var hits = [];
    docs.forEach(function (d, order) {
      var title = fold(d.title || "");
      var text = fold(d.text || "");
      var tier;
      if (title.indexOf(phrase) >= 0) tier = 0;
      else if (text.indexOf(phrase) >= 0) tier = 1;
      else if (terms.length && terms.every(function (t) { return title.indexOf(t) >= 0 || text.indexOf(t) >= 0; })) tier = 2;
      else return;
      hits.push({ doc: d, tier: tier, order: order });
    });
    return hits.sort(function (a, b) { return a.tier - b.tier || a.order - b.order; });
  }

  // Returns [start, end) ranges in text to highlight: the phrase, else each word.
  function ranges(text, q) {
    var folded = fold(text);
    var found = [];
    var needles = folded.length === text.length ? [fold(q).replace(/ +/g, " ")].concat(words(q)) : [];
    needles.some(function (n, i) {
      for (var at = folded.indexOf(n); n && at >= 0; at = folded.indexOf(n, at + n.length)) found.push([at, at + n.length]);
      return i === 0 && found.length > 0;
    });
    return found.sort(function (a, b) { return a[0] - b[0]; });
  }

  function snippet(text, q) {
    var marks = ranges(text, q);
    var start = marks.length ? Math.max(0, marks[0][0] - 80) : 0;
    var end = Math.min(text.length, start + 260);
    var out = document.createElement("p");
    out.className = "search-snippet";
    var pos = start;
    var add = function (s) { out.appendChild(document.createTextNode(s)); };
    if (start > 0) add("… ");
    marks.forEach(function (m) {
      if (m[0] < pos || m[1] > end) return;
      add(text.slice(pos, m[0]));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(m[0], m[1]);
      out.appendChild(mark);
      pos = m[1];
    });
    add(text.slice(pos, end) + (end < text.length ? " …" : ""));
    return out;
  }

  function result(hit) {
    var d = hit.doc;
    var li = document.createElement("li");
    li.className = "search-result";
    var a = document.createElement("a");
    a.href = window.G7.siteUrl(d.location);
    a.textContent = d.title;
    var h = document.createElement("h2");
    h.className = "search-result-title";
    h.appendChild(a);
    li.appendChild(h);
    if (d.document) {
      var where = document.createElement("p");
      where.className = "search-where";
      where.textContent = d.document;
      li.appendChild(where);
    }
    if (d.text) li.appendChild(snippet(d.text, query));
    return li;
  }

  function show() {
    var index = window.G7_SEARCH_INDEX;
    if (!index) { status.textContent = "The search index could not be loaded."; return; }
    var hits = rank(index.docs, query);
    var shown = hits.slice(0, MAX);
    list.textContent = "";
    shown.forEach(function (h) { list.appendChild(result(h)); });
    status.textContent = hits.length === 0 ? "No results for “" + query + "”." :
      hits.length + " result" + (hits.length === 1 ? "" : "s") + " for “" + query + "”" +
      (hits.length > MAX ? ", the first " + MAX + " shown." : ".");
    document.title = "Search: " + query + " · " + document.title.replace(/^Search: .* · /, "");
  }

  if (input) input.value = query;
  if (!query) return;
  status.textContent = "Searching…";
  var s = document.createElement("script");
  s.src = window.G7.siteUrl("search/search_index.js");
  s.onload = show;
  s.onerror = show;
  document.head.appendChild(s);
})();
