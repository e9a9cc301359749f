"""An address the site does not have: the theme's 404 page, served as static hosts
serve it, styled and navigable at any depth, pointing to the nearest page that exists
and forwarding a paragraph link to where its words are now."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def _a_topic_list(site) -> str:
    return site.pages_under("commitments")[-1]


def test_a_missing_address_gets_the_sites_own_not_found_page_styled_with_its_navigation(watched, site):
    page, watch = watched
    response = page.goto(site.url("no-such-document/no-such-section/"))
    assert response.status == 404
    assert page.locator("h1").inner_text() == "Page not found"
    assert page.title() == "Page not found · G7 texts"
    # The stylesheet is linked from the site's root, so it applies at any depth.
    assert page.evaluate("getComputedStyle(document.querySelector('.site-header')).display") == "flex"
    documents = page.locator(".nav-documents > li > a")
    assert documents.count() == len({p["url"].split("/")[0] for p in site.paragraphs})
    documents.first.click()
    page.wait_for_load_state()
    assert page.locator("body").get_attribute("data-kind") == "document"
    assert [r for r in watch.requests if "/css/" in r or "/js/" in r]
    assert [e for e in watch.errors if "404" not in e] == []


def test_a_page_gone_from_a_shorter_list_points_to_the_list_that_remains(page, site):
    listed = _a_topic_list(site)
    assert not site.has_page(listed + "9/")
    response = page.goto(site.url(listed + "9/"))
    assert response.status == 404
    nearest = page.locator(".nearest-page a")
    nearest.wait_for()
    assert nearest.get_attribute("href") == "/" + listed
    title = nearest.inner_text()
    nearest.click()
    page.wait_for_load_state()
    assert page.url == site.url(listed)
    assert page.title() == title + " · G7 texts"


def test_the_nearest_page_skips_every_address_the_site_does_not_have(page, site):
    response = page.goto(site.url("gone/also-gone/page/"))
    assert response.status == 404
    nearest = page.locator(".nearest-page a")
    nearest.wait_for()
    assert nearest.get_attribute("href") == "/"


def test_a_paragraph_link_at_an_address_that_is_gone_lands_on_the_paragraph(page, site):
    para = site.paragraphs[len(site.paragraphs) // 2]
    page.goto(site.url(f"an-old-address/of-a-section/#{para['id']}"))
    page.wait_for_url(site.url(para["url"]))
    target = page.locator(":target")
    assert target.get_attribute("id") == para["id"]
    assert " ".join(para["text"].split()[:6]) in " ".join(target.inner_text().split())
