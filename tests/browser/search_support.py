"""Reading search results as a reader gets them: typed into the header box, key by key."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

TYPING_DELAY_MS = 40
"""Between keys: a quick typist (the box waits for a pause before it searches)."""


@dataclass(frozen=True)
class BoxResult:
    """One result the header box lists."""

    id: str
    """The paragraph's or glossary entry's id: the URL fragment it lands on."""
    path: str
    """The page it lands on, site-root-relative ('doc/section/', 'glossary/')."""
    title: str
    href: str


def type_query(page, query: str) -> tuple[list[BoxResult], float]:
    """Type ``query`` into the header box of the open page, key by key; return the results it
    lists, best first, and the milliseconds from the last key to the results being shown."""
    box = page.locator("#search-input")
    box.click()
    box.fill("")
    # Time from the last key's keydown to the listbox showing this query's results, in the page.
    page.evaluate("""query => {
        window.__searchTiming = {};
        const box = document.getElementById('search-input');
        box.addEventListener('keydown', () => { window.__searchTiming.key = performance.now(); });
        const watch = new MutationObserver(() => {
            const list = document.getElementById('search-options');
            if (list && list.getAttribute('aria-label') === 'Results for “' + query + '”' && !window.__searchTiming.shown)
                window.__searchTiming.shown = performance.now();
        });
        watch.observe(document.querySelector('.search-form'), {subtree: true, childList: true, attributes: true});
    }""", query)
    box.press_sequentially(query, delay=TYPING_DELAY_MS)
    page.wait_for_function("() => window.__searchTiming && window.__searchTiming.shown")
    timing = page.evaluate("window.__searchTiming.shown - window.__searchTiming.key")
    options = page.eval_on_selector_all(
        "#search-options [role=option]",
        "os => os.map(o => [o.href, o.querySelector('.result-title').textContent])")
    results = []
    for href, title in options:
        parts = urlsplit(href)
        results.append(BoxResult(parts.fragment, parts.path.lstrip("/"), title, href))
    return results, timing


def words_of_results(site_root: Path) -> dict[str, str]:
    """Return id → the text a result is found by: a paragraph's text, a glossary entry's names
    and definition."""
    paragraphs = json.loads((site_root / "api" / "paragraphs.json").read_text(encoding="utf-8"))
    entries = json.loads((site_root / "api" / "glossary.json").read_text(encoding="utf-8"))
    texts = {p["id"]: p["text"] for p in paragraphs}
    texts.update({e["id"]: " ".join(filter(None, [e["name"], e["acronym"], *e["aliases"], e["definition"]]))
                  for e in entries})
    return texts


def holds_word(text: str, word: str) -> bool:
    """Return True when ``text`` holds ``word`` as a whole word, in any case ('AI-based' holds
    'AI'; 'aid' and 'aims' do not)."""
    return re.search(rf"(?<![\w]){re.escape(word)}(?![\w])", text, re.IGNORECASE) is not None
