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


def test_every_paragraph_naming_the_g7_is_on_its_page_or_under_an_entry_whose_name_holds_it(built_site):
    """The G7 page lists the paragraphs naming the G7 itself; a paragraph naming it only
    inside a longer name (the G7 Roma-Lyon Group) is that entry's mention, and the page
    names every such entry."""
    import json
    import re

    paragraphs = json.loads((built_site.site / "api" / "paragraphs.json").read_text(encoding="utf-8"))
    naming = [p for p in paragraphs if re.search(r"(?<![\w])G7(?![\w])|Group of Seven", p["text"])]
    page = BeautifulSoup((built_site.site / "glossary" / "g7" / "index.html").read_text(encoding="utf-8"),
                         "html.parser")
    listed = {a["href"].rsplit("#", 1)[1] for a in page.select("h1 ~ ul a[href*='#']")}
    # An entry named inside others links each of them: its own list (glossary/<id>/) or entry.
    holders = {a["href"].rstrip("/").rsplit("/", 1)[-1].lstrip("#") for a in page.select("#named-inside a")}
    assert len(naming) == 88 and len(listed) == 58
    unexplained = [p["id"] for p in naming if p["id"] not in listed and not holders & set(p["terms"])]
    assert unexplained == []
    assert {"roma-lyon-group", "apulia-communique"} <= holders


def test_an_entrys_mention_list_words_labels_as_every_list_does_and_names_an_untitled_section_by_its_document(built_site):
    """A position is '¶ [n]' in lists (label_wording, short), never '¶ n'; a document's only,
    untitled section is not called 'Text'."""
    import json

    paragraphs = json.loads((built_site.site / "api" / "paragraphs.json").read_text(encoding="utf-8"))
    mentioning = [p for p in paragraphs if not p["label_printed"] and p["terms"]]
    assert mentioning
    pages = built_pages(built_site.site)
    for p in mentioning[:40]:
        for term in p["terms"]:
            page = pages.get(f"glossary/{term}/index.html")
            if page is None:
                continue
            links = [a for a in page.select("main li a") if a["href"].endswith("#" + p["id"])]
            assert links, (term, p["id"])
            assert all(a.get_text() == f"¶ [{p['label']}]" for a in links), (term, p["id"])
    for path, page in pages.items():
        if path.startswith("glossary/"):
            assert not [li for li in page.select("main li") if "— Text:" in li.get_text()], path
