"""Long lists split over pages (a topic's commitments, a topic's paragraphs, the paragraphs
mentioning a glossary entry): every row kept once, in order, with a fixed window of page links."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from build_tools.pipeline import generate, read_inputs
from build_tools.render import commitments_page, glossary_page, topic_pages as topic_pages_module
from build_tools.render.commitments_page import commitments_pages, document_url, topic_url
from build_tools.render.env import Templates, read_templates
from build_tools.render.glossary_page import glossary_pages
from build_tools.render.list_pages import (AROUND, pack_groups, page_links, page_url, shown_numbers,
                                           split_list)
from build_tools.render.topic_pages import topic_pages
from tests.markdown_support import block_of, page_html, select_in
from tests.helpers import BUILD_DATE, SOURCE, build, copy_source, resolve_href

TEMPLATES = Templates(read_templates())


def _groups(*sizes: int) -> list[list[str]]:
    return [[f"g{g}r{r}" for r in range(size)] for g, size in enumerate(sizes)]


def test_split_list_keeps_every_row_once_in_order_and_numbers_the_pages():
    groups = _groups(3, 4, 2, 5, 1, 4)
    parts = split_list("list/", groups, 6)
    assert [r for p in parts for r in p.rows] == [r for g in groups for r in g]
    assert [p.number for p in parts] == list(range(1, len(parts) + 1))
    assert {p.count for p in parts} == {len(parts)} and len(parts) > 1
    assert [p.url for p in parts] == ["list/"] + [f"list/{k}/" for k in range(2, len(parts) + 1)]
    assert all(len(p.rows) <= 6 for p in parts)


def test_a_page_holds_whole_groups_filled_in_order():
    assert [len(p) for p in pack_groups(_groups(3, 3, 3), 5)] == [3, 3, 3]
    assert [len(p) for p in pack_groups(_groups(2, 2, 1, 4), 5)] == [5, 4]
    groups = _groups(3, 4, 2, 5, 1, 4)
    pages = pack_groups(groups, 6)
    for group in groups:
        assert sum(1 for page in pages if set(group) & set(page)) == 1


def test_a_group_longer_than_a_page_has_pages_of_its_own():
    assert [len(p) for p in pack_groups(_groups(2, 12, 1), 5)] == [2, 5, 5, 2, 1]


def test_a_group_that_grows_but_still_fits_changes_its_own_page_only():
    before = pack_groups(_groups(3, 4, 2, 4, 3), 8)
    after = pack_groups(_groups(3, 4, 3, 4, 3), 8)
    assert len(before) == len(after)
    changed = [k for k, (old, new) in enumerate(zip(before, after)) if old != new]
    assert changed == [next(k for k, page in enumerate(after) if "g2r2" in page)]


@pytest.mark.parametrize("length", [0, 1, 5])
def test_a_list_that_fits_on_a_page_stays_at_its_own_url_without_page_links(length):
    [part] = split_list("list/", [list(range(length))], 5)
    assert (part.url, part.number, part.count, part.links) == ("list/", 1, 1, ())
    assert part.rows == tuple(range(length))


def test_rows_count_their_size_and_a_row_larger_than_a_page_has_one_to_itself():
    groups = [[("a", 3), ("b", 1)], [("c", 2)], [("d", 9), ("e", 1), ("f", 2)]]
    pages = pack_groups(groups, 4, size=lambda row: row[1])
    assert [[name for name, _ in page] for page in pages] == [["a", "b"], ["c"], ["d"], ["e", "f"]]


def test_a_page_holds_at_least_one_row():
    with pytest.raises(ValueError, match="at least one row"):
        split_list("list/", [[1, 2]], 0)


def test_shown_numbers_keep_first_last_and_the_window_with_gaps_marked():
    assert shown_numbers(5, 12) == [1, None, 3, 4, 5, 6, 7, None, 12]
    assert shown_numbers(4, 12) == [1, 2, 3, 4, 5, 6, None, 12]
    assert shown_numbers(1, 4) == [1, 2, 3, 4]
    assert shown_numbers(12, 12) == [1, None, 10, 11, 12]


@pytest.mark.parametrize("count", [2, 9, 60, 5000])
def test_page_links_are_a_fixed_window_whatever_the_length_of_the_list(count):
    most = 2 + 2 + (2 * AROUND + 1) + 2  # previous, next, first, last, the window, two gaps
    for current in sorted({1, 2, count // 2, count - 1, count} - {0}):
        links = page_links("list/", current, count)
        assert len(links) <= most
        numbers = [int(link.label) for link in links if link.label.isdigit()]
        assert numbers == sorted(numbers) and numbers[0] == 1 and numbers[-1] == count
        [here] = [link for link in links if link.current]
        assert here.label == str(current) and here.url == ""
        for link in links:
            if link.label.isdigit() and not link.current:
                assert link.url == page_url("list/", int(link.label))
        by_rel = {link.rel: link.url for link in links if link.rel}
        assert by_rel.get("prev") == (page_url("list/", current - 1) if current > 1 else None)
        assert by_rel.get("next") == (page_url("list/", current + 1) if current < count else None)


@pytest.fixture(scope="module")
def site():
    return generate(read_inputs(SOURCE), BUILD_DATE).site


def _body(page) -> BeautifulSoup:
    """Return a generated page's body (after its front matter) as MkDocs renders it."""
    return page_html(page)


