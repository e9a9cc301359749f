"""The built site, read back, for issue 22 (part A): dates in one style, a web page's
release-date stamp kept off the document, the Action Plan summary shown as what it is,
canonical and Open Graph tags when (and only when) site_url is set."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.helpers import ROOT, build, copy_source

SUMMARY = "g7-interior-security-ministers-2024-action-plan-summary"
COMMUNIQUE = "g7-interior-security-ministers-2024-communique"
ISO = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def visible_text(page: BeautifulSoup) -> str:
    main = page.find("main")
    for hidden in main.find_all(["script", "style"]):
        hidden.decompose()
    return main.get_text(" ")


def test_the_release_date_stamp_is_not_shown_above_the_date_nor_searched(built_site):
    page = soup(built_site.site, f"{COMMUNIQUE}/")
    assert "Release Date" not in visible_text(page)
    assert page.find("dt", string="Date").find_next("dd").get_text() == "11 October 2024"
    searched = " ".join(p.read_text(encoding="utf-8", errors="replace")
                        for p in (built_site.site / "pagefind").rglob("*") if p.is_file() and p.suffix != ".pf_fragment")
    assert "Release Date" not in searched


@pytest.mark.parametrize("url", ["changes/", f"{COMMUNIQUE}/", f"versions/{COMMUNIQUE}/", ""])
def test_a_reader_sees_no_iso_date(built_site, url):
    assert not ISO.findall(visible_text(soup(built_site.site, url)))


def test_the_summary_shows_its_kind_and_what_it_is_and_no_source_link(built_site):
    page = soup(built_site.site, f"{SUMMARY}/")
    assert page.find("dt", string="Kind").find_next("dd").get_text() == "Summary"
    assert "written in the third person" in page.find(class_="document-about").get_text()
    source = page.find("dt", string="Source").find_next("dd")
    assert source.get_text().startswith("No official source published")
    assert source.find("a", class_="summary-of-link")["href"] == f"../{COMMUNIQUE}/"
    assert not page.find("a", class_="source-link")
    home = soup(built_site.site, "")
    card = next(h for h in home.find_all("h3") if h.get_text().startswith("Action Plan"))
    assert card.find_next("p", class_="document-card-meta").get_text().startswith("Summary · ")


def test_the_summary_is_on_migrant_smuggling_and_not_on_topics_it_only_names_in_passing(built_site):
    rows = [p for p in json.loads((built_site.site / "api" / "paragraphs.json").read_text()) if p["document"] == SUMMARY]
    assert rows and all("migrant-smuggling-and-trafficking" in p["topics"] for p in rows)
    assert not [p["id"] for p in rows if {"gender-equality-and-inclusion", "africa-and-development"} & set(p["topics"])]


def test_lists_never_call_the_summary_s_single_section_text(built_site):
    for url in ("topics/migrant-smuggling-and-trafficking/", f"commitments/{SUMMARY}/",
                "commitments/topic-migrant-smuggling-and-trafficking/"):
        text = visible_text(soup(built_site.site, url))
        assert not re.search(r"\bText\b", text), url


def test_no_canonical_link_or_open_graph_without_site_url(built_site):
    page = soup(built_site.site, f"{COMMUNIQUE}/preamble/")
    assert not page.find("link", rel="canonical") and not page.find("meta", property=re.compile("^og:"))


def config_with_site_url(folder: Path, site_url: str) -> Path:
    """Return a copy of mkdocs.yml, its paths made absolute, with ``site_url`` set."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("docs_dir: docs", f"docs_dir: {ROOT / 'docs'}").replace(
        "custom_dir: theme", f"custom_dir: {ROOT / 'theme'}").replace(
        "  - source\n  - theme\n", f"  - {ROOT / 'theme'}\n")
    config = folder / "mkdocs.yml"
    config.write_text(f"site_url: {site_url}\n" + text, encoding="utf-8")
    return config


def test_every_page_has_absolute_canonical_and_open_graph_urls_when_site_url_is_set(tmp_path):
    from build_tools.cli import main
    import os
    source = copy_source(tmp_path / "source", with_registry=True)
    config = config_with_site_url(tmp_path, "https://example.org/g7/")
    os.environ["G7_BUILD_DATE"] = "2026-01-15"
    try:
        assert main(["build", "--source", str(source), "--site-dir", str(tmp_path / "site"),
                     "--config", str(config)]) == 0
    finally:
        os.environ.pop("G7_BUILD_DATE", None)
    site = tmp_path / "site"
    pages = [p for p in site.rglob("index.html") if "pagefind" not in p.parts]
    assert len(pages) > 20
    for path in pages:
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        if page.find("meta", attrs={"http-equiv": "refresh"}):
            continue  # a redirect page
        url = path.parent.relative_to(site).as_posix()
        expected = "https://example.org/g7/" + ("" if url == "." else url + "/")
        assert page.find("link", rel="canonical")["href"] == expected, url
        assert page.find("meta", property="og:url")["content"] == expected
        assert page.find("meta", property="og:title")["content"]
        assert page.find("meta", property="og:site_name")["content"] == "G7 texts"
    section = BeautifulSoup((site / COMMUNIQUE / "preamble" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert section.find("meta", property="og:title")["content"] == "Preamble · G7 Interior and Security Ministers’ Communiqué"
    assert section.find("meta", property="og:type")["content"] == "article"
