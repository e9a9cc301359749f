"""Glossary terms in the text: a popover on hover and focus, a link to the entry and back."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from build_tools.render.glossary_page import MENTIONS_SHOWN

pytestmark = pytest.mark.browser


def mention_counts(site) -> dict[str, int]:
    """Return glossary id → number of paragraphs mentioning the entry."""
    entries = json.loads((site.root / "api" / "glossary.json").read_text(encoding="utf-8"))
    return {e["id"]: len(e["mentions"]) for e in entries}


def term_page(site, listed_inline: bool | None = None) -> tuple[str, str, str]:
    """Return (page url, paragraph id, term id) of the first paragraph mentioning a glossary
    term: any term, or with ``listed_inline`` True one whose entry lists its mentions itself,
    with False the most mentioned term, whose mentions have a page of their own."""
    counts = mention_counts(site)
    if listed_inline is None:
        wanted = lambda term: True  # noqa: E731
    elif listed_inline:  # no entry is, since MENTIONS_SHOWN is 0; kept for a site that lists some
        wanted = lambda term: counts[term] <= MENTIONS_SHOWN  # noqa: E731
    else:
        most = max(counts, key=counts.get)
        assert counts[most] > MENTIONS_SHOWN, "no entry is mentioned often enough to have a page of its own"
        wanted = lambda term: term == most  # noqa: E731
    found = next(((p, t) for p in site.paragraphs for t in p["terms"] if wanted(t)), None)
    assert found, "no paragraph mentions a glossary term: source/glossary.yml should define some"
    para, term = found
    return para["url"].split("#")[0], para["id"], term


def term_link(page, para_id, term):
    return page.locator(f'[id="{para_id}"] a.term[data-term="{term}"]').first


def entry_mentions(page, term: str, href_suffix: str = ""):
    """Return a locator of the links a glossary entry lists for its mentions: those of its
    'Mentioned in' paragraph and the list after it, under its heading (the entry's blocks
    run from its heading to the next one)."""
    page.evaluate("""t => {
        let node = document.getElementById(t).nextElementSibling;
        while (node && !/^H[1-3]$/.test(node.tagName)) {
            if (node.matches('.entry-mentions, .entry-mentions + ul'))
                node.querySelectorAll('a').forEach((a) => { a.dataset.mentionOf = t; });
            node = node.nextElementSibling;
        }
    }""", term)
    suffix = f'[href$="{href_suffix}"]' if href_suffix else ""
    return page.locator(f'a[data-mention-of="{term}"]{suffix}')


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


def test_glossary_filter_narrows_the_entries_and_hides_empty_letters(page, site):
    page.goto(site.url("glossary/"))
    entries = page.locator("h3.entry-name")
    total = entries.count()
    page.locator(".glossary-filter input").fill("roma-lyon")
    visible = page.locator("h3.entry-name:visible")
    assert 1 <= visible.count() < total
    assert page.locator("#roma-lyon-group").is_visible()
    # An entry is found by its names and definition (the blocks the filter reads).
    for shown in visible.evaluate_all("""hs => hs.map((h) => {
        let text = h.textContent;
        for (let n = h.nextElementSibling; n && !/^H[23]$/.test(n.tagName); n = n.nextElementSibling)
            if (n.matches('.entry-definition, .entry-aliases')) text += ' ' + n.textContent;
        return text.toLowerCase();
    })"""):
        assert "roma-lyon" in shown
    assert page.locator("h2.glossary-letter:visible").count() < page.locator("h2.glossary-letter").count()
    assert f"of {total} entries" in page.locator(".glossary-filter-status").inner_text()
    page.locator(".glossary-filter input").fill("")
    assert page.locator("h3.entry-name:visible").count() == total


def test_glossary_az_bar_leads_to_each_letter(page, site):
    page.goto(site.url("glossary/"))
    letters = page.locator(".glossary-az a")
    assert letters.count() >= 20
    page.locator('.glossary-az a[href="#letter-u"]').click()
    page.wait_for_url("**/glossary/#letter-u")
    assert page.locator("#letter-u").inner_text().strip().startswith("U")


def test_a_much_mentioned_term_leads_to_its_entry_its_own_list_and_back(page, site):
    url, para_id, term = term_page(site, listed_inline=False)
    page.goto(site.url(url))
    term_link(page, para_id, term).click()
    page.wait_for_url(f"**/glossary/#{term}")
    assert entry_mentions(page, term, f"#{para_id}").count() == 0
    entry_mentions(page, term).click()
    page.wait_for_url(f"**/glossary/{term}/")
    listed = page.locator(".g7-glossary h1 ~ ul a")
    assert listed.count() == mention_counts(site)[term], "the entry's own list misses paragraphs"
    page.locator(f'.g7-glossary h1 ~ ul a[href$="#{para_id}"]').click()
    page.wait_for_url(f"**/{url}#{para_id}")
    assert page.evaluate("id => document.getElementById(id).matches(':target')", para_id)
