"""Old links in a real browser: after each anchor edit scenario, every link published
before it lands on the same words (or on their removal notice), highlighted."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from browser_support import Site, open_context, serve_folder
from tests.helpers import build, copy_source
from tests.test_anchor_scenarios import SCENARIOS, TEXT, covered

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def before(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("old-links")
    copy_source(base / "source")
    assert build(base / "source", base / "site", date="2026-01-15") == 0
    return base


def changed_links(before: Path, after: Path) -> list[tuple[str, str, str]]:
    """Return (old url, id it should land on, old text) of every published link whose target changed.

    A merged id lands on the paragraph it was merged into; every other id on itself.
    """
    old = json.loads((before / "site" / "api" / "paragraphs.json").read_text(encoding="utf-8"))
    now = {r["id"]: r for r in json.loads((after / "site" / "api" / "anchors.json").read_text(encoding="utf-8"))}
    labels = {r["id"]: r["label"] for r in
              json.loads((after / "site" / "api" / "paragraphs.json").read_text(encoding="utf-8"))}
    return [(r["url"], now[r["id"]]["url"].partition("#")[2], r["text"]) for r in old
            if now[r["id"]]["url"] != r["url"] or now[r["id"]]["status"] != "current"
            or labels.get(r["id"]) != r["label"]]


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_links_published_before_the_edit_land_on_their_words(browser, before, tmp_path, scenario):
    source = tmp_path / "source"
    shutil.copytree(before / "source", source)
    text = source / TEXT
    text.write_text(SCENARIOS[scenario](text.read_text(encoding="utf-8")), encoding="utf-8")
    assert build(source, tmp_path / "site", date="2026-03-01") == 0
    links = changed_links(before, tmp_path)
    if scenario not in ("insert-section", "swap-two"):
        assert links, "the scenario changed no published link"
    old = json.loads((before / "site" / "api" / "paragraphs.json").read_text(encoding="utf-8"))
    links += [(r["url"], r["id"], r["text"]) for r in old[:: max(1, len(old) // 5)]
              if (tmp_path / "site" / r["url"].partition("#")[0] / "index.html").is_file()]
    server = serve_folder(tmp_path / "site")
    site = Site(tmp_path / "site", f"http://127.0.0.1:{server.server_address[1]}/")
    context, watch = open_context(browser, site)
    page = context.new_page()
    try:
        for url, pid, words in links:
            page.goto(site.url(url))
            page.wait_for_function(
                "id => { const e = document.getElementById(id); return e && e.matches(':target'); }",
                arg=pid)
            shown = page.evaluate("id => document.getElementById(id).innerText", pid)
            assert covered(shown.split(" ", 1)[-1], words) > 0.5 or covered(words, shown) > 0.8, (pid, url)
            top = page.evaluate("id => document.getElementById(id).getBoundingClientRect().top", pid)
            header = page.evaluate("() => document.querySelector('.site-header').getBoundingClientRect().bottom")
            assert top >= header - 1, f"{pid} hidden under the header"
        assert not watch.errors, watch.errors
    finally:
        context.close()
        server.shutdown()
