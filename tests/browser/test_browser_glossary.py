"""Glossary terms in the text: a popover on hover and focus, a link to the entry and back."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def term_page(site) -> tuple[str, str, str]:
    """Return (page url, paragraph id, term id) of the first paragraph mentioning a glossary term."""
    para = next((p for p in site.paragraphs if p["terms"]), None)
    assert para, "no paragraph mentions a glossary term: source/glossary.yml should define some"
    return para["url"].split("#")[0], para["id"], para["terms"][0]


def term_link(page, para_id, term):
    return page.locator(f'[id="{para_id}"] a.term[data-term="{term}"]').first


def popover_for(page, link):
    # Definitions load on the first popover, so the link is described a moment later.
    expect(link).to_have_attribute("aria-describedby", "term-pop")
    described = link.get_attribute("aria-describedby")
    assert described, "the term link is not described by a popover"
    pop = page.locator(f'[id="{described}"]')
    assert pop.get_attribute("role") == "tooltip"
    return pop


def test_term_popover_opens_on_hover_and_escape_closes_it(page, site):
    url, para_id, term = term_page(site)
    page.goto(site.url(url))
    link = term_link(page, para_id, term)
    link.hover()
    pop = popover_for(page, link)
    pop.wait_for(state="visible")
    entries = json.loads((site.root / "api" / "glossary.json").read_text(encoding="utf-8"))
    entry = next(e for e in entries if e["id"] == term)
    assert entry["name"] in pop.inner_text() and entry["definition"][:40] in pop.inner_text()
    page.keyboard.press("Escape")
    pop.wait_for(state="hidden")


def test_term_popover_opens_when_tabbing_to_the_term(page, site):
    url, para_id, term = term_page(site)
    page.goto(site.url(url))
    page.locator(f'[id="{para_id}"] a.para-label').focus()
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("t => document.activeElement.matches('a.term[data-term=\"' + t + '\"]')", term):
            break
    else:
        pytest.fail("tabbing never reached the term link")
    pop = popover_for(page, page.locator("a.term:focus"))
    pop.wait_for(state="visible")


def test_first_tap_on_a_term_shows_the_popover_and_second_tap_follows_it(phone, site):
    url, para_id, term = term_page(site)
    phone.goto(site.url(url))
    link = term_link(phone, para_id, term)
    link.scroll_into_view_if_needed()
    link.tap()
    popover_for(phone, link).wait_for(state="visible")
    assert "/glossary/" not in phone.url
    link.tap()
    phone.wait_for_url(f"**/glossary/#{term}")


def test_term_leads_to_its_entry_whose_mentions_lead_back(page, site):
    url, para_id, term = term_page(site)
    page.goto(site.url(url))
    term_link(page, para_id, term).click()
    page.wait_for_url(f"**/glossary/#{term}")
    assert page.evaluate("t => document.getElementById(t).matches(':target')", term)
    back = page.locator(f'[id="{term}"] .entry-mentions a[href$="#{para_id}"]')
    assert back.count() == 1, "the entry does not list the paragraph that mentions it"
    back.click()
    page.wait_for_url(f"**/{url}#{para_id}")
    assert page.evaluate("id => document.getElementById(id).matches(':target')", para_id)
