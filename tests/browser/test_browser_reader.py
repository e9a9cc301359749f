"""The reader's way around (issue 22, part B): the header's reference links at every width,
the sidebar's current section, popovers that stay on screen and take the keyboard, phones
of 320 and 390 px, target sizes and control contrast."""

from __future__ import annotations

import pytest

from browser_support import DESKTOP, PHONE, open_context
from search_support import type_query

pytestmark = pytest.mark.browser

NARROW = {"width": 320, "height": 640}
REFERENCE = ["Documents", "Topics", "Glossary", "Commitments", "Changes"]


def page_types(site) -> dict[str, str]:
    """Return page type → URL of the largest page of that type (the one most likely to overflow)."""
    def largest(urls: list[str]) -> str:
        return max(urls, key=lambda u: (site.root / u / "index.html").stat().st_size)

    section = largest(site.section_pages)
    return {"home": "", "document": section.split("/")[0] + "/", "section": section,
            "topics": "topics/", "topic": largest(site.pages_under("topics")),
            "glossary": "glossary/", "mentions": largest(site.pages_under("glossary")),
            "commitments": "commitments/", "commitment list": largest(site.pages_under("commitments")),
            "changes": "changes/", "search": "search/?q=migration", "not found": "no/such/page/"}


@pytest.fixture(scope="module", params=[DESKTOP, PHONE, NARROW], ids=["1280", "390", "320"])
def sized(request, browser, site):
    context, _ = open_context(browser, site, viewport=request.param,
                              has_touch=request.param != DESKTOP, is_mobile=request.param != DESKTOP)
    yield context.new_page()
    context.close()


def test_reference_pages_are_linked_from_the_header_of_every_page_at_every_width(sized, site):
    width = sized.viewport_size["width"]
    for kind, url in page_types(site).items():
        sized.goto(site.url(url))
        links = sized.evaluate("""() => Array.from(document.querySelectorAll('.site-header .reference-links a')).map((a) => {
            const r = a.getBoundingClientRect();
            return {name: a.textContent.trim(), href: a.href, left: r.left, right: r.right, top: r.top, bottom: r.bottom,
                    visible: r.width > 0 && getComputedStyle(a).visibility === 'visible'};
        })""")
        assert [link["name"] for link in links] == REFERENCE, kind
        for link in links:
            assert link["visible"] and link["left"] >= 0 and link["right"] <= width and link["bottom"] <= 200, (kind, link)
        for link, path in zip(links, ["", "topics/", "glossary/", "commitments/", "changes/"]):
            assert link["href"] == site.url(path), (kind, link)


def test_sidebar_shows_the_current_section_without_scrolling(page, site):
    by_document: dict[str, list[str]] = {}
    for url in site.section_pages:
        by_document.setdefault(url.split("/")[0], []).append(url)
    # The last section in the sidebar of the document with the most sections.
    document = max(by_document, key=lambda d: len(by_document[d]))
    page.goto(site.url(document + "/"))
    last = page.locator("#site-nav .nav-sections a").last.evaluate("a => a.href")
    page.goto(last)
    page.wait_for_timeout(100)
    place = page.evaluate("""() => {
        const nav = document.getElementById('site-nav').getBoundingClientRect();
        const link = document.querySelector('#site-nav [aria-current="page"]').getBoundingClientRect();
        return {top: link.top, bottom: link.bottom, navTop: nav.top, navBottom: Math.min(nav.bottom, innerHeight)};
    }""")
    assert place["top"] >= place["navTop"] and place["bottom"] <= place["navBottom"], place


def _term_at_the_bottom(page, site):
    """Open a page with a glossary term, scroll that term to the window's bottom edge, return it."""
    para = next(p for p in site.paragraphs if p["terms"])
    page.goto(site.url(para["url"].split("#")[0]))
    link = page.locator(f'[id="{para["id"]}"] a.term').first
    link.evaluate("""(a) => {
        document.body.style.paddingTop = innerHeight + 'px';   // room to scroll it down to the edge
        window.scrollTo(0, scrollY + a.getBoundingClientRect().bottom - innerHeight + 4);
    }""")
    return link


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "390"])
def test_popover_near_the_bottom_of_the_window_opens_above_its_term(browser, site, viewport):
    context, _ = open_context(browser, site, viewport=viewport)
    page = context.new_page()
    link = _term_at_the_bottom(page, site)
    link.hover()
    pop = page.locator("#term-pop")
    pop.wait_for(state="visible")
    box, term, room = pop.bounding_box(), link.bounding_box(), page.evaluate(
        "[document.documentElement.clientWidth, document.documentElement.clientHeight]")
    assert box["y"] >= 0 and box["y"] + box["height"] <= room[1], (box, room)
    assert box["y"] + box["height"] <= term["y"] + 1, "the popover does not sit above its term"
    assert box["x"] >= 0 and box["x"] + box["width"] <= room[0], (box, room)
    context.close()


