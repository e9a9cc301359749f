"""The built site read back with BeautifulSoup: pages, ids, links, exports, fidelity."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from bs4 import BeautifulSoup

from build_tools.check.deep import check_links, check_paragraph_ids, read_built_pages
from build_tools.parse.text import parse_text
from build_tools.read.texts import read_source_text
from build_tools.render.exports import SCHEMAS
from tests.page_text import label_of, paragraph_text, source_words

WORD = re.compile(r"\w+")


def soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def load_export(site: Path, name: str) -> list[dict]:
    return json.loads((site / "api" / f"{name}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", ["paragraphs", "glossary", "anchors"])
def test_export_validates_against_its_schema(built_site, name):
    schema = json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))
    data = load_export(built_site.site, name)
    jsonschema.Draft202012Validator(schema).validate(data)
    assert data, f"api/{name}.json is empty"


def test_every_exported_paragraph_is_on_its_page_under_its_id_with_its_text(built_site):
    rows = load_export(built_site.site, "paragraphs")
    pages: dict[str, BeautifulSoup] = {}
    for row in rows:
        path = row["url"].split("#")[0]
        page = pages.setdefault(path, soup(built_site.site, path))
        element = page.find(id=row["id"])
        assert element is not None, f"{row['id']} missing from {path}"
        assert "para" in element["class"]
        assert WORD.findall(paragraph_text(element)) == WORD.findall(row["text"]), row["id"]
        assert label_of(element) == row["label"] == element["data-label"]


def test_communique_has_the_expected_numbered_paragraphs_per_section(built_site):
    rows = [r for r in load_export(built_site.site, "paragraphs")
            if r["document"] == "g7-interior-security-ministers-2024-communique"]
    per_section: dict[str, int] = {}
    for r in rows:
        per_section[r["section"]] = per_section.get(r["section"], 0) + 1
    assert list(per_section.values()) == [6, 9, 8, 5, 13, 9, 11, 3, 12, 2]
    assert len({r["id"] for r in rows}) == 78


def test_paragraph_ids_are_unique_and_every_paragraph_has_one(built_site):
    pages = read_built_pages(built_site.site)
    assert check_paragraph_ids(pages) == []
    ids = [r["id"] for r in load_export(built_site.site, "paragraphs")]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z0-9][a-z0-9-]*", i) for i in ids)


def test_every_internal_link_and_fragment_resolves(built_site):
    pages = read_built_pages(built_site.site)
    assert check_links(pages, built_site.site) == []


def test_home_lists_every_document_and_its_sections(built_site):
    home = soup(built_site.site, "")
    titles = [a.get_text() for a in home.select(".document-card-title a:not(.headerlink)")]
    assert titles[0] == "G7 Interior and Security Ministers’ Communiqué"
    assert len(titles) == 3
    first = home.select_one(".document-card-title")
    sections = [a.get_text() for a in first.find_next_sibling("ol").select("a")]
    assert sections[1] == "Middle East and Terrorism" and len(sections) == 10


def test_document_page_shows_title_date_place_source_and_contents(built_site):
    page = soup(built_site.site, "g7-interior-security-ministers-2024-communique")
    assert page.select_one("h1.document-title").get_text().rstrip("#") == "G7 Interior and Security Ministers’ Communiqué"
    facts = page.select_one(".g7-document dl").get_text(" ")
    assert "11 October 2024" in facts and "Mirabella Eclano" in facts
    assert page.select_one("a.source-link")["href"].startswith("https://www.dhs.gov/")
    contents = page.select(".contents-section a")
    assert len(contents) == 10
    assert [li.get_text() for li in page.select(".contents-part")] == [
        "Threats resulting from international crisis scenarios"]


def test_section_page_shows_part_title_subtitle_and_document_masthead(built_site):
    page = soup(built_site.site, "g7-interior-security-ministers-2024-communique/artificial-intelligence")
    assert page.select_one("h1.section-title").get_text().rstrip("#") == "Artificial Intelligence"
    assert page.select_one(".subtitle").get_text() == "Exploring benefits, limits and risk"
    assert "11 October 2024" in page.select_one(".doc-masthead").get_text()
    page = soup(built_site.site, "g7-interior-security-ministers-2024-communique/ukraine")
    assert page.select_one(".part-title").get_text() == "Threats resulting from international crisis scenarios"
    assert page.select_one("a.pager-prev").get_text(" ").endswith("Middle East and Terrorism")


def test_navigation_follows_document_order(built_site):
    page = soup(built_site.site, "g7-interior-security-ministers-2024-communique/ukraine")
    nav = [a.get_text() for a in page.select(".nav-sections a")]
    assert nav[:3] == ["Preamble", "Middle East and Terrorism", "Ukraine"]
    assert page.select_one(".nav-sections a[aria-current]").get_text() == "Ukraine"


def test_text_without_headings_is_shown_on_its_document_page_labelled_by_position(built_site):
    page = soup(built_site.site, "g7-interior-security-ministers-2024-action-plan-summary")
    labels = [label_of(p) for p in page.select(".para")]
    assert labels == ["1", "2", "3", "4", "5", "6", "7"]
    assert all("src" not in a["class"] and "position" in a["class"] for a in page.select(".para-label"))


def _site_words(site: Path, urls: list[str]) -> tuple[list[str], list[str]]:
    """Return (body words, footnote words) shown as source text on these pages, in order."""
    body: list[str] = []
    notes: list[str] = []
    for url in urls:
        shown_body, shown_notes = source_words(soup(site, url))
        body += shown_body
        notes += shown_notes
    return body, notes


def _source_words(path: Path) -> tuple[list[str], list[str]]:
    """Return (body words, footnote words) of a text, web chrome left out."""
    document = parse_text(read_source_text(path))
    removed = {r.line for r in document.removed}
    # Footnotes close a text and may run over several lines.
    first_note = min((f.line for f in document.footnotes), default=None)
    body: list[str] = []
    notes: list[str] = []
    for number, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), start=1):
        if number in removed:
            continue
        in_notes = first_note is not None and number >= first_note
        (notes if in_notes else body).extend(WORD.findall(line))
    return body, notes


def _document_urls(site: Path, slug: str) -> list[str]:
    page = soup(site, slug)
    urls = [slug]
    for a in page.select(".contents-section a"):
        urls.append(f"{slug}/{a['href'].strip('./').split('/')[-1]}" if a["href"].startswith("./") else
                    str(Path(slug) / a["href"]).rstrip("/"))
    return list(dict.fromkeys(urls))


def test_every_word_of_every_text_appears_once_in_order(fixture_site):
    texts = sorted((fixture_site.source / "texts").glob("*.txt"))
    assert len(texts) >= 4
    rows = load_export(fixture_site.site, "paragraphs")
    for path in texts:
        slug = path.stem
        section_urls = list(dict.fromkeys(r["url"].split("#")[0].rstrip("/") for r in rows
                                          if r["document"] == slug))
        urls = [slug] + [u for u in section_urls if u != slug]
        shown_body, shown_notes = _site_words(fixture_site.site, urls)
        source_body, source_notes = _source_words(path)
        assert shown_body == source_body, f"{path.name}: words differ"
        assert shown_notes == source_notes, f"{path.name}: footnote words differ"


PARTS = "part-over-sub-headings"


@pytest.mark.parametrize("page, part", [
    ("growth-and-jobs", "Economy and Finance"), ("public-finances", "Economy and Finance"),
    ("trade", "Economy and Finance"), ("cyber-threats", "Security"), ("terrorism", "Security"),
])
def test_every_section_under_a_part_shows_the_part_name(fixture_site, page, part):
    shown = soup(fixture_site.site, f"{PARTS}/{page}").select_one(".part-title")
    assert shown is not None and shown.get_text() == part


def test_an_untitled_opening_and_a_printed_introduction_each_keep_their_page(fixture_site):
    doc = "untitled-opening-and-introduction"
    opening = soup(fixture_site.site, f"{doc}/opening")
    introduction = soup(fixture_site.site, f"{doc}/introduction")
    assert [label_of(p) for p in opening.select(".para")] == ["P1", "P2"]
    assert introduction.select_one("h1.section-title").get_text().rstrip("#") == "INTRODUCTION"
    assert not (fixture_site.site / doc / "introduction-2").exists()


def test_text_after_a_list_is_shown_as_paragraphs_of_the_numbered_paragraph(fixture_site):
    page = soup(fixture_site.site, "numbered-lead-ins-and-lists")
    three = next(p for p in page.select("div.para") if p["data-label"] == "3")
    kinds = [child.name for child in three.find_all(recursive=False)]
    assert kinds[:4] == ["p", "ul", "p", "p"]
    # Bullets are the list's own; only a printed marker ('a)') is kept as data-marker.
    items = three.select(":scope > ul > li")
    assert len(items) == 2 and not any(li.has_attr("data-marker") for li in items)
    assert three.find_all("p", recursive=False)[1].get_text().startswith("in full respect of international law")


def test_footnotes_printed_1_2_in_order_go_through_the_footnotes_extension(fixture_site):
    page = soup(fixture_site.site, "g20-leaders-2022-bali-declaration")
    ref = page.find(id="fnref-g20-leaders-2022-bali-declaration-1")
    assert ref is not None and ref.find_parent(class_="para")["data-label"] == "33"
    note = page.select_one("div.footnote li#fn-g20-leaders-2022-bali-declaration-1")
    assert note.get_text().strip().startswith("Noting that one member has divergent views")


def test_footnotes_the_extension_cannot_show_as_printed_are_paragraphs_with_their_markers(fixture_site):
    doc = "footnotes-and-list-first"
    referring = soup(fixture_site.site, f"{doc}/supply-chains")
    ref = referring.find(id=f"fnref-{doc}-n1")
    assert ref.name == "a" and ref.get_text() == "*" and ref["href"] == f"#fn-{doc}-n1"
    star = referring.find(id=f"fn-{doc}-n1")
    assert star.get_text().startswith("* This paragraph was agreed by all members.")
    assert star.select_one("a.fn-back")["href"] == f"#fnref-{doc}-n1"
    # Referred to by no paragraph: on the text's last page, with no way back.
    last = soup(fixture_site.site, f"{doc}/next-steps").find(id=f"fn-{doc}-1")
    assert last.get_text() == "1 A second note that continues on a second line." and last.find("a") is None
