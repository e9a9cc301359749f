"""Citations that say what they cite (issue 22, points 1–4): position labels worded as
positions everywhere, the site version named, the permanent link only, and the citation
formats (BibTeX, CSL-JSON, the paragraph's text)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

pytestmark = pytest.mark.browser


def human(iso: str) -> str:
    return dt.date.fromisoformat(iso).strftime("%-d %B %Y")


def position_paragraph(site) -> dict:
    """A paragraph of a text that prints no numbers, with a section title and no list."""
    return next(p for p in site.paragraphs if not p["label_printed"] and p["section"] and "\n" not in p["text"])


def printed_paragraph(site) -> dict:
    return next(p for p in site.paragraphs if p["label_printed"] and p["section"] and "\n" not in p["text"])


def latest_version(site, document: str) -> str:
    """The date of the document's last change, as the registry's history (api/anchors.json) gives it."""
    anchors = json.loads((site.root / "api" / "anchors.json").read_text())
    return max(h["date"] for a in anchors for h in a["history"] if h["url"].startswith(document + "/"))


def copied(page, button_name: str, done: str) -> str:
    button = page.get_by_role("button", name=button_name, exact=True)
    if not button.is_visible():  # the further formats are behind "More"
        page.get_by_label("More ways to cite paragraph " + button_name.rsplit(" ", 1)[1], exact=True).click()
    button.click()
    page.wait_for_function(f"document.querySelector('[aria-live]')?.textContent === {json.dumps(done)}")
    return page.evaluate("navigator.clipboard.readText()")


def test_the_exports_say_whether_a_label_is_printed_or_a_position(site):
    rows = site.paragraphs
    assert {p["label_printed"] for p in rows} == {True, False}
    for p in rows:
        expected = f"¶ {p['label']}" if p["label_printed"] else f"para. {p['label']} (unnumbered in the original)"
        assert p["citation_label"] == expected


def test_a_position_label_is_marked_in_the_margin_and_explained_on_the_page(page, site):
    para = position_paragraph(site)
    page.goto(site.url(para["url"].split("#")[0]))
    label = page.locator(f"#{para['id']} > a.para-label")
    assert label.inner_text() == f"¶ [{para['label']}]"
    assert label.get_attribute("aria-label") == f"para. {para['label']} (unnumbered in the original): permalink"
    assert "prints no number" in page.locator(".positions-note").inner_text()


def test_a_printed_number_is_shown_plain_and_its_page_has_no_note_on_positions(page, site):
    para = printed_paragraph(site)
    page.goto(site.url(para["url"].split("#")[0]))
    assert page.locator(f"#{para['id']} > a.para-label").inner_text() == f"¶ {para['label']}"
    assert page.locator(".positions-note").count() == 0


def test_the_citation_of_a_position_says_unnumbered_and_names_the_site_version(page, site):
    para = position_paragraph(site)
    page.goto(site.url(para["url"].split("#")[0]))
    date = page.locator(".g7-page").get_attribute("data-doc-date")
    text = copied(page, f"Copy citation of paragraph {para['label']}", "Citation copied")
    version = human(latest_version(site, para["document"]))
    assert text.splitlines()[0] == (
        f"{para['document_title']}, {date}, {para['section']}, para. {para['label']} (unnumbered in the "
        f"original), site version of {version}. {site.url(para['url'])}")


def test_links_citations_and_printed_urls_carry_no_query_string(page, site):
    para = position_paragraph(site)
    page.goto(site.url(para["url"].split("#")[0]) + "index.html?utm_source=newsletter&utm_medium=email#top")
    link = copied(page, f"Copy link to paragraph {para['label']}", "Link copied")
    assert link == site.url(para["url"])
    citation = copied(page, f"Copy citation of paragraph {para['label']}", "Citation copied")
    assert "utm_" not in citation and "index.html" not in citation and "#top" not in citation
    assert page.locator(f"#{para['id']}").get_attribute("data-print-url") == site.url(para["url"])


def test_copy_bibtex_gives_an_entry_with_the_permanent_url_and_the_label(page, site):
    para = position_paragraph(site)
    page.goto(site.url(para["url"].split("#")[0]) + "?utm_source=x")
    entry = copied(page, f"Copy BibTeX of paragraph {para['label']}", "BibTeX copied")
    assert entry.startswith("@misc{" + para["id"] + ",\n")
    assert f"  url = {{{site.url(para['url'])}}}" in entry
    assert f"para. {para['label']} (unnumbered in the original)" in entry
    assert entry.count("{") == entry.count("}") and entry.rstrip().endswith("}")


def test_copy_csl_json_gives_an_item_reference_managers_import(page, site):
    para = printed_paragraph(site)
    page.goto(site.url(para["url"].split("#")[0]) + "?utm_source=x")
    items = json.loads(copied(page, f"Copy CSL-JSON of paragraph {para['label']}", "CSL-JSON copied"))
    assert isinstance(items, list) and len(items) == 1
    item = items[0]
    for field in ("id", "type", "title", "container-title", "issued", "URL", "accessed", "locator", "label"):
        assert item.get(field), field
    assert item["type"] == "document" and item["title"] == para["document_title"]
    assert item["URL"] == site.url(para["url"])
    assert item["locator"] == para["label"] and item["label"] == "paragraph"
    year, month, day = item["issued"]["date-parts"][0]
    assert all(isinstance(n, int) for n in (year, month, day)) and 1990 < year < 2100
    assert len(item["accessed"]["date-parts"][0]) == 3
    assert item["version"].startswith("site version of ")


def test_copy_text_gives_the_paragraph_text_as_published(page, site):
    para = printed_paragraph(site)
    page.goto(site.url(para["url"].split("#")[0]))
    assert copied(page, f"Copy text of paragraph {para['label']}", "Text copied") == para["text"]


def test_copy_text_of_a_paragraph_with_a_list_gives_one_line_per_block(page, site):
    para = next(p for p in site.paragraphs if "\n" in p["text"])
    page.goto(site.url(para["url"].split("#")[0]))
    text = copied(page, f"Copy text of paragraph {para['label']}", "Text copied")
    expected = [line.lstrip("-•*–— ").strip() if line[:1] in "-•*–—" else line for line in para["text"].split("\n")]
    assert text.split("\n") == expected