def test_tab_reaches_the_popover_link_and_escape_returns_focus_to_the_term(page, site):
    para = next(p for p in site.paragraphs if p["terms"])
    page.goto(site.url(para["url"].split("#")[0]))
    term = page.locator(f'[id="{para["id"]}"] a.term').first
    term.focus()
    page.locator("#term-pop").wait_for(state="visible")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('term-pop-link')"), \
        "Tab from a term does not reach its popover's link"
    assert page.evaluate("document.activeElement.href") == term.evaluate("a => a.href")
    page.keyboard.press("Escape")
    page.locator("#term-pop").wait_for(state="hidden")
    assert term.evaluate("a => document.activeElement === a"), "focus did not return to the term"
    assert page.locator("#term-pop").is_hidden(), "the popover reopened when focus returned"


WIDER_THAN_VIEWPORT = """() => {
    const room = document.documentElement.clientWidth;
    return Array.from(document.querySelectorAll('body *')).filter((n) => {
        if (n.closest('.visually-hidden, [hidden], .skip-link, script, style')) return false;
        const r = n.getBoundingClientRect();
        return r.width > 0 && (r.right > room + 0.5 || r.left < -0.5);
    }).map((n) => n.tagName + '.' + n.className + ' ' + (n.textContent || '').trim().slice(0, 40));
}"""


@pytest.mark.parametrize("viewport", [NARROW, PHONE], ids=["320", "390"])
def test_no_element_is_wider_than_a_phone_on_any_page_type(browser, site, viewport):
    context, _ = open_context(browser, site, viewport=viewport, has_touch=True, is_mobile=True)
    page = context.new_page()
    wide = {}
    for kind, url in page_types(site).items():
        page.goto(site.url(url))
        page.wait_for_timeout(100)
        found = page.evaluate(WIDER_THAN_VIEWPORT)
        if found:
            wide[kind] = found[:5]
    context.close()
    assert wide == {}


