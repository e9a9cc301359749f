"""Bad input, markup: a title, heading, sidecar, glossary or topics value that is markup
is shown as those characters on every page and in every attribute, and is held raw
(JSON-encoded, no HTML entities) in the exports and the search index."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from tests import hostile_source as hostile
from tests.helpers import build, search_fragments


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("hostile")
    source = hostile.make_hostile_source(base / "source")
    site = base / "site"
    assert build(source, site) == 0
    return site


def _pages(site: Path) -> dict[str, BeautifulSoup]:
    return {p.relative_to(site).as_posix(): BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser")
            for p in site.rglob("*.html")}


def _section_page(site: Path) -> BeautifulSoup:
    return _pages(site)[f"{hostile.SLUG}/markup-img-src-data-onerror-alert-2-section/index.html"]


def test_no_page_holds_an_element_or_event_handler_made_from_source_values(hostile_site):
    for path, soup in _pages(hostile_site).items():
        assert soup.find(["svg", "img", "b"]) is None, path
        assert [s for s in soup.find_all("script") if not s.get("src")] == [], path
        handlers = [(tag.name, name) for tag in soup.find_all(True) for name in tag.attrs
                    if name.lower().startswith("on")]
        assert handlers == [], path


def test_the_title_element_shows_the_page_and_document_titles_as_written(hostile_site):
    soup = _section_page(hostile_site)
    assert soup.title.get_text() == f"{hostile.HEADING} · {hostile.TITLE} · G7 texts"


def test_navigation_breadcrumb_masthead_and_pager_show_the_values_as_written(hostile_site):
    soup = _section_page(hostile_site)
    nav = soup.select_one("#site-nav")
    assert hostile.TITLE in [a.get_text() for a in nav.select(".nav-documents > li > a")]
    assert hostile.HEADING in [a.get_text() for a in nav.select(".nav-sections a")]
    assert hostile.TOPIC_TITLE in [a.get_text() for a in nav.select(".nav-topics a")]
    crumbs = [li.get_text() for li in soup.select(".breadcrumb li")]
    assert crumbs[1:] == [hostile.TITLE, hostile.HEADING]
    masthead = soup.select_one(".doc-masthead").get_text()
    assert hostile.TITLE in masthead and hostile.PLACE in masthead
    assert soup.select_one(".pager-next").get_text() == "Next Closing Section"
    closing = _pages(hostile_site)[f"{hostile.SLUG}/closing-section/index.html"]
    assert closing.select_one(".pager-prev").get_text() == f"Previous {hostile.HEADING}"


def test_attributes_carry_the_values_as_written(hostile_site):
    soup = _section_page(hostile_site)
    page = soup.select_one(".g7-page")
    assert page["data-doc-title"] == hostile.TITLE
    assert page["data-section-title"] == hostile.HEADING


def test_document_page_shows_place_and_kind_as_text(hostile_site):
    soup = _pages(hostile_site)[f"{hostile.SLUG}/index.html"]
    facts = soup.select_one(".g7-document dl").get_text()
    assert hostile.PLACE in facts
    assert soup.select_one("h1").get_text().removesuffix("#") == hostile.TITLE


def test_glossary_and_topic_pages_show_their_values_as_text(hostile_site):
    pages = _pages(hostile_site)
    glossary = pages["glossary/index.html"].select_one(".g7-page").get_text()
    assert hostile.TERM_NAME in glossary and hostile.TERM_DEFINITION in glossary
    topic = pages["topics/borders/index.html"]
    assert topic.title.get_text().startswith(hostile.TOPIC_TITLE)
    assert hostile.TOPIC_DESCRIPTION in topic.select_one(".g7-page").get_text()


def test_exports_popovers_and_search_index_hold_the_raw_text(hostile_site):
    paragraphs = json.loads((hostile_site / "api" / "paragraphs.json").read_text(encoding="utf-8"))
    assert {p["document_title"] for p in paragraphs} == {hostile.TITLE}
    assert hostile.HEADING in {p["section"] for p in paragraphs}
    glossary = json.loads((hostile_site / "api" / "glossary.json").read_text(encoding="utf-8"))
    assert (glossary[0]["name"], glossary[0]["definition"]) == (hostile.TERM_NAME, hostile.TERM_DEFINITION)
    fragments = search_fragments(hostile_site)
    assert {f["meta"].get("section") for f in fragments} >= {hostile.HEADING}
    assert any(hostile.TITLE in value for f in fragments for value in f["filters"].get("document", []))
    terms_js = (hostile_site / "assets" / "terms.js").read_text(encoding="utf-8")
    terms = json.loads(terms_js.removeprefix("window.G7_TERMS=").removesuffix(";\n"))
    assert terms["hostile-body"][1] == hostile.TERM_DEFINITION
    for name in ("api/paragraphs.json", "api/glossary.json", "assets/terms.js"):
        assert "&lt;" not in (hostile_site / name).read_text(encoding="utf-8"), name
    assert not any("&lt;" in json.dumps(f, ensure_ascii=False) for f in fragments)


def test_the_generated_page_title_is_html_escaped_once_and_the_rest_of_the_front_matter_is_text(tmp_path):
    from build_tools.pipeline import generate, read_inputs

    source = hostile.make_hostile_source(tmp_path / "source")
    pages = {p.url: p for p in generate(read_inputs(source), "2026-01-15").pages}
    front = pages[f"{hostile.SLUG}/"].content.split("---\n")[1]
    meta = yaml.safe_load(front)
    assert meta["title"] == ("G7 Title &lt;svg onload=alert(1)&gt;&lt;/svg&gt; Declaration")
    assert meta["document_title"] == hostile.TITLE and meta["document_place"] == hostile.PLACE
