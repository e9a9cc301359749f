"""Copy link and copy citation: real buttons that put the expected text on the clipboard."""

from __future__ import annotations

from urllib.parse import quote

import pytest

pytestmark = pytest.mark.browser


def cited(site) -> dict:
    """Return a paragraph with a section title, a few paragraphs into its page."""
    return next(p for p in site.paragraphs if p["section"] and not p["url"].endswith("-1"))


def clipboard(page) -> str:
    return page.evaluate("navigator.clipboard.readText()")


def test_copy_link_button_puts_the_paragraph_url_on_the_clipboard(page, site):
    para = cited(site)
    page.goto(site.url(para["url"].split("#")[0]))
    page.get_by_role("button", name=f"Copy link to paragraph {para['label']}", exact=True).click()
    page.wait_for_function("document.querySelector('[aria-live]')?.textContent === 'Link copied'")
    assert clipboard(page) == site.url(para["url"])


def test_copy_citation_by_keyboard_puts_a_formatted_citation_on_the_clipboard(page, site):
    para = cited(site)
    page.goto(site.url(para["url"].split("#")[0]))
    date = page.locator(".g7-page").get_attribute("data-doc-date")
    version = page.locator(".g7-page").get_attribute("data-version")
    assert version
    button = page.get_by_role("button", name=f"Copy citation of paragraph {para['label']}", exact=True)
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelector('[aria-live]')?.textContent === 'Citation copied'")
    url = site.url(para["url"])
    words = " ".join(para["text"].split()[:6])
    fragment = quote(words, safe="!'()*~").replace("-", "%2D")
    assert clipboard(page) == (
        f"{para['document_title']}, {date}, {para['section']}, ¶ {para['label']}, site version of {version}. {url}\n"
        f"Text fragment link: {url.split('#')[0]}#:~:text={fragment}")


def test_copy_link_works_by_touch(phone, site):
    para = cited(site)
    phone.goto(site.url(para["url"].split("#")[0]))
    button = phone.get_by_role("button", name=f"Copy link to paragraph {para['label']}", exact=True)
    button.scroll_into_view_if_needed()
    button.tap()
    phone.wait_for_function("document.querySelector('[aria-live]')?.textContent === 'Link copied'")
    assert phone.evaluate("navigator.clipboard.readText()") == site.url(para["url"])


def test_every_paragraph_has_a_permalink_and_every_copy_button(page, site):
    page.goto(site.url(site.section_pages[0]))
    counts = page.evaluate("""() => [...document.querySelectorAll('.para')].map(p => [
        p.querySelectorAll('a.para-label[href="#' + p.id + '"]').length,
        p.querySelectorAll('button.para-tool[aria-label], summary.para-tool[aria-label]').length])""")
    assert counts and all(c == [1, 3] for c in counts), counts  # link, citation, "More" (further formats)
