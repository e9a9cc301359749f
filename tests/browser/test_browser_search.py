"""Search: the header form, phrase-first ranking, results that land on the paragraph."""

from __future__ import annotations

import json
import re

import pytest

pytestmark = pytest.mark.browser

PHRASE = "Cryptocurrency Prosecutors and Agents Network"


def result_links(page) -> list[str]:
    page.locator(".search-status").filter(has_text=re.compile(r"result")).wait_for()
    return page.eval_on_selector_all(".search-result-title a", "as => as.map(a => a.getAttribute('href'))")


def test_search_finds_a_phrase_and_its_result_lands_on_the_paragraph(page, site):
    para = next(p for p in site.paragraphs if PHRASE in p["text"])
    page.goto(site.url(""))
    page.fill("#search-input", PHRASE)
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=*")
    links = result_links(page)
    assert any(link.endswith(para["url"]) for link in links[:3]), links
    result = page.locator('.search-result:has(a[href$="%s"])' % para["url"])
    assert PHRASE in result.locator("mark").first.inner_text().replace("\n", " ")
    result.locator(".search-result-title a").click()
    page.wait_for_url("**/" + para["url"])
    assert page.evaluate("id => document.getElementById(id).matches(':target')", para["id"])


def test_exact_phrase_matches_rank_before_all_word_matches(page, site):
    query = "human rights"
    index = json.loads((site.root / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    folded = lambda d: " ".join((d["title"] + " " + d["text"]).split()).lower()  # noqa: E731
    phrase_hits = {d["location"] for d in index if query in folded(d)}
    page.goto(site.url("search/?q=" + query.replace(" ", "+")))
    links = result_links(page)
    tiers = [0 if any(link.endswith(h) for h in phrase_hits) else 1 for link in links]
    assert 0 in tiers and 1 in tiers, "pick a query with both kinds of match"
    assert tiers == sorted(tiers), "an all-words match came before an exact phrase match"
    assert len(links) <= 50


def test_search_shows_markup_in_the_query_as_text(page, site):
    page.goto(site.url("search/?q=%3Cimg+src%3Dx+onerror%3Dalert(1)%3E"))
    page.locator(".search-status").filter(has_text="No results").wait_for()
    assert page.locator("main img").count() == 0
    assert "<img" in page.locator(".search-status").inner_text()


def test_glossary_entries_are_found_by_acronym(page, site):
    glossary = json.loads((site.root / "api" / "glossary.json").read_text(encoding="utf-8"))
    entry = next((e for e in glossary if e["acronym"]), None)
    assert entry, "the glossary has no entry with an acronym yet"
    page.goto(site.url("search/?q=" + entry["acronym"]))
    links = result_links(page)
    assert any(link.endswith("glossary/#" + entry["id"]) for link in links)
