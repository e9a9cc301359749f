"""Every version of a text (issue 22, points 5 and 6): a test text published, then
corrected twice on later dates; its versions, the text at each, the compare view, the
paragraph history's links and the whole-document page, seen in Chromium."""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from pathlib import Path

import pytest

from browser_support import serve_folder
from helpers import build, make_source, search_fragments

pytestmark = pytest.mark.browser

SLUG = "g7-test-2025-statement"
TEXT = """G7 Test Ministers’ Statement

Cooperation

We will work together against transnational organized crime in every region.

We welcome the work of UNODC and of the police forces of our countries.

Follow-up

We task our officials to report back next year.
"""
SECOND = TEXT.replace("in every region", "in every region and online").replace(
    "report back next year.", "report back next year.\n\nWe will meet again in Rome.")
THIRD = SECOND.replace("of the police forces", "of the border and police forces")
DATES = ("2026-02-01", "2026-03-01", "2026-04-01")


@pytest.fixture(scope="module")
def corrected():
    """The site of a text published on DATES[0] and corrected on DATES[1] and DATES[2]."""
    root = Path(tempfile.mkdtemp(prefix="versions-"))
    source = make_source(root / "source", {f"{SLUG}.txt": TEXT})
    site = root / "site"
    for date, text in zip(DATES, (TEXT, SECOND, THIRD)):
        (source / "texts" / f"{SLUG}.txt").write_text(text, encoding="utf-8")
        assert build(source, site, date=date) == 0
    server = serve_folder(site)
    yield site, f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    shutil.rmtree(root)


def test_the_document_page_links_its_versions_newest_first(page, corrected):
    site, base = corrected
    page.goto(base + f"{SLUG}/")
    page.get_by_role("link", name="3 versions published on this site").click()
    items = page.locator("li.version-item").all_inner_texts()
    assert [i.split(":")[0].replace(" (current)", "") for i in items] == ["1 April 2026", "1 March 2026", "1 February 2026"]
    assert page.locator('meta[name="robots"][content="noindex"]').count() == 1


def test_the_text_at_a_version_shows_its_words_then_under_ids_of_its_own(page, corrected):
    site, base = corrected
    page.goto(base + f"versions/{SLUG}/2026-02-01/")
    text = page.locator(".g7-version").inner_text()
    assert "in every region." in text and "and online" not in text and "meet again in Rome" not in text
    ids = page.evaluate("[...document.querySelectorAll('.version-para')].map(p => p.id)")
    assert ids and all(i.startswith("at-") for i in ids)
    current = {p["id"] for p in json.loads((site / "api" / "paragraphs.json").read_text())}
    assert not current & set(page.evaluate("[...document.querySelectorAll('[id]')].map(e => e.id)"))
    assert page.locator('meta[name="robots"][content="noindex"]').count() == 1
    page.goto(base + f"versions/{SLUG}/2026-03-01/")
    second = page.locator(".g7-version").inner_text()
    assert "and online" in second and "meet again in Rome" in second and "border and police" not in second


def test_compare_marks_inserted_and_deleted_words_between_any_two_versions(page, corrected):
    site, base = corrected
    page.goto(base + f"versions/{SLUG}/compare/")
    page.select_option("select[name=from]", label="1 February 2026")
    page.select_option("select[name=to]", label="1 April 2026")
    page.get_by_role("button", name="Compare").click()
    amended = page.locator(".compare-amended")
    assert amended.count() == 2
    inserted = amended.locator("ins").all_inner_texts()
    assert len(inserted) == 2 and "and online" in inserted[0] and "border" in inserted[1]
    assert [t.strip() for t in amended.locator("del").all_inner_texts()] == ["region."]
    added = page.locator(".compare-added")
    assert added.count() == 1 and "meet again in Rome" in added.inner_text()
    assert "Added" in added.locator(".change-kind").inner_text()
    assert "3 paragraphs changed between 1 February 2026 and 1 April 2026" in page.locator(".compare-summary").inner_text()
    page.select_option("select[name=from]", label="1 March 2026")
    page.get_by_role("button", name="Compare").click()
    assert page.locator(".compare-para").count() == 1
    assert "border" in page.locator(".compare-amended ins").inner_text()


def test_compare_undoes_a_deletion_when_versions_are_swapped(page, corrected):
    site, base = corrected
    page.goto(base + f"versions/{SLUG}/compare/?from=2026-04-01&to=2026-02-01")
    assert page.locator(".compare-removed").count() == 1
    assert "meet again in Rome" in page.locator(".compare-removed del").inner_text()


def test_a_paragraph_history_links_to_the_versions_it_changed_in(page, corrected):
    site, base = corrected
    page.goto(base + f"{SLUG}/cooperation/")
    histories = page.locator("details.para-history")
    assert histories.count() == 2
    histories.first.locator("summary").click()
    links = histories.first.locator(".history-date a")
    hrefs = [re.sub(r"index\.html$", "", h) for h in links.evaluate_all("as => as.map(a => a.href)")]
    assert hrefs == [base + f"versions/{SLUG}/2026-03-01/", base + f"versions/{SLUG}/2026-02-01/"]


def test_the_changes_page_lists_versions_by_document(page, corrected):
    site, base = corrected
    page.goto(base + "changes/")
    row = page.locator("li.document-versions").first
    assert row.inner_text().startswith("G7 Test Ministers’ Statement: 1 April 2026, 1 March 2026, 1 February 2026")
    assert page.locator("h2.change-date").first.inner_text().startswith("1 April 2026")


def test_version_and_whole_pages_are_not_in_the_search_index(corrected):
    site, _ = corrected
    urls = [f["url"] for f in search_fragments(site)]
    assert any(SLUG in u for u in urls)
    assert not [u for u in urls if "versions/" in u or "full-text/" in u]


def test_the_whole_document_page_holds_every_section_with_labels_linking_to_their_pages(page, corrected):
    site, base = corrected
    page.goto(base + f"{SLUG}/")
    page.get_by_role("link", name="The whole text on one page").click()
    page.wait_for_load_state()
    assert page.locator("h2.whole-section-title").all_inner_texts() == ["Cooperation", "Follow-up"]
    labels = page.locator(".whole-para a.para-label")
    hrefs = labels.evaluate_all("as => as.map(a => a.href)")
    rows = json.loads((site / "api" / "paragraphs.json").read_text())
    assert [re.sub(r"index\.html(?=#)", "", h) for h in hrefs] == [base + p["url"] for p in rows]
    assert page.locator('meta[name="robots"][content="noindex"]').count() == 1
    page.emulate_media(media="print")
    printed = page.evaluate("[...document.querySelectorAll('.whole-para')].map(p => getComputedStyle(p, '::after').content)")
    assert printed == [json.dumps(base + p["url"]) for p in rows]
