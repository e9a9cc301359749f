"""Browser tests: build the site once, serve it on 127.0.0.1, drive the system Chromium.

Chromium must be installed (`make browser-deps`); a missing browser fails the run
instead of skipping it, so CI never passes without having looked at the pages.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path

import pytest

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


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Site:
    tmp = tmp_path_factory.mktemp("browser-site")
    source = tmp / "source"
    shutil.copytree(ROOT / "source", source)
    out = tmp / "site"
    env = dict(os.environ, G7_BUILD_DATE="2026-01-01")
    run = subprocess.run([sys.executable, "-m", "build_tools", "build", "--source", str(source),
                          "--site-dir", str(out)], cwd=ROOT, env=env, capture_output=True, text=True)
    assert run.returncode == 0, f"site build failed:\n{run.stdout}\n{run.stderr}"

    handler = functools.partial(_QuietHandler, directory=str(out))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield Site(out, f"http://127.0.0.1:{server.server_address[1]}/")
    server.shutdown()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep pytest output readable
        pass


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        pytest.fail("Chromium is not installed: run `make browser-deps` (or `apt-get install chromium`).")
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@dataclass
class Watch:
    """What pages asked for and complained about while a test ran."""

    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def open_context(browser, site: Site, **options):
    """Return (context, watch): a browser context allowed to use the clipboard on the site."""
    options.setdefault("viewport", DESKTOP)
    context = browser.new_context(**options)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.base.rstrip("/"))
    watch = Watch()
    context.on("request", lambda r: watch.requests.append(r.url))
    context.on("console", lambda m: m.type == "error" and watch.errors.append(m.text))
    context.on("page", lambda p: p.on("pageerror", lambda e: watch.errors.append(str(e))))
    return context, watch


@pytest.fixture
def watched(browser, site):
    context, watch = open_context(browser, site)
    page = context.new_page()
    yield page, watch
    context.close()


@pytest.fixture
def page(watched):
    return watched[0]


@pytest.fixture
def phone(browser, site):
    context, _ = open_context(browser, site, viewport=PHONE, has_touch=True, is_mobile=True)
    yield context.new_page()
    context.close()
