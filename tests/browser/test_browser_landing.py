"""Landing on a paragraph link: in view below the header, highlighted, forwarded when it moved."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def deep_paragraph(site) -> dict:
    """Return a paragraph far enough down its page that landing on it needs a scroll."""
    by_page: dict[str, list[dict]] = {}
    for p in site.paragraphs:
        by_page.setdefault(p["url"].split("#")[0], []).append(p)
    longest = max(by_page.values(), key=len)
    return longest[len(longest) * 2 // 3]


def test_paragraph_url_scrolls_it_into_view_below_the_sticky_header(page, site):
    para = deep_paragraph(site)
    page.goto(site.url(para["url"]))
    page.wait_for_load_state("load")
    page.wait_for_timeout(200)
    box = page.evaluate("""id => {
        const r = document.getElementById(id).getBoundingClientRect();
        const h = document.querySelector('.site-header').getBoundingClientRect();
        return {top: r.top, headerBottom: h.bottom, height: innerHeight, scrollY};
    }""", para["id"])
    assert box["scrollY"] > 0, "the page did not scroll to the paragraph"
    assert box["top"] >= box["headerBottom"] - 1, f"paragraph hidden under the header: {box}"
    assert box["top"] < box["height"] - 40, f"paragraph not in the viewport: {box}"


def test_targeted_paragraph_is_highlighted(page, site):
    para = deep_paragraph(site)
    page.goto(site.url(para["url"]))
    colours = page.evaluate("""id => {
        const bg = el => getComputedStyle(el).backgroundColor;
        const target = document.getElementById(id);
        const other = [...document.querySelectorAll('.para')].find(p => p !== target);
        return {target: bg(target), other: bg(other), matches: target.matches(':target')};
    }""", para["id"])
    assert colours["matches"]
    assert colours["target"] != colours["other"]


def test_paragraph_fragment_on_another_page_is_forwarded_to_its_section(page, site):
    para = deep_paragraph(site)
    page.goto(site.url("glossary/#" + para["id"]))
    page.wait_for_url("**/" + para["url"].split("#")[0] + "#" + para["id"])
    assert page.evaluate("id => document.getElementById(id).matches(':target')", para["id"])


def test_fragment_forwarding_follows_hash_changes(page, site):
    para = deep_paragraph(site)
    page.goto(site.url("glossary/"))
    page.evaluate("id => { location.hash = id; }", para["id"])
    page.wait_for_url("**/" + para["url"].split("#")[0] + "#" + para["id"])


def test_sentence_fragment_on_another_page_is_forwarded_to_its_sentence(page, site):
    para = next((p for p in site.paragraphs if p["commitments"]), None)
    assert para, "no paragraph carries a sentence anchor"
    anchor = para["commitments"][0]["anchor"]
    page.goto(site.url("glossary/#" + anchor))
    page.wait_for_url("**/" + para["url"].split("#")[0] + "#" + anchor)
    assert page.evaluate("id => document.getElementById(id).matches(':target')", anchor)


def test_unknown_paragraph_link_shows_a_notice(page, site):
    page.goto(site.url(site.section_pages[0] + "#no-such-paragraph-ever"))
    notice = page.locator(".anchor-notice")
    notice.wait_for()
    assert "This paragraph link is not known" in notice.inner_text()


def test_document_title_date_and_place_head_every_section_page(page, site):
    para = site.paragraphs[0]
    page.goto(site.url(para["url"]))
    masthead = page.locator(".doc-masthead").inner_text()
    assert para["document_title"].replace("\xa0", " ") in masthead.replace("\xa0", " ")
    assert page.locator(".breadcrumb a").count() >= 2


def test_previous_and_next_links_walk_the_sections(page, site):
    page.goto(site.url(site.section_pages[1]))
    nxt = page.locator("a[rel=next]")
    prev = page.locator("a[rel=prev]")
    assert prev.count() == 1 and nxt.count() == 1
    here = page.url
    nxt.click()
    page.wait_for_load_state()
    page.locator("a[rel=prev]").click()
    page.wait_for_load_state()
    assert page.url == here


def test_dark_scheme_follows_the_system_setting(browser, site):
    colours = []
    for scheme in ("light", "dark"):
        context = browser.new_context(color_scheme=scheme)
        page = context.new_page()
        page.goto(site.url(""))
        colours.append(page.evaluate("getComputedStyle(document.body).backgroundColor"))
        context.close()
    assert colours[0] != colours[1]


def test_print_shows_each_paragraph_url(page, site):
    para = site.paragraphs[0]
    page.goto(site.url(para["url"]))
    page.emulate_media(media="print")
    after = page.evaluate("id => getComputedStyle(document.getElementById(id), '::after').content", para["id"])
    assert site.url(para["url"]) in after
    assert page.locator(".site-nav").is_hidden()
