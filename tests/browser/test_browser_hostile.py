"""Hostile values in Chromium: a site built from a title, heading, sidecar place, glossary
and topics that are markup runs no script on any page (no dialog opens) and shows the
values as the characters they are."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from browser_support import ROOT, Site, open_context, serve_folder
from tests import hostile_source as hostile

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Site:
    base = tmp_path_factory.mktemp("hostile-browser")
    source = hostile.make_hostile_source(base / "source")
    out = base / "site"
    run = subprocess.run([sys.executable, "-m", "build_tools", "build", "--source", str(source),
                          "--site-dir", str(out)], cwd=ROOT, capture_output=True, text=True,
                         env=dict(os.environ, G7_BUILD_DATE="2026-01-01"))
    assert run.returncode == 0, run.stderr
    server = serve_folder(out)
    yield Site(out, f"http://127.0.0.1:{server.server_address[1]}/")
    server.shutdown()


@pytest.fixture
def dialogs_and_page(browser, hostile_site):
    context, _ = open_context(browser, hostile_site)
    page = context.new_page()
    dialogs: list[str] = []

    def on_dialog(dialog):
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    yield dialogs, page
    context.close()


def test_no_page_of_the_hostile_site_opens_a_dialog(dialogs_and_page, hostile_site):
    dialogs, page = dialogs_and_page
    urls = sorted(p.relative_to(hostile_site.root).as_posix().removesuffix("index.html")
                  for p in hostile_site.root.rglob("*.html"))
    assert f"{hostile.SLUG}/" in urls and "glossary/" in urls and "topics/borders/" in urls
    for url in urls:
        page.goto(hostile_site.url(url))
        page.wait_for_load_state("load")
    page.goto(hostile_site.url("search/?q=cooperate"))
    page.locator(".search-result").first.wait_for()
    assert dialogs == []


def test_hostile_values_show_as_text_in_title_navigation_masthead_popover_and_search(
        dialogs_and_page, hostile_site):
    dialogs, page = dialogs_and_page
    page.goto(hostile_site.url(f"{hostile.SLUG}/markup-img-src-data-onerror-alert-2-section/"))
    assert page.title() == f"{hostile.HEADING} · {hostile.TITLE} · G7 texts"
    assert page.locator("h1.section-title").evaluate("h => h.firstChild.textContent") == hostile.HEADING
    assert page.locator(".nav-documents > li > a").first.inner_text() == hostile.TITLE
    assert page.locator(".nav-topics a").first.inner_text() == hostile.TOPIC_TITLE
    assert hostile.PLACE in page.locator(".doc-masthead").inner_text()
    page.locator("a.term").first.hover()
    popover = page.locator("#term-pop")
    popover.wait_for()
    assert hostile.TERM_NAME in popover.inner_text() and hostile.TERM_DEFINITION in popover.inner_text()
    page.goto(hostile_site.url("search/?q=cooperate"))
    titles = page.locator(".search-result .result-title a")
    titles.first.wait_for()
    assert any(t.endswith(f" · {hostile.TITLE} 2024") and t.startswith(hostile.HEADING) for t in titles.all_inner_texts())
    assert dialogs == []
