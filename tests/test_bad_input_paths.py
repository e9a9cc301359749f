"""Bad input, paths: no slug, prefix or URL from the source makes the build or ``dump``
write or delete anything outside its output folders, take a route of the site itself, or
write a registry the next build cannot read."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from build_tools.cli import main
from build_tools.errors import BuildError
from build_tools.pipeline import generate, read_inputs
from build_tools.read.registry import dumps_registry, load_registry, parse_registry
from build_tools.read.routes import RESERVED_ROUTES
from tests.helpers import SMALL_TEXT, assert_nothing_lost, build, make_source
from tests.test_properties import texts


def _everything_under(root: Path) -> dict[str, str]:
    """Return path → content digest of every file and folder below ``root``."""
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir"
            for p in sorted(root.rglob("*"))}


@pytest.fixture()
def work(tmp_path):
    """A source folder two levels down, so that '../..' from its outputs stays in tmp_path."""
    base = tmp_path / "a" / "b"
    source = make_source(base / "source", {"statement.txt": SMALL_TEXT})
    return tmp_path, source, base / "site"


ABSOLUTE = "<an absolute path>"
"""Stands for a folder of the test's own temporary folder, named absolutely."""

BAD_SLUGS = [ABSOLUTE, "../../outside", "..", ".", "with spaces", "Capitals", "a/b", "a--b",
             "-leading", "glossary", "topics", "commitments", "changes", "search", "api", "assets", "css",
             "js", "pagefind", "404", "topic-borders", '""']


@pytest.mark.parametrize("slug", BAD_SLUGS)
def test_a_bad_sidecar_slug_is_refused_at_its_line_before_anything_is_written(work, capsys, slug):
    tmp_path, source, site = work
    slug = str(tmp_path / "outside") if slug == ABSOLUTE else slug
    (source / "texts" / "statement.yml").write_text(f"title: ok\nslug: {slug}\n", encoding="utf-8")
    before = _everything_under(tmp_path)
    assert build(source, site) == 1
    assert "statement.yml:2: slug" in capsys.readouterr().err
    assert _everything_under(tmp_path) == before


@pytest.mark.parametrize("slug", [ABSOLUTE, "../../outside", ".."])
def test_dump_refuses_a_bad_slug_and_writes_nothing_outside(work, capsys, slug):
    tmp_path, source, _ = work
    slug = str(tmp_path / "outside") if slug == ABSOLUTE else slug
    (source / "texts" / "statement.yml").write_text(f"slug: {slug}\n", encoding="utf-8")
    before = _everything_under(tmp_path)
    assert main(["dump", str(tmp_path / "a" / "b" / "out"), "--source", str(source)]) == 1
    assert "statement.yml:1: slug" in capsys.readouterr().err
    assert _everything_under(tmp_path) == before


@pytest.mark.parametrize("prefix", ["../x", "With Space", "x_y", "glossary"])
def test_a_bad_anchor_prefix_is_refused_at_its_line(published, capsys, prefix):
    source = published[0]
    (source / "texts" / "statement.yml").write_text(f"kind: Statement\nanchor_prefix: {prefix}\n",
                                                    encoding="utf-8")
    assert build(source, published[1]) == 1
    assert "statement.yml:2: anchor_prefix" in capsys.readouterr().err
    assert_nothing_lost(published)


@pytest.mark.parametrize("name", ["glossary.txt", "topics.txt", "api.txt", "Statement Two.txt", "two_words.txt",
                                  "topic-x.txt"])
def test_a_text_whose_file_name_cannot_be_its_slug_is_refused_naming_the_file(published, capsys, name):
    source = published[0]
    (source / "texts" / name).write_text(SMALL_TEXT, encoding="utf-8")
    assert build(source, published[1]) == 1
    err = capsys.readouterr().err
    assert f"{name}:1: the file name '{name}'" in err
    assert_nothing_lost(published)


def test_two_texts_may_not_share_an_anchor_prefix(published, capsys):
    source = published[0]
    (source / "texts" / "other.txt").write_text(SMALL_TEXT, encoding="utf-8")
    (source / "texts" / "other.yml").write_text("anchor_prefix: statement\n", encoding="utf-8")
    assert build(source, published[1]) == 1
    assert "other.yml:1: document anchor prefix 'statement' is already used by" in capsys.readouterr().err
    assert_nothing_lost(published)


def test_a_sidecar_slug_may_not_take_another_texts_file_name(published, capsys):
    source = published[0]
    (source / "texts" / "other.txt").write_text(SMALL_TEXT, encoding="utf-8")
    (source / "texts" / "other.yml").write_text("slug: statement\n", encoding="utf-8")
    assert build(source, published[1]) == 1
    assert "other.yml:1: document slug 'statement' is already used by" in capsys.readouterr().err
    assert_nothing_lost(published)


