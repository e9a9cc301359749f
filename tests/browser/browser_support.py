"""Shared pieces of the browser tests: where things are, the built site, a watched browser context."""

from __future__ import annotations

import functools
import http.server
import json
import threading
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "tests" / "browser" / "vendor" / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "tests" / "artifacts" / "screenshots"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


@dataclass
class Site:
    """The built site on disk and the URL it is served at."""

    root: Path
    base: str  # "http://127.0.0.1:PORT/"

    def url(self, path: str) -> str:
        """Return the served URL of a site-root-relative path."""
        return self.base + path

    @functools.cached_property
    def paragraphs(self) -> list[dict]:
        return json.loads((self.root / "api" / "paragraphs.json").read_text(encoding="utf-8"))

    def paragraph(self, id_: str) -> dict:
        return next(p for p in self.paragraphs if p["id"] == id_)

    def pages_under(self, folder: str) -> list[str]:
        """Return site-root-relative URLs of the pages in folder/<name>/."""
        return sorted(f"{folder}/{p.parent.name}/" for p in (self.root / folder).glob("*/index.html"))

    def has_page(self, path: str) -> bool:
        return (self.root / path / "index.html").is_file()

    @property
    def section_pages(self) -> list[str]:
        """Return the URLs of every section page (pages holding paragraphs)."""
        return sorted({p["url"].split("#")[0] for p in self.paragraphs})


@dataclass
class Watch:
    """What pages asked for and complained about while a test ran."""

    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def open_context(browser, site: Site, **options):
    """Return (context, watch): a browser context allowed to use the clipboard on the site."""
    options.setdefault("viewport", DESKTOP)
    context = browser.new_context(**options)
    context.set_default_timeout(5000)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.base.rstrip("/"))
    watch = Watch()
    context.on("request", lambda r: watch.requests.append(r.url))
    context.on("console", lambda m: m.type == "error" and watch.errors.append(m.text))
    context.on("page", lambda p: p.on("pageerror", lambda e: watch.errors.append(str(e))))
    return context, watch


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep pytest output readable
        pass


def serve_folder(root: Path) -> http.server.ThreadingHTTPServer:
    """Return a server (already serving, in a thread) of the files under ``root`` on
    127.0.0.1 at a free port; ``shutdown()`` stops it."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             functools.partial(_QuietHandler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server

