"""The g7 MkDocs plugin: what it hands MkDocs, and what it lets MkDocs drop once used."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import yaml

from build_tools.site.build import pages_folder
from build_tools.site.plugin import G7Plugin

ROOT = Path(__file__).resolve().parent.parent
COMMUNIQUE = "g7-interior-security-ministers-2024-communique"


def test_the_plugin_lets_mkdocs_drop_a_pages_markdown_and_html_once_used():
    page = SimpleNamespace(markdown="# text", content="<p>text</p>")
    plugin = G7Plugin()
    assert plugin.on_page_content("<p>text</p>", page, {}, None) == "<p>text</p>"
    assert page.markdown == "" and page.content == "<p>text</p>"
    assert plugin.on_post_page("<html>", page, {}) == "<html>"
    assert page.content is None


def test_the_site_is_built_with_our_plugin_alone_and_its_search_index_is_pagefind(built_site):
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["plugins"] == ["g7"]
    assert (built_site.site / "pagefind" / "pagefind.js").is_file()
    assert list((built_site.site / "pagefind" / "fragment").iterdir())
    assert not (built_site.site / "search" / "lunr.js").exists()
    assert not (built_site.site / "search" / "search_index.json").exists()


def test_built_pages_keep_their_titles_after_mkdocs_let_their_markdown_go(built_site):
    html = (built_site.site / COMMUNIQUE / "ukraine" / "index.html").read_text(encoding="utf-8")
    title = html.split("<title>", 1)[1].split("</title>", 1)[0]
    assert title.startswith("Ukraine · G7 Interior and Security Ministers")
    assert title.endswith("· G7 texts")
    assert '<span aria-current="page">Ukraine</span>' in html, "the breadcrumb lost the section's title"


def test_make_site_hands_mkdocs_its_pages_in_memory_and_writes_none_out(built_site):
    # Only a preview writes its pages out (for `mkdocs serve --dirty`); a build from scratch
    # has MkDocs read them from memory, and every page is built.
    assert not pages_folder(built_site.source, ROOT).exists()
    assert (built_site.site / COMMUNIQUE / "ukraine" / "index.html").is_file()
