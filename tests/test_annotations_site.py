"""Glossary links and backlinks, topics, related paragraphs and commitments on the built site."""

from __future__ import annotations

import json
from pathlib import Path

from bs4 import BeautifulSoup

from build_tools.pipeline import generate, read_inputs
from tests.page_text import paragraph_text
from tests.helpers import BUILD_DATE, copy_source, resolve_href


def page(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def paragraphs(site: Path) -> list[dict]:
    return json.loads((site / "api" / "paragraphs.json").read_text(encoding="utf-8"))


def section_urls(site: Path) -> list[str]:
    return sorted({r["url"].split("#")[0] for r in paragraphs(site)})


def test_term_links_never_sit_in_headings_labels_or_other_links(built_site):
    for url in section_urls(built_site.site):
        soup = page(built_site.site, url)
        for link in soup.select(".g7-page a.term"):
            assert link.find_parent(["h1", "h2", "h3"]) is None, url
            assert link.find_parent("a") is None and link.find("a") is None, url
            assert link.find_parent(class_="para-label") is None, url
            assert link.find_parent(class_="para") is not None, url


def test_first_mention_per_paragraph_links_and_later_ones_do_not(built_site):
    soup = page(built_site.site, "g7-interior-security-ministers-2024-communique/ukraine")
    para = soup.find(id="g7-interior-2024-ukraine-5")
    terms = [a["data-term"] for a in para.select("a.term")]
    assert terms.count("eurojust") == 1 and "icc" in terms
    assert paragraph_text(para).count("Eurojust") == 2


def test_every_paragraph_mentioning_an_entry_is_listed_under_it_and_links_back(built_site):
    site = built_site.site
    glossary = {g["id"]: g for g in json.loads((site / "api" / "glossary.json").read_text(encoding="utf-8"))}
    rows = {r["id"]: r for r in paragraphs(site)}
    for pid, row in rows.items():
        for term in row["terms"]:
            assert pid in glossary[term]["mentions"], (term, pid)
    soup = page(site, "glossary")
    heading = soup.find(id="interpol")
    own = heading.find_next_sibling(class_="entry-mentions").select_one("a")
    own_page, _ = resolve_href("glossary/", own["href"])
    backlinks = [a["href"] for a in page(site, own_page).select("h1 ~ ul a")]
    assert len(backlinks) == len(glossary["interpol"]["mentions"]) >= 3
    for href in backlinks:
        target, fragment = resolve_href(own_page + "/", href)
        assert page(site, target).find(id=fragment) is not None


def test_glossary_page_lists_entries_a_to_z_under_letters_each_with_its_kind_and_count(built_site):
    soup = page(built_site.site, "glossary")
    letters = [h.get_text().removesuffix("#").strip() for h in soup.select("h2.glossary-letter")]
    assert len(letters) > 20 and letters == sorted(letters)
    bar = [a.get_text() for a in soup.select(".glossary-az a")]
    assert bar == letters
    headings = soup.select("h3.entry-name")
    keys = [(h.select_one("abbr").get_text() if h.select_one("abbr") else h.get_text().rstrip("#"))
            .casefold() for h in headings]
    assert len(keys) > 200 and keys == sorted(keys)
    for h in headings[:40]:
        letter = h.find_previous_sibling("h2").get_text().removesuffix("#").strip()
        assert keys[headings.index(h)][:1].upper() == letter or letter == "#"
    interpol = soup.find(id="interpol").find_next_sibling(class_="entry-mentions").get_text(" ")
    assert "Bodies and organisations" in interpol and "paragraphs of" in interpol


def test_a_new_text_with_no_glossary_change_builds_with_its_mentions_linked(tmp_path):
    source = copy_source(tmp_path / "source")
    (source / "texts" / "g7-new-statement.txt").write_text(
        "G7 New Statement\n\nCrime\n\n1. We support Interpol’s work and the Palermo Convention.\n",
        encoding="utf-8")
    generated = generate(read_inputs(source), BUILD_DATE)
    terms = generated.site.annotations.for_paragraph("g7-new-statement-crime-1").terms
    assert set(terms) >= {"interpol"} and len(terms) == 2
    body = next(p for p in generated.pages if p.url == "g7-new-statement/crime/").content
    assert '[Interpol](../../glossary/index.md#interpol){ .term data-term="interpol" }’s' in body


def test_topic_pages_hold_paragraphs_from_more_than_one_document(built_site):
    soup = page(built_site.site, "topics/migrant-smuggling-and-trafficking")
    documents = [h.get_text() for h in soup.select("h2.topic-document")]
    assert len(documents) == 3
    assert soup.select(".g7-topic ul a")


def test_every_section_page_links_to_its_topics(built_site):
    soup = page(built_site.site, "g7-interior-security-ministers-2024-communique/irregular-migration")
    topics = [a.get_text() for a in soup.select(".section-topics a")]
    assert "Migrant smuggling and trafficking in persons" in topics


def test_related_lists_never_point_to_the_paragraph_itself_or_its_section(built_site):
    rows = {r["id"]: r for r in paragraphs(built_site.site)}
    assert sum(1 for r in rows.values() if r["related"]) > len(rows) / 2
    for pid, row in rows.items():
        for other in row["related"]:
            assert other != pid and rows[other]["url"].split("#")[0] != row["url"].split("#")[0]


def test_commitment_sentences_have_anchors_inside_their_paragraph(built_site):
    rows = paragraphs(built_site.site)
    row = next(r for r in rows if r["id"] == "g7-interior-2024-ukraine-4")
    [commitment] = row["commitments"]
    assert commitment["anchor"] == "g7-interior-2024-ukraine-4.s1" and commitment["verb"] == "will"
    soup = page(built_site.site, "g7-interior-security-ministers-2024-communique/ukraine")
    sentence = soup.find(id="g7-interior-2024-ukraine-4.s1")
    assert sentence.find_parent(id="g7-interior-2024-ukraine-4") is not None
    listed = page(built_site.site, "commitments/g7-interior-security-ministers-2024-communique")
    hrefs = [a["href"] for a in listed.select(".g7-commitments ol a")]
    assert any(h.endswith("#g7-interior-2024-ukraine-4.s1") for h in hrefs)
    by_topic = page(built_site.site, "commitments/topic-ukraine")
    assert any(a["href"].endswith("#g7-interior-2024-ukraine-4.s1") for a in by_topic.select(".g7-commitments ol a"))
    total = sum(len(r["commitments"]) for r in rows)
    index = page(built_site.site, "commitments")
    assert f"({total} in all)" in index.select_one(".counts-caption").get_text()
    counts = [int(td.get_text()) for td in index.select(".g7-commitments table")[0].select("td:nth-of-type(2)")]
    assert sum(counts) == total