@pytest.mark.parametrize("url", ["../../outside/", "/etc/", "statement/../../x/", "glossary/", "statement"])
def test_a_registry_url_edited_to_leave_the_site_is_refused_at_its_line(published, capsys, url):
    source, site, registry = published[0], published[1], published[2]
    text = registry.read_text(encoding="utf-8")
    edited = text.replace('"url": "statement/cooperation/"', f'"url": "{url}"', 1)
    assert edited != text
    registry.write_text(edited, encoding="utf-8")
    before = _everything_under(site.parent)
    assert build(source, site) == 1
    err = capsys.readouterr().err
    line = edited[: edited.index(f'"url": "{url}"')].count("\n") + 1
    assert f"anchor-registry.json:{line}: URL '{url}'" in err
    assert _everything_under(site.parent) == before


def test_a_page_list_naming_files_outside_its_folder_deletes_none_of_them(tmp_path):
    from build_tools.model.site import Page
    from build_tools.site.writer import MANIFEST, write_pages

    out = tmp_path / "pages"
    victim = tmp_path / "victim.md"
    victim.write_text("keep me", encoding="utf-8")
    write_pages((Page("a/", "---\n{}\n---\n"),), out)
    (out / MANIFEST).write_text("a/index.md\n../victim.md\n" + str(victim), encoding="utf-8")
    write_pages((Page("b/", "---\n{}\n---\n"),), out)
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert not (out / "a" / "index.md").exists() and (out / "b" / "index.md").exists()


def test_the_writer_refuses_a_page_outside_its_folder(tmp_path):
    from build_tools.model.site import Page
    from build_tools.site.writer import write_pages

    with pytest.raises(ValueError, match="not inside"):
        write_pages((Page("../escape/", "x"),), tmp_path / "pages")
    assert not (tmp_path / "escape").exists()


@pytest.mark.parametrize("outside", ["page", "data file"])
def test_a_build_refuses_a_page_outside_the_site_before_mkdocs_gets_it(tmp_path, outside):
    # make site hands MkDocs its pages in memory, and MkDocs would write one named
    # '../escape/index.md' outside the site: the writer's check applies there too.
    from types import SimpleNamespace

    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

    from build_tools.model.site import DataFile, Page
    from build_tools.site.plugin import G7Plugin

    (tmp_path / "docs").mkdir()
    config = MkDocsConfig()
    config.load_dict({"site_name": "t", "docs_dir": str(tmp_path / "docs"), "site_dir": str(tmp_path / "site")})
    assert config.validate() == ([], [])
    plugin = G7Plugin()
    plugin.generation = (SimpleNamespace(pages=(Page("../escape/", "x"),), data_files=()) if outside == "page"
                         else SimpleNamespace(pages=(), data_files=(DataFile("../escape.json", "{}"),)))
    config.plugins["g7"] = plugin
    with pytest.raises(ValueError, match="not inside"):
        config.plugins.on_files(Files([]), config=config)


def test_the_reserved_routes_hold_every_top_level_name_the_site_has(built_site):
    documents = {p.name.removesuffix(".txt") for p in (built_site.source / "texts").glob("*.txt")}
    top = {p.name for p in built_site.site.iterdir()} - {"index.html"}
    routes = {name.split(".")[0] for name in top}  # 404.html, sitemap.xml, sitemap.xml.gz
    assert routes - documents <= RESERVED_ROUTES, sorted(routes - documents - RESERVED_ROUTES)
    assert documents <= routes


# ------------------------------------------------------------ what the build writes it reads back

def test_the_registry_of_the_real_texts_reads_back_as_built(built_site):
    registry = load_registry(built_site.source / "anchor-registry.json")
    generated = generate(read_inputs(built_site.source), "2026-01-15")
    assert registry == generated.registry


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(text=texts(), slug=st.text(alphabet="abz09- _/.Aé", min_size=1, max_size=12))
def test_any_registry_a_generation_makes_reads_back_or_the_slug_is_refused_up_front(tmp_path_factory, text, slug):
    source = make_source(tmp_path_factory.mktemp("any"), {"doc.txt": text})
    (source / "texts" / "doc.yml").write_text(f'slug: "{slug}"\n', encoding="utf-8")
    try:
        inputs = read_inputs(source)
    except BuildError as error:
        assert error.path.name == "doc.yml" and error.line == 1
        return
    generated = generate(inputs, "2026-01-15")
    assert parse_registry(dumps_registry(generated.registry), source / "anchor-registry.json") == generated.registry


@pytest.fixture()
def republish_source(published):
    source, site, registry = published[0], published[1], published[2]
    (source / "texts" / "statement.txt").write_text(SMALL_TEXT + "\n  3. We commit to act.\n", encoding="utf-8")
    return source, site, registry, registry.read_bytes()


def test_a_registry_that_would_not_read_back_is_not_written(republish_source, monkeypatch, capsys):
    from build_tools.site import commands as publish

    source, site, registry, before = republish_source
    monkeypatch.setattr(publish, "dumps_registry", lambda r: dumps_registry(r).replace('"id": "statement-', '"id": "Statement '))
    assert build(source, site, date="2026-02-01") == 1
    assert "would not read back" in capsys.readouterr().err
    assert registry.read_bytes() == before
