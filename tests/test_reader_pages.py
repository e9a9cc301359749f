"""The reader's pages as built (issue 22, part B): titles, the header's reference links,
the glossary's pages."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup


def built_pages(site: Path) -> dict[str, BeautifulSoup]:
    """Return every built HTML page, by its path inside the site."""
    return {str(p.relative_to(site)): BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser")
            for p in sorted(site.rglob("*.html"))}


def test_no_page_title_repeats_a_segment(built_site):
    pages = built_pages(built_site.site)
    overview = pages["g7-leaders-2024-apulia-communique/index.html"].title.get_text()
    assert overview == "G7 Apulia Leaders’ Communiqué · G7 texts"
    doubled = {}
    for path, page in pages.items():
        if page.title is None:
            continue
        segments = [s.strip() for s in page.title.get_text().split(" · ")]
        if len(segments) != len(set(segments)):
            doubled[path] = page.title.get_text()
    assert doubled == {}
    assert len(pages) > 80
