"""Phones and keyboards: the nav panel, no sideways scrolling, skip link and focus."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_nav_toggle_opens_and_closes_the_nav_on_a_phone(phone, site):
    phone.goto(site.url(site.section_pages[0]))
    toggle = phone.locator(".nav-toggle")
    nav = phone.locator("#site-nav")
    assert nav.is_hidden() and toggle.get_attribute("aria-expanded") == "false"
    toggle.tap()
    assert nav.is_visible() and toggle.get_attribute("aria-expanded") == "true"
    panel = phone.evaluate("""() => {
        const n = document.getElementById('site-nav').getBoundingClientRect();
        return {top: n.top, bottom: n.bottom, header: document.querySelector('.site-header').getBoundingClientRect().bottom};
    }""")
    assert panel["top"] >= panel["header"] - 1, f"the nav panel starts under the header: {panel}"
    assert panel["bottom"] <= phone.viewport_size["height"] + 1, f"the nav panel runs off the screen: {panel}"
    toggle.tap()
    assert nav.is_hidden() and toggle.get_attribute("aria-expanded") == "false"


def test_escape_closes_the_nav_and_returns_focus_to_the_toggle(phone, site):
    phone.goto(site.url(""))
    phone.locator(".nav-toggle").tap()
    phone.locator("#site-nav a").first.focus()
    phone.keyboard.press("Escape")
    assert phone.locator("#site-nav").is_hidden()
    assert phone.evaluate("document.activeElement.classList.contains('nav-toggle')")
    assert phone.locator(".nav-toggle").get_attribute("aria-expanded") == "false"


@pytest.mark.parametrize("which", ["home", "section", "document", "glossary", "search", "commitments", "topic",
                                   "mentions"])
def test_nothing_overflows_sideways_on_a_390px_phone(phone, site, which):
    def largest(urls: list[str]) -> str:
        return max(urls, key=lambda u: (site.root / u / "index.html").stat().st_size)

    longest = largest(site.section_pages)
    path = {"home": "", "section": longest, "document": longest.split("/")[0] + "/",
            "glossary": "glossary/", "search": "search/?q=G7+commitment",
            # Its rows' links name the document, section and sentence.
            "commitments": largest(site.pages_under("commitments")),
            "topic": largest(site.pages_under("topics")),
            # An entry's own list of the paragraphs that mention it.
            "mentions": largest(site.pages_under("glossary"))}[which]
    phone.goto(site.url(path))
    phone.wait_for_timeout(100)
    # clientWidth, not innerWidth: on a phone innerWidth widens to fit what overflows.
    width = phone.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert width[0] <= width[1], f"{path} is {width[0]}px wide in a {width[1]}px viewport"


def test_first_tab_reaches_a_visible_skip_link_to_the_text(page, site):
    page.goto(site.url(site.section_pages[0]))
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert page.evaluate("document.activeElement.classList.contains('skip-link')")
    box = skip.bounding_box()
    assert box and box["y"] >= 0
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "content"


def test_keyboard_focus_is_always_visible(page, site):
    page.goto(site.url(site.section_pages[0]))
    unmarked = []
    for _ in range(25):
        page.keyboard.press("Tab")
        style = page.evaluate("""() => {
            const s = getComputedStyle(document.activeElement);
            return [document.activeElement.outerHTML.slice(0, 80), s.outlineStyle, s.outlineWidth];
        }""")
        if style[1] == "none" or style[2] == "0px":
            unmarked.append(style[0])
    assert not unmarked, f"focus not visible on: {unmarked}"