def _hrefs(page) -> list[str]:
    return [a["href"] for a in _body(page).select("ol > li > a")]


def _targets(page) -> list[tuple[str, str]]:
    return [resolve_href(page.url, href) for href in _hrefs(page)]


def test_a_topic_list_longer_than_a_page_is_split_and_loses_no_sentence(site):
    whole = {p.url: p for p in commitments_pages(site, TEMPLATES, per_page=10**6)}
    split = commitments_pages(site, TEMPLATES, per_page=7)
    split_topics = 0
    for topic in site.topics:
        url = topic_url(topic.id)
        if url not in whole:
            continue
        parts = [p for p in split if p.url == url or (p.url.startswith(url) and p.url[len(url):-1].isdigit())]
        assert [p.url for p in parts] == [page_url(url, k) for k in range(1, len(parts) + 1)]
        assert [t for p in parts for t in _targets(p)] == _targets(whole[url])
        assert all(len(_hrefs(p)) <= 7 for p in parts)
        if len(parts) > 1:
            split_topics += 1
            assert f"(page 2 of {len(parts)})" in parts[1].content.split("\n", 2)[1]
        # A document's sentences on the topic share one page, unless they outnumber a page.
        documents = Counter(path.partition("/")[0] for path, _ in _targets(whole[url]))
        for document, sentences in documents.items():
            pages_holding = [p for p in parts if any(path.partition("/")[0] == document for path, _ in _targets(p))]
            assert len(pages_holding) == 1 or sentences > 7
    assert split_topics > 0


def test_only_a_topic_list_on_one_page_shows_its_total_so_an_edit_rewrites_one_page_of_a_split_list(site):
    # On a split list the total would sit on page 1, which an edit on any page would then
    # change too; the commitments index shows every topic's total.
    split = commitments_pages(site, TEMPLATES, per_page=7)
    whole = {p.url: p for p in commitments_pages(site, TEMPLATES, per_page=10**6)}
    pages = {p.url: p for p in split}
    seen = {"split": 0, "whole": 0}
    for topic in site.topics:
        url = topic_url(topic.id)
        if url not in pages:
            continue
        total = len(_hrefs(whole[url]))
        parts = [p for u, p in pages.items() if u == url or (u.startswith(url) and u[len(url):-1].isdigit())]
        shown = [p for p in parts if _body(p).select(".count")]
        if len(parts) > 1:
            seen["split"] += 1
            assert shown == [], f"{url}: a page of a split list shows a total"
        else:
            seen["whole"] += 1
            assert _body(parts[0]).select_one(".count").get_text() == f"({total})"
        assert f"({total})" in _body(whole[url]).select_one("h1").get_text()
    assert seen["split"] and seen["whole"]


@pytest.mark.parametrize("split", [
    lambda site: commitments_pages(site, TEMPLATES, per_page=7),
    lambda site: topic_pages(site, TEMPLATES, per_page=7),
    lambda site: glossary_pages(site, TEMPLATES, shown=5, per_page=7),
], ids=["commitments", "topics", "mentions"])
def test_page_links_of_a_split_list_land_on_its_own_pages(site, split):
    pages = split(site)
    served = {p.url for p in pages}
    checked = 0
    for page in pages:
        for a in _body(page).select(".list-pages a"):
            target, _ = resolve_href(page.url, a["href"])
            assert target + "/" in served, (page.url, a["href"])
            checked += 1
    assert checked > 0


def test_document_lists_are_never_split(site):
    pages = {p.url: p for p in commitments_pages(site, TEMPLATES, per_page=7)}
    for doc in site.documents:
        assert len(_hrefs(pages[document_url(doc.slug)])) == sum(
            len(p.notes.commitments) for p in site.document_facts[doc.slug].paragraphs)
        assert page_url(document_url(doc.slug), 2) not in pages


def _listed(page) -> list[tuple[str, str]]:
    """Return (section link, paragraph link) targets of a topic page, in order."""
    rows = []
    for title in _body(page).select("h3.topic-section-title"):
        heading = resolve_href(page.url, title.select_one("a")["href"])
        rows.append((heading, None))
        rows += [(heading, resolve_href(page.url, a["href"])) for a in select_in(block_of(title), "ul a")]
    return rows


