"""Search: the header box (a combobox), the search page and its filters, landing on a result."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from browser_support import AXE
from search_support import type_query

pytestmark = pytest.mark.browser

CAPTAGON = "g7-interior-2024-illicit-synthetic-drugs-3"


def test_results_show_as_you_type_and_enter_opens_the_chosen_paragraph_with_its_words_marked(page, site):
    para = site.paragraph(CAPTAGON)
    page.goto(site.url(""))
    results, _ = type_query(page, "captagon")
    assert [r.id for r in results] == [CAPTAGON]
    assert results[0].title == "Illicit synthetic drugs ¶ 3 · G7 Interior and Security Ministers’ Communiqué 2024"
    assert page.locator("#search-options mark").all_inner_texts() == ["captagon"]
    page.keyboard.press("ArrowDown")
    assert page.get_attribute("#search-input", "aria-activedescendant") == "search-option-0"
    assert page.get_attribute("#search-option-0", "aria-selected") == "true"
    page.keyboard.press("Enter")
    page.wait_for_url("**/" + para["url"])
    assert page.evaluate("id => document.getElementById(id).matches(':target')", CAPTAGON)
    page.locator(f"#{CAPTAGON} mark.search-hit").first.wait_for()
    assert page.locator(f"#{CAPTAGON} mark.search-hit").all_inner_texts() == ["captagon"]
    assert urlsplit(page.url).query == "", "the words to mark stay in the address"


def test_a_position_label_is_marked_as_such_in_a_result_title(page, site):
    page.goto(site.url(""))
    results, _ = type_query(page, "Mirabella Eclano")
    titles = {r.id: r.title for r in results}
    assert titles["g7-interior-2024-preamble-1"].startswith("Preamble ¶ 1 · G7 Interior")
    results, _ = type_query(page, "enduring unity")
    titles = {r.id: r.title for r in results}
    document = site.paragraph("g7-apulia-2024-preamble-1")["document_title"]  # 'Leaders’\u00a0Communiqué'
    assert titles["g7-apulia-2024-preamble-1"] == f"Preamble para. 1 (unnumbered in the original) · {document} 2024"


def test_the_box_is_a_combobox_whose_listbox_and_count_a_screen_reader_is_told(page, site):
    page.goto(site.url(site.section_pages[0]))
    box = page.locator("#search-input")
    type_query(page, "Europol")
    assert box.get_attribute("role") == "combobox"
    assert box.get_attribute("aria-expanded") == "true"
    assert box.get_attribute("aria-controls") == "search-options"
    assert page.get_attribute("#search-options", "role") == "listbox"
    assert page.locator("#search-options [role=option]").count() >= 3
    status = page.locator("#search-pop-status")
    assert status.get_attribute("role") == "status" and "results shown" in status.inner_text()
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document.querySelector('.site-header'), {resultTypes: ['violations']})")
    assert [v["id"] for v in result["violations"] if v["impact"] in ("serious", "critical")] == []
    page.keyboard.press("Escape")
    assert box.get_attribute("aria-expanded") == "false" and page.locator("#search-pop").is_hidden()


def test_slash_puts_the_cursor_in_the_search_box_from_anywhere(page, site):
    page.goto(site.url(site.section_pages[0]))
    page.locator("main").click()
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "search-input"
    assert page.input_value("#search-input") == ""


def test_enter_with_no_result_chosen_opens_the_search_page_for_a_shared_link(page, site):
    page.goto(site.url(""))
    type_query(page, "migrant smuggling")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=migrant+smuggling")
    page.locator(".search-result").first.wait_for()
    assert page.input_value("#search-input") == "migrant smuggling"
    assert "migrant smuggling" in page.locator(".search-status").inner_text()


def test_the_search_page_filters_by_document_kind_year_and_topic_with_counts_kept_in_its_url(page, site):
    page.goto(site.url("search/?q=smuggling&kind=summary"))
    page.locator(".search-result").first.wait_for()
    legends = page.locator(".search-filter legend").all_inner_texts()
    assert legends == ["Document", "Kind", "Year", "Topic"]
    assert page.locator('input[name=kind][value=summary]').is_checked()
    hrefs = page.eval_on_selector_all(".search-result a", "as => as.map(a => a.getAttribute('href'))")
    assert hrefs and all("/g7-interior-security-ministers-2024-action-plan-summary/" in h for h in hrefs), hrefs
    assert "(1)" in page.locator('label:has(input[value=summary])').inner_text()
    page.locator('input[name=kind][value=summary]').uncheck()
    page.locator('input[name=year][value="2024"]').check()
    page.wait_for_function("() => location.search.includes('year=2024')")
    assert parse_qs(urlsplit(page.url).query) == {"q": ["smuggling"], "year": ["2024"]}
    page.locator(".search-result").first.wait_for()
    assert page.locator(".search-result").count() > len(hrefs)


def test_search_shows_markup_in_the_query_as_text(page, site):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(site.url("search/?q=%3Cimg+src%3Dx+onerror%3Dalert(1)%3E"))
    page.locator(".search-status").filter(has_text="“<img src=x onerror=alert(1)>”").wait_for()
    assert page.locator("main img").count() == 0 and dialogs == []
    type_query(page, "<b>Europol</b>")
    assert page.locator("#search-pop b").count() == 0 and dialogs == []


def test_opened_from_disk_the_search_box_says_search_needs_the_site_served(page, site):
    page.goto((site.root / "index.html").as_uri())
    page.click("#search-input")
    status = page.locator("#search-pop-status")
    status.wait_for()
    assert "make serve" in status.inner_text() and "static web server" in status.inner_text()
    page.goto((site.root / "search" / "index.html").as_uri() + "?q=AI")
    page.locator(".search-status").filter(has_text="make serve").wait_for()


def test_the_search_page_folds_its_filters_so_results_show_first_and_leaves_out_values_giving_none(page, site):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site.url("search/?q=migrant+smuggling"))
    page.locator(".search-result").first.wait_for()
    assert page.locator(".search-filter-fold").evaluate("d => !d.open")
    assert page.locator(".search-result").first.bounding_box()["y"] < 900, "the first result is below the first screen"
    page.locator(".search-filter-fold summary").click()
    counts = page.locator(".search-filter-value .count").all_inner_texts()
    assert counts and "(0)" not in counts
