"""What a reader's first search costs, measured in Chromium: the bytes it transfers and the
time from the last key to the results.

The site is served from 127.0.0.1; a reader opens a section page, clicks the header's
search box and types a query key by key. Everything requested from the click on (the search
UI's code and style, Pagefind's code, its index, the fragments of the results shown) is
counted at the size a static server sends it: gzip-compressed (level 6) when that is
smaller, as is, for Pagefind's files, which it compresses itself.

Used by the benchmark and by ``tests/browser/test_browser_search_budget.py``. Needs the
``playwright`` package and Chromium from the system packages (``make test`` installs both).
"""

from __future__ import annotations

import functools
import gzip
import http.server
import shutil
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator
from urllib.parse import unquote, urlsplit

TYPING_DELAY_MS = 40
"""Between keys: a quick typist (the box waits for a pause before it searches)."""
QUERIES = ("migrant smuggling", "AI", "ransomware investigation")
"""What the benchmark searches: two words, a short word that prefixes many, two words that
fall in different parts of the index."""


@dataclass(frozen=True)
class FirstSearch:
    """One first search, in a browser with nothing cached."""

    query: str
    sent: dict[str, int]
    """Site-root-relative path → bytes sent for it."""
    results: int
    """How many results the box listed."""
    milliseconds: float
    """From the last key's keydown to the results being shown."""

    @property
    def total(self) -> int:
        return sum(self.sent.values())


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@contextmanager
def serve_folder(root: Path) -> Iterator[str]:
    """Serve ``root`` on 127.0.0.1 while the block runs; yield its base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


def sent_size(path: Path) -> int:
    """Return the bytes a static server sends for ``path``: gzip-compressed when smaller."""
    data = path.read_bytes()
    return min(len(data), len(gzip.compress(data, 6)))


def first_search(browser, root: Path, base: str, page_path: str, query: str) -> FirstSearch:
    """Open ``page_path`` of the site at ``base`` (files in ``root``) in a fresh context of
    ``browser``, type ``query`` into the search box; return what that cost."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(base + page_path)
    page.wait_for_load_state("networkidle")
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    box = page.locator("#search-input")
    box.click()
    page.evaluate("""query => {
        window.__search = {};
        document.getElementById('search-input').addEventListener('keydown', () => { window.__search.key = performance.now(); });
        new MutationObserver(() => {
            const list = document.getElementById('search-options');
            if (list && list.getAttribute('aria-label') === 'Results for “' + query + '”' && !window.__search.shown)
                window.__search.shown = performance.now();
        }).observe(document.querySelector('.search-form'), {subtree: true, childList: true, attributes: true});
    }""", query)
    box.press_sequentially(query, delay=TYPING_DELAY_MS)
    page.wait_for_function("() => window.__search.shown")
    page.wait_for_load_state("networkidle")
    milliseconds = page.evaluate("window.__search.shown - window.__search.key")
    results = page.locator("#search-options [role=option]").count()
    context.close()
    sent = {}
    for url in requested:
        if url.startswith(base):
            path = unquote(urlsplit(url).path).lstrip("/")
            sent[path] = sent_size(root / path)
    return FirstSearch(query, sent, results, milliseconds)


def measure(site: Path, page_path: str, queries: tuple[str, ...] = QUERIES) -> list[FirstSearch] | None:
    """Return the first searches of ``queries`` on the built site at ``site``, from its page
    ``page_path``; None when Chromium or playwright is missing."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    if not chromium:
        return None
    with sync_playwright() as pw, serve_folder(site) as base:
        browser = pw.chromium.launch(executable_path=chromium, headless=True, args=["--no-sandbox", "--disable-gpu"])
        try:
            return [first_search(browser, site, base, page_path, q) for q in queries]
        finally:
            browser.close()