def test_a_topic_page_longer_than_a_page_is_split_and_loses_no_paragraph(site):
    whole = {p.url: p for p in topic_pages(site, TEMPLATES, per_page=10**6)}
    split = topic_pages(site, TEMPLATES, per_page=7)
    split_topics = 0
    for topic in site.topics:
        parts = [p for p in split if p.url == topic.url
                 or (p.url.startswith(topic.url) and p.url[len(topic.url):-1].isdigit())]
        assert [p.url for p in parts] == [page_url(topic.url, k) for k in range(1, len(parts) + 1)]
        assert [row for p in parts for row in _listed(p)] == _listed(whole[topic.url])
        for part in parts:
            sections = Counter(heading for heading, _ in _listed(part))
            listed = sum(max(1, n - 1) for n in sections.values())
            assert listed <= 7 or len(sections) == 1, (part.url, listed)
        if len(parts) > 1:
            split_topics += 1
            assert f"(page 2 of {len(parts)})" in parts[1].content.split("\n", 2)[1]
        # A document's sections share one page, unless they list more paragraphs than a page holds.
        for document in {heading[0].partition("/")[0] for heading, _ in _listed(whole[topic.url])}:
            holding = [p for p in parts if any(h[0].partition("/")[0] == document for h, _ in _listed(p))]
            listed = [row for row in _listed(whole[topic.url]) if row[0][0].partition("/")[0] == document]
            assert len(holding) == 1 or len(listed) > 7
    assert split_topics > 0


def test_an_entry_mentioned_more_than_it_shows_lists_them_on_pages_of_its_own(site):
    [everything] = glossary_pages(site, TEMPLATES, shown=10**6)
    glossary, *own = glossary_pages(site, TEMPLATES, shown=5, per_page=7)
    everything_body, glossary_body = _body(everything), _body(glossary)
    own_bodies = {p.url: _body(p) for p in own}
    assert glossary_body.select(".entry-mentions") and own

    def mention_links(body, entry_id: str) -> list:
        return select_in(block_of(body.find(id=entry_id)), ".entry-mentions + ul li a")

    split_entries = 0
    for entry in site.glossary.entries:
        mentioned = list(site.annotations.mentions_by_term.get(entry.id, ()))
        full = [resolve_href(everything.url, a["href"])
                for a in mention_links(everything_body, entry.id)]
        assert [fragment for _, fragment in full] == mentioned
        article = block_of(glossary_body.find(id=entry.id))
        url = f"glossary/{entry.id}/"
        parts = [p for p in own if p.url == url or (p.url.startswith(url) and p.url[len(url):-1].isdigit())]
        if len(mentioned) <= 5:
            assert [resolve_href(glossary.url, a["href"]) for a in mention_links(glossary_body, entry.id)] == full
            assert parts == []
            continue
        assert mention_links(glossary_body, entry.id) == []
        [link] = select_in(article, ".entry-mentions a")
        assert resolve_href(glossary.url, link["href"]) == (url.rstrip("/"), "")
        assert f"{len(mentioned)} paragraphs" in " ".join(e.get_text() for e in article)
        assert [p.url for p in parts] == [page_url(url, k) for k in range(1, len(parts) + 1)]
        listed = [[resolve_href(p.url, a["href"]) for a in own_bodies[p.url].select("h1 ~ ul > li > a")]
                  for p in parts]
        assert [row for rows in listed for row in rows] == full
        for part, rows in zip(parts, listed):
            assert len(rows) <= 7 or len(own_bodies[part.url].select("h1 ~ ul > li")) == 1
        assert f"({len(mentioned)} paragraphs)" in own_bodies[parts[0].url].h1.get_text()
        assert all("paragraphs)" not in own_bodies[p.url].h1.get_text() for p in parts[1:])
        split_entries += len(parts) > 1
    assert split_entries > 0


def test_a_site_with_split_lists_builds_strictly(tmp_path, monkeypatch):
    monkeypatch.setattr(commitments_page, "TOPIC_ROWS_PER_PAGE", 10)
    monkeypatch.setattr(topic_pages_module, "TOPIC_PARAGRAPHS_PER_PAGE", 10)
    monkeypatch.setattr(glossary_page, "MENTIONS_SHOWN", 5)
    monkeypatch.setattr(glossary_page, "MENTIONS_PER_PAGE", 10)
    source = copy_source(tmp_path / "source")
    site = tmp_path / "site"
    assert build(source, site) == 0
    second = Path(site, "commitments", "topic-ukraine", "2", "index.html")
    assert second.exists()
    html = BeautifulSoup(second.read_text(encoding="utf-8"), "html.parser")
    assert "page 2 of" in html.title.get_text()
    assert html.select_one(".list-pages [aria-current=page]").get_text() == "2"
    topic_second = Path(site, "topics", "ukraine", "2", "index.html")
    html = BeautifulSoup(topic_second.read_text(encoding="utf-8"), "html.parser")
    assert "page 2 of" in html.title.get_text()
    assert html.select_one(".list-pages [aria-current=page]").get_text() == "2"
    assert html.select(".g7-topic ul a"), "page 2 of a topic lists no paragraph"
    mentions_second = Path(site, "glossary", "g7", "2", "index.html")
    html = BeautifulSoup(mentions_second.read_text(encoding="utf-8"), "html.parser")
    assert "Mentions of G7 (page 2 of" in html.title.get_text()
    assert html.select(".g7-glossary h1 ~ ul a"), "page 2 of an entry's mentions lists no paragraph"
