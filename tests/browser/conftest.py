"""Browser tests: build the site once, serve it on 127.0.0.1, drive the system Chromium.

Chromium must be installed (`make browser-deps`); a missing browser fails the run
instead of skipping it, so CI never passes without having looked at the pages.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from browser_support import CHROMIUM_ARGS, PHONE, ROOT, Site, open_context


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

    def send_error(self, code, message=None, explain=None):
        # Answer a missing address with the site's own 404.html, as static hosts do.
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.exists():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


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
