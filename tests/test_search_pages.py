"""The search index: what it is made of (render/search_pages.py), how Pagefind's command line
indexes it (site/pagefind.py), and what a built site's index holds."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from build_tools.errors import BuildError
from build_tools.model.document import label_wording
from build_tools.model.site import SearchPage
from build_tools.pipeline import generate, read_inputs
from build_tools.read.sidecars import DOCUMENT_KINDS, sidecar_from_text
from build_tools.render.search_pages import GLOSSARY_KIND, document_name, entry_page, search_pages
from build_tools.site import pagefind
from tests import hostile_source as hostile
from tests.helpers import copy_source, search_fragments


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    return generate(read_inputs(copy_source(tmp_path_factory.mktemp("search") / "source")), "2026-01-15")


# ---------------------------------------------------------------- kinds

@pytest.mark.parametrize("written, kind", [("Communiqué", "communiqué"), ("communique", "communiqué"),
                                           ("Chair’s Summary", "chair's summary"), ("ACTION PLAN", "action plan")])
def test_a_sidecar_kind_is_read_as_the_vocabulary_spells_it(written, kind):
    assert sidecar_from_text(f"order: 1\nkind: {written}\n", Path("x.yml")).kind == kind
    assert kind in DOCUMENT_KINDS


def test_a_kind_outside_the_vocabulary_stops_the_build_naming_the_file_and_line():
    with pytest.raises(BuildError) as error:
        sidecar_from_text("order: 1\nkind: Summary of the Action Plan\n", Path("texts/x.yml"))
    assert str(error.value).startswith("texts/x.yml:2: unknown kind 'Summary of the Action Plan' (expected one of")


def test_every_published_text_states_a_kind_of_the_vocabulary(generated):
    assert {doc.kind for doc in generated.site.documents} == {"communiqué", "summary"}


# ---------------------------------------------------------------- titles

def test_a_label_reads_as_printed_or_is_marked_as_a_position():
    assert label_wording("4", True) == "¶ 4"
    assert label_wording("4bis", True) == "¶ 4bis"
    assert label_wording("P3", False) == "para. P3 (unnumbered in the original)"
    assert label_wording("3", False, short=True) == "¶ [3]"
    assert label_wording("4", True, short=True) == "¶ 4"


def test_a_document_is_named_by_its_title_and_the_year_of_its_date(generated):
    doc = generated.site.document["g7-interior-security-ministers-2024-communique"]
    assert document_name(doc) == "G7 Interior and Security Ministers’ Communiqué 2024"


def test_a_document_name_does_not_repeat_a_year_its_title_holds(generated):
    doc = generated.site.documents[0]
    assert document_name(replace(doc, title="2024 G7 Statement", date="2024-05-01")) == "2024 G7 Statement"
    assert document_name(replace(doc, title="G7 Statement", date=None)) == "G7 Statement"


# ---------------------------------------------------------------- index pages

def test_the_index_has_a_page_per_section_with_paragraphs_and_one_per_glossary_entry(generated):
    site, pages = generated.site, generated.search_pages
    sections = {s.url for s in site.sections if site.paragraphs_of.get((s.document, s.id))}
    entries = {f"glossary/#{e.id}" for e in site.glossary.entries}
    assert [p.url for p in pages] == [p.url for p in pages if p.url in sections] + [
        f"glossary/#{e.id}" for e in site.glossary.entries]
    assert {p.url for p in pages} == sections | entries


def test_a_paragraph_is_a_heading_with_its_id_and_label_weighing_nothing_then_its_text(generated):
    page = next(p for p in generated.search_pages if p.url.endswith("/irregular-migration/"))
    assert ('<h2 id="g7-interior-2024-irregular-migration-4" data-pagefind-weight="0">¶ 4</h2>\n'
            "<p>Taking into consideration the launch of ") in page.html
    assert '<p data-pagefind-meta="section">Irregular Migration</p>' in page.html
    for line in ('<p data-pagefind-filter="document">G7 Interior and Security Ministers’ Communiqué 2024</p>',
                 '<p data-pagefind-filter="kind">communiqué</p>', '<p data-pagefind-filter="year">2024</p>',
                 '<p data-pagefind-filter="topic">Migrant smuggling and trafficking in persons</p>'):
        assert line in page.html
    body = page.html.split("<main data-pagefind-body>")[1]
    assert "data-pagefind-filter" not in body and "data-pagefind-meta" not in body


def test_a_glossary_entry_weighs_its_acronym_above_its_name_and_aliases(generated):
    entry = next(e for e in generated.site.glossary.entries if e.id == "unodc")
    html = entry_page(entry).html
    assert '<p data-pagefind-meta="title">UNODC · United Nations Office on Drugs and Crime</p>' in html
    assert f'<p data-pagefind-filter="kind">{GLOSSARY_KIND}</p>' in html
    assert ('<p data-pagefind-weight="10">UNODC</p>\n'
            '<p data-pagefind-weight="3">United Nations Office on Drugs and Crime</p>') in html


def test_markup_in_the_source_is_escaped_in_the_index_pages(tmp_path):
    source = hostile.make_hostile_source(tmp_path / "source")
    html = "".join(p.html for p in search_pages(generate(read_inputs(source), "2026-01-15").site))
    for value in (hostile.TITLE, hostile.HEADING, hostile.TERM_NAME, hostile.TERM_DEFINITION, hostile.TOPIC_TITLE):
        assert value not in html
    assert "&lt;svg onload=alert(1)&gt;" in html and "<script>" not in html


# ---------------------------------------------------------------- Pagefind

@pytest.mark.parametrize("url, file", [("doc/section/", "doc/section/index.html"),
                                       ("glossary/#unodc", "glossary/unodc/index.html"), ("", "index.html")])
def test_an_index_page_is_written_at_its_url_or_for_a_fragment_at_a_folder_named_by_it(url, file):
    assert pagefind.index_file(url) == file


@pytest.mark.parametrize("url", ["../x/", "doc/../../x/", "doc//x/", "doc/x", "/abs/", "glossary/#../x"])
def test_an_index_page_url_outside_the_site_is_refused_before_anything_is_written(url):
    with pytest.raises(ValueError):
        pagefind.index_file(url)


PARAGRAPH_PAGE = ('<html lang="en"><body><p data-pagefind-meta="section">S</p><main data-pagefind-body>'
                  '<h2 id="p-1" data-pagefind-weight="0">¶ 1</h2><p>Smugglers and captagon.</p></main></body></html>')


def test_pagefind_writes_a_bundle_holding_every_page_and_none_of_its_own_uis(tmp_path):
    entry = ('<html lang="en"><body><p data-pagefind-meta="url">/glossary/#unodc</p>'
             '<main data-pagefind-body><p>UNODC</p></main></body></html>')
    pages = (SearchPage("doc/s/", PARAGRAPH_PAGE), SearchPage("doc/t/", PARAGRAPH_PAGE),
             SearchPage("glossary/#unodc", entry))
    report = pagefind.write_search_index(pages, tmp_path)
    assert report.pages == 3 and report.peak_mib > 0
    fragments = search_fragments(tmp_path)
    assert sorted(f["url"] for f in fragments) == ["/doc/s/", "/doc/t/", "/glossary/unodc/"]
    assert [f["meta"]["url"] for f in fragments if "url" in f["meta"]] == ["/glossary/#unodc"]
    assert (tmp_path / "pagefind" / "pagefind.js").is_file()
    assert not [n for n in pagefind.UNUSED_FILES if (tmp_path / "pagefind" / n).exists()]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pagefind"], "the index pages are left behind"
    assert report.summary().startswith("search index: 3 pages in ")


def test_the_index_chunk_size_reaches_pagefind(tmp_path, monkeypatch):
    # Many distinct words: Pagefind splits its word index into more files the smaller a chunk is.
    words = " ".join(f"word{n:05d}" for n in range(3000))
    pages = (SearchPage("doc/s/", f'<html lang="en"><body><main data-pagefind-body><p>{words}</p></main></body></html>'),)
    chunks = {}
    for size in (100_000, 500):
        monkeypatch.setattr(pagefind, "INDEX_CHUNK_SIZE", size)
        (tmp_path / str(size)).mkdir()
        pagefind.write_search_index(pages, tmp_path / str(size))
        chunks[size] = len(list((tmp_path / str(size) / "pagefind" / "index").iterdir()))
    assert chunks[500] > chunks[100_000]


def test_pagefind_failing_stops_the_build_with_one_line_and_leaves_no_index_pages(tmp_path):
    with pytest.raises(BuildError) as error:  # Pagefind refuses to write an index of no page
        pagefind.write_search_index((), tmp_path)
    assert str(error.value).startswith("pagefind: Pagefind failed: Error: Pagefind was not able to build an index")
    assert "\n" not in str(error.value)
    assert not list(tmp_path.iterdir())


def test_the_preview_indexes_the_newest_request_in_the_background(tmp_path):
    indexer = pagefind.BackgroundIndexer()
    site = tmp_path / "site"
    site.mkdir()
    page = '<html lang="en"><body><main data-pagefind-body><p>{}</p></main></body></html>'
    indexer.request((SearchPage("a/", page.format("first")),), site)
    indexer.request((SearchPage("b/", page.format("second")),), site)
    assert indexer.wait(60)
    assert [f["url"] for f in search_fragments(site)] == ["/b/"]
    assert isinstance(indexer.last, pagefind.IndexReport)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"], "the scratch folder is left behind"


@pytest.mark.parametrize("fault", ["pagefind fails", "disk fails"])
def test_a_failed_background_indexing_keeps_the_previous_index_and_leaves_nothing_behind(
        tmp_path, monkeypatch, fault):
    # A preview keeps answering: the search index it had stays whole, the error is kept to
    # be logged, and no scratch folder is left beside the site.
    site = tmp_path / "site"
    site.mkdir()
    indexer = pagefind.BackgroundIndexer()
    indexer.request((SearchPage("doc/s/", PARAGRAPH_PAGE),), site)
    assert indexer.wait(60) and isinstance(indexer.last, pagefind.IndexReport)
    before = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    if fault == "pagefind fails":
        pages: tuple[SearchPage, ...] = ()  # Pagefind refuses to write an index of no page
    else:
        def disk_full(*args, **kwargs):
            raise OSError(28, "No space left on device")
        monkeypatch.setattr(pagefind, "write_index_pages", disk_full)
        pages = (SearchPage("doc/t/", PARAGRAPH_PAGE),)
    indexer.request(pages, site)
    assert indexer.wait(60)
    assert isinstance(indexer.last, str) and "\n" not in indexer.last
    assert ("Pagefind failed" if fault == "pagefind fails" else "No space left") in indexer.last
    assert {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"], "a scratch folder is left behind"


def test_the_preview_indexes_at_the_lowest_priority_and_make_site_at_its_own(tmp_path, monkeypatch):
    # A preview's indexing must not slow the rebuild of the next edit; make site waits for it.
    set_priority = []
    real = pagefind.os.setpriority

    def spy(which, who, priority):
        set_priority.append((which, who, priority))
        real(which, who, priority)

    monkeypatch.setattr(pagefind.os, "setpriority", spy)
    pages = (SearchPage("doc/s/", PARAGRAPH_PAGE),)
    (tmp_path / "built").mkdir()
    pagefind.write_search_index(pages, tmp_path / "built")
    assert set_priority == []
    site = tmp_path / "site"
    site.mkdir()
    indexer = pagefind.BackgroundIndexer()
    indexer.request(pages, site)
    assert indexer.wait(60) and isinstance(indexer.last, pagefind.IndexReport)
    assert len(set_priority) == 1
    which, who, priority = set_priority[0]
    assert (which, priority) == (pagefind.os.PRIO_PROCESS, 19) and who != pagefind.os.getpid()


# ---------------------------------------------------------------- the built site's index

def test_the_built_index_holds_every_paragraph_and_glossary_entry_and_nothing_else(built_site):
    fragments = search_fragments(built_site.site)
    paragraphs = json.loads((built_site.site / "api" / "paragraphs.json").read_text(encoding="utf-8"))
    glossary = json.loads((built_site.site / "api" / "glossary.json").read_text(encoding="utf-8"))
    anchors = {f"{f['url'].lstrip('/')}#{a['id']}" for f in fragments for a in f["anchors"]}
    entries = {f["meta"]["url"].lstrip("/") for f in fragments if "url" in f["meta"]}
    assert anchors == {p["url"] for p in paragraphs}
    assert entries == {e["url"] for e in glossary}
    text = " ".join(f["content"] for f in fragments)
    for chrome in ("Copy link", "Copy citation", "Skip to the text", "Previous", "Open data", "Related:"):
        assert chrome not in text