def test_search_box_keeps_a_usable_width_at_320px_and_shows_instant_results(browser, site):
    context, _ = open_context(browser, site, viewport=NARROW, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(site.url(site.section_pages[0]))
    box = page.locator("#search-input").bounding_box()
    assert box["width"] >= 120, f"the search box is {box['width']}px wide at 320px"
    results, _ = type_query(page, "captagon")
    assert results, "the header box shows no results at 320px"
    option = page.locator(".search-option").first
    assert option.bounding_box()["x"] + option.bounding_box()["width"] <= 320
    context.close()


# Links inside a sentence of the text are exempt from WCAG 2.2's target size (2.5.8, "Inline"):
# glossary terms, footnote references and links in the paragraph's own words.
SMALL_TARGETS = """() => Array.from(document.querySelectorAll('a[href], button, input, summary')).filter((n) => {
    if (n.closest('.visually-hidden, [hidden], .skip-link, #site-nav:not(.open)')) return false;
    if (n.matches('a.term, a.fn-ref, .fn-ref a, .footnote-ref, .para > p a, .para > ul a, .para li a, .para-text a')) return false;
    const r = n.getBoundingClientRect();
    return r.width > 0 && r.height < 24;
}).map((n) => n.tagName + '.' + n.className + ' "' + n.textContent.trim().slice(0, 30) + '" ' + Math.round(n.getBoundingClientRect().height))"""


def test_every_link_and_button_of_a_section_page_is_at_least_24px_tall_on_a_phone(phone, site):
    small = {}
    for url in site.section_pages:
        phone.goto(site.url(url))
        found = phone.evaluate(SMALL_TARGETS)
        if found:
            small[url] = found[:6]
    assert small == {}


# Besides the text's own sentences, two sentences the site writes hold links: an entry page's
# note on which mentions count, and a version page's banner.
SENTENCE_LINKS = ".entry-holders a, .version-banner a"


def every_other_page_type(site) -> list[str]:
    """One page of each type besides section pages: home, document, topics and a topic, the
    glossary and an entry's page, commitments and a topic's list, changes, a document's versions,
    its text at a version and its whole text, search and the page for an unknown address."""
    document = site.section_pages[0].split("/")[0]
    versions = site.pages_under(f"versions/{document}")
    return ["", f"{document}/", "topics/", site.pages_under("topics")[0], "glossary/",
            site.pages_under("glossary")[0], "commitments/",
            next(u for u in site.pages_under("commitments") if "/topic-" in u), "changes/",
            f"versions/{document}/", next(u for u in versions if u[-11:-1].replace("-", "").isdigit()),
            f"full-text/{document}/", "search/", "404.html"]


def test_every_link_and_button_of_every_other_page_type_is_at_least_24px_tall_on_a_phone(phone, site):
    small = {}
    for url in every_other_page_type(site):
        phone.goto(site.url(url))
        found = phone.evaluate(SMALL_TARGETS.replace("a.term, ", SENTENCE_LINKS + ", a.term, "))
        if found:
            small[url] = found[:6]
    assert small == {}


CONTROL_CONTRAST = """() => {
    const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
    const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
        .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
    const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
    const backdrop = (node) => {
        for (let n = node.parentElement; n; n = n.parentElement) {
            const c = rgb(getComputedStyle(n).backgroundColor);
            if (c.length === 3 || c[3] > 0) return c.slice(0, 3);
        }
        return [255, 255, 255];
    };
    return Array.from(document.querySelectorAll('button, input, select, textarea')).filter((n) => n.getBoundingClientRect().width > 0
        && !n.closest('.visually-hidden, [hidden]')).map((n) => {
        const style = getComputedStyle(n);
        if (parseFloat(style.borderTopWidth) === 0) return null;
        const against = backdrop(n), own = rgb(style.backgroundColor);
        const fill = own.length === 3 || own[3] > 0 ? own.slice(0, 3) : against;
        // The boundary shows against the page, or the control's own fill against the page.
        const best = Math.max(ratio(rgb(style.borderTopColor).slice(0, 3), against), ratio(fill, against));
        return best < 3 ? n.tagName + '.' + n.className + ' ' + best.toFixed(2) : null;
    }).filter(Boolean);
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_control_boundary_has_3_to_1_contrast(browser, site, scheme):
    context, _ = open_context(browser, site, viewport=PHONE, color_scheme=scheme)
    page = context.new_page()
    weak = {}
    for kind in ["section", "search", "glossary"]:
        page.goto(site.url(page_types(site)[kind]))
        page.wait_for_timeout(200)
        found = page.evaluate(CONTROL_CONTRAST)
        if found:
            weak[kind] = found
    context.close()
    assert weak == {}


def _in_nav_view(page, locator) -> bool:
    return locator.evaluate("""(a) => {
        const r = a.getBoundingClientRect(), nav = document.getElementById('site-nav').getBoundingClientRect();
        return r.height > 0 && r.top >= nav.top - 1 && r.bottom <= Math.min(nav.bottom, innerHeight) + 1;
    }""")


def test_a_section_page_lists_its_paragraphs_in_the_sidebar_following_the_scroll(page, site):
    section = max(site.section_pages, key=lambda u: sum(p["url"].startswith(u) for p in site.paragraphs))
    ids = [p["id"] for p in site.paragraphs if p["url"].split("#")[0] == section]
    page.goto(site.url(section))
    listed = page.locator("#site-nav .nav-sections [aria-current=page] ~ .on-page a")
    assert [a.split("#")[1] for a in listed.evaluate_all("as => as.map((a) => a.href)")] == ids
    labels = [site.paragraph(i)["label"] for i in ids]
    assert [t.split()[1] for t in listed.all_inner_texts()] == labels
    target = ids[len(ids) * 2 // 3]
    page.locator(f'[id="{target}"]').evaluate("p => window.scrollTo(0, p.getBoundingClientRect().top + scrollY - 100)")
    current = page.locator("#site-nav .on-page a[aria-current]")
    expect_href = f'#{target}'
    page.wait_for_function("h => { const a = document.querySelector('#site-nav .on-page a[aria-current]');"
                           " return a && a.getAttribute('href') === h; }", arg=expect_href)
    assert current.count() == 1 and _in_nav_view(page, current)


def test_other_pages_list_their_headings_on_this_page_and_phones_do_not(browser, site, page):
    page.goto(site.url("glossary/"))
    letters = page.locator("#site-nav .on-page-box .on-page a")
    headings = page.locator(".g7-page h2[id]")
    assert letters.count() == headings.count() >= 20
    last = headings.nth(headings.count() - 1)
    last.scroll_into_view_if_needed()
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    page.wait_for_function("() => { const a = document.querySelector('#site-nav .on-page a[aria-current]');"
                           " const hs = document.querySelectorAll('.g7-page h2[id]');"
                           " return a && a.getAttribute('href') === '#' + hs[hs.length - 1].id; }")
    # A phone's Menu panel keeps to the site's navigation, and does not fetch the contents code.
    context, watch = open_context(browser, site, viewport=PHONE)
    phone = context.new_page()
    phone.goto(site.url("glossary/"))
    phone.locator(".nav-toggle").click()
    phone.wait_for_load_state("networkidle")
    assert phone.locator(".on-page-box").count() == 0
    assert not [u for u in watch.requests if u.endswith("js/contents.js")]
    context.close()
