"""The dumped Markdown builds elsewhere: MkDocs' built-in theme here (CI), Material, ProperDocs
running our plugin, and Zensical under ``make portability`` (marked ``portability``: skipped
unless the package's portability extra is installed). Source values stay text under each."""

from __future__ import annotations

import importlib.util
import json
import shutil
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from build_tools.site.commands import dump
from build_tools.site.portability import (build_dump_with_mkdocs, build_dump_with_zensical,
                                          build_source_with_properdocs, portable_config)
from tests import hostile_source as hostile
from tests.helpers import SOURCE

needs = {name: pytest.mark.skipif(importlib.util.find_spec(name) is None, reason=f"{name} is not installed "
                                  "(make portability installs it)") for name in ("material", "properdocs")}


@pytest.fixture(scope="module")
def dumped(tmp_path_factory) -> tuple[Path, list[dict]]:
    """The real source's pages as ``make dump`` writes them, and its paragraphs."""
    docs = tmp_path_factory.mktemp("dump") / "docs"
    assert dump(SOURCE, docs) == 0
    return docs, json.loads((docs / "api" / "paragraphs.json").read_text(encoding="utf-8"))


def test_the_dump_builds_strictly_under_the_builtin_mkdocs_theme_with_every_paragraph_id(dumped, tmp_path):
    docs, paragraphs = dumped
    result = build_dump_with_mkdocs(docs, "mkdocs", tmp_path, paragraphs)
    assert result.outcome == "pass", result.line()
    assert len(paragraphs) > 300


def test_the_dump_is_self_contained_every_file_a_page_links_to_is_in_it(dumped):
    docs, _ = dumped
    for name in ("api/paragraphs.json", "api/glossary.json", "api/anchors.json", "assets/anchor-map.js"):
        assert (docs / name).is_file(), name


@pytest.fixture(scope="module")
def hostile_dump(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("hostile-dump")
    source = hostile.make_hostile_source(base / "source")
    assert dump(source, base / "docs") == 0
    return base


THEME_ICONS = ("md-icon", "md-logo")
"""Where Material puts its own icons, inline SVG in its header and navigation: theme markup,
not a source value's."""


def _live_markup(site: Path) -> list[str]:
    """Return what any page of a built site holds that was made from a source value as
    markup: an element or an event handler of the hostile fixtures."""
    found = []
    for path in site.rglob("*.html"):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        found += [f"{path.name}: <{tag.name}>" for tag in soup.find_all(["svg", "img", "b"])
                  if not tag.find_parent(class_=THEME_ICONS)]
        found += [f"{path.name}: {tag.name} {name}" for tag in soup.find_all(True) for name in tag.attrs
                  if name.lower().startswith("on")]
        found += [f"{path.name}: inline script" for s in soup.find_all("script")
                  if not s.get("src") and "alert(" in s.get_text()]
    return found


def _shown_once(site: Path) -> None:
    """Assert the section page shows its title, heading and every value as written: not as
    markup, and not escaped twice ('&amp;lt;' shows '&lt;')."""
    page = site / hostile.SLUG / "markup-img-src-data-onerror-alert-2-section" / "index.html"
    html = page.read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    assert hostile.HEADING in soup.title.get_text()
    assert soup.find("h1").get_text().strip().rstrip("#¶").strip() == hostile.HEADING
    assert "&amp;lt;" not in html and "&amp;amp;" not in html
    text = soup.get_text()
    assert "&lt;" not in text and "&amp;" not in text


def test_the_hostile_fixtures_build_under_the_builtin_theme_with_no_live_markup_or_double_escape(hostile_dump):
    docs = hostile_dump / "docs"
    result = build_dump_with_mkdocs(docs, "mkdocs", hostile_dump, _rows(docs))
    assert result.outcome == "pass", result.line()
    assert _live_markup(hostile_dump / "site-mkdocs") == []
    _shown_once(hostile_dump / "site-mkdocs")


def _rows(docs: Path) -> list[dict]:
    return json.loads((docs / "api" / "paragraphs.json").read_text(encoding="utf-8"))


@pytest.mark.portability
@needs["material"]
def test_the_dump_and_the_hostile_fixtures_build_under_material(dumped, hostile_dump, tmp_path):
    docs, paragraphs = dumped
    assert build_dump_with_mkdocs(docs, "material", tmp_path, paragraphs).outcome == "pass"
    result = build_dump_with_mkdocs(hostile_dump / "docs", "material", hostile_dump, _rows(hostile_dump / "docs"))
    assert result.outcome == "pass", result.line()
    assert _live_markup(hostile_dump / "site-material") == []
    _shown_once(hostile_dump / "site-material")


@pytest.mark.portability
@needs["properdocs"]
def test_properdocs_runs_our_plugin_and_theme_on_the_source_and_the_hostile_fixtures(dumped, tmp_path):
    _, paragraphs = dumped
    assert build_source_with_properdocs(SOURCE, tmp_path, paragraphs).outcome == "pass"
    source = hostile.make_hostile_source(tmp_path / "hostile-source")
    work = tmp_path / "hostile"
    work.mkdir()
    docs = tmp_path / "hostile-docs"
    dump(source, docs)
    result = build_source_with_properdocs(source, work, _rows(docs))
    assert result.outcome == "pass", result.line()
    assert _live_markup(work / "site-properdocs") == []
    _shown_once(work / "site-properdocs")


@pytest.mark.portability
@pytest.mark.skipif(shutil.which("zensical") is None and not Path(sys.executable).with_name("zensical").exists(),
                    reason="zensical is not installed (make portability installs it)")
def test_zensical_builds_the_dump_with_every_paragraph_id(dumped, tmp_path):
    docs, paragraphs = dumped
    result = build_dump_with_zensical(docs, tmp_path, paragraphs)
    assert result.outcome == "pass", result.line()


def test_a_portable_config_carries_the_projects_extensions_and_validation(tmp_path):
    import yaml

    config = yaml.safe_load(portable_config(tmp_path, "mkdocs", tmp_path / "site"))
    project = yaml.safe_load((Path(__file__).resolve().parent.parent / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["markdown_extensions"] == project["markdown_extensions"]
    assert config["validation"] == project["validation"] and config["strict"] is True
    assert config["plugins"] == []
