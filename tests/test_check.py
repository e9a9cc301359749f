"""`python -m build_tools check`: findings on the source and on the built site."""

from __future__ import annotations

import shutil
from pathlib import Path

from build_tools.check.deep import check_links, check_paragraph_ids, read_built_pages
from build_tools.check.source import check_source
from build_tools.cli import main
from build_tools.pipeline import generate, read_inputs
from build_tools.site.build import site_root
from tests.helpers import BUILD_DATE, copy_source


def findings_for(source: Path) -> list:
    inputs = read_inputs(source)
    return check_source(inputs, generate(inputs, BUILD_DATE).site)


def test_published_source_has_no_failing_finding(tmp_path):
    source = copy_source(tmp_path / "source")
    failing = [str(f) for f in findings_for(source) if f.fails]
    assert failing == []


def test_check_command_passes_on_the_built_site(built_site, capsys):
    assert main(["check", "--source", str(built_site.source), "--site-dir", str(built_site.site)]) == 0
    assert "0 error(s)" in capsys.readouterr().out


def _source_with(tmp_path: Path, text: str, sidecar: str | None = None) -> Path:
    root = tmp_path / "src"
    (root / "texts").mkdir(parents=True)
    (root / "texts" / "t.txt").write_text(text, encoding="utf-8")
    if sidecar:
        (root / "texts" / "t.yml").write_text(sidecar, encoding="utf-8")
    shutil.copy(copy_source(tmp_path / "full") / "topics.yml", root / "topics.yml")
    return root


def test_numbering_gap_is_reported_with_file_and_line(tmp_path):
    source = _source_with(tmp_path, "Statement\n\nUkraine\n\n1. We act.\n\n3. We act again.\n")
    found = [f for f in findings_for(source) if "follows" in f.message]
    assert [(Path(f.path).name, f.line, f.fails) for f in found] == [("t.txt", 7, False)]
    assert "paragraph 3 follows 1" in found[0].message


def test_paragraph_shaped_like_a_heading_is_reported(tmp_path):
    source = _source_with(tmp_path, "Statement\n\nUkraine\n\n1. We act.\n\n2. We act again.\n\nNext Steps Together\n")
    messages = [f.message for f in findings_for(source)]
    assert any("has no paragraph" in m or "looks like a heading" in m for m in messages)


def test_sidecar_section_topics_naming_nothing_fails(tmp_path):
    source = _source_with(tmp_path, "Statement\n\nUkraine\n\n1. We act.\n",
                          "section_topics:\n  nowhere: [ukraine]\n  ukraine: [no-such-topic]\n")
    failing = [f.message for f in findings_for(source) if f.fails]
    assert "section_topics names no section of this text: 'nowhere'" in failing
    assert "section_topics names an unknown topic: 'no-such-topic'" in failing


def test_glossary_entry_no_text_mentions_fails(tmp_path):
    source = _source_with(tmp_path, "Statement\n\nUkraine\n\n1. We support UNODC.\n")
    (source / "glossary.yml").write_text(
        "- id: unodc\n  name: United Nations Office on Drugs and Crime\n  acronym: UNODC\n"
        "  kind: body\n  definition: The UN office on drugs and crime.\n"
        "- id: fatf\n  name: Financial Action Task Force\n  acronym: FATF\n"
        "  kind: body\n  definition: The standard setter on money laundering.\n", encoding="utf-8")
    failing = [(f.line, f.message) for f in findings_for(source) if f.fails]
    assert failing == [(6, "glossary entry 'fatf' is mentioned in no published text")]


def test_name_missing_from_the_glossary_fails_until_ignored_with_a_reason(tmp_path):
    source = _source_with(tmp_path, "Statement\n\nUkraine\n\n1. We support the Global Internet Forum to Counter Terrorism (GIFCT).\n")
    failing = [f.message for f in findings_for(source) if f.fails]
    assert any("'GIFCT'" in m for m in failing)
    (source / "glossary-ignore.yml").write_text(
        "- candidate: GIFCT\n  reason: tested here\n"
        "- candidate: Global Internet Forum\n  reason: tested here\n", encoding="utf-8")
    failing = [f.message for f in findings_for(source) if f.fails and "GIFCT" in f.message]
    assert failing == []


def test_site_check_finds_broken_link_missing_fragment_and_duplicate_id(built_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(built_site.site, site)
    page = site / "g7-interior-security-ministers-2024-communique" / "ukraine" / "index.html"
    html = page.read_text(encoding="utf-8")
    html = html.replace("</main>", '<a href="../nowhere/">x</a><a href="../preamble/#no-such-id">y</a>'
                                   '<div class="para" id="g7-interior-2024-ukraine-1"></div></main>', 1)
    page.write_text(html, encoding="utf-8")
    pages = read_built_pages(site)
    links = [f.message for f in check_links(pages, site)]
    assert "link to a missing file: ../nowhere/" in links
    assert "link to a missing fragment: ../preamble/#no-such-id" in links
    ids = [f.message for f in check_paragraph_ids(pages)]
    assert any("used twice" in m for m in ids)


def test_links_from_the_hosts_root_are_read_below_the_path_the_site_is_served_at(tmp_path):
    site = tmp_path / "site"
    (site / "topics").mkdir(parents=True)
    (site / "topics" / "index.html").write_text('<p id="t">topics</p>', encoding="utf-8")
    (site / "404.html").write_text(
        '<a href="/topics/">a</a><a href="/topics/#t">b</a><a href="/nowhere/">c</a>'
        '<a href="/g7/topics/">d</a><a href="/">e</a>', encoding="utf-8")
    (site / "index.html").write_text("home", encoding="utf-8")
    pages = read_built_pages(site)
    at_root = {f.message for f in check_links(pages, site)}
    assert at_root == {"link to a missing file: /nowhere/", "link to a missing file: /g7/topics/"}
    below = {f.message for f in check_links(pages, site, "/g7/")}
    assert below == {f"link to a missing file: {href}" for href in ("/topics/", "/topics/#t", "/nowhere/", "/")}


def test_the_site_root_is_the_path_of_site_url(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\n", encoding="utf-8")
    assert site_root(config) == "/"
    config.write_text("site_name: x\nsite_url: https://example.org/g7\n", encoding="utf-8")
    assert site_root(config) == "/g7/"
    config.write_text("site_name: x\nsite_url: https://example.org/texts/g7/\n", encoding="utf-8")
    assert site_root(config) == "/texts/g7/"


def test_the_built_site_has_a_not_found_page_whose_links_all_land(built_site):
    page = built_site.site / "404.html"
    pages = read_built_pages(built_site.site)
    assert "Page not found" in page.read_text(encoding="utf-8")
    links = [a["href"] for a in pages["404.html"].soup.select("main a[href], nav a[href]")]
    assert links and all(href.startswith("/") for href in links)
    assert [f for f in check_links(pages, built_site.site) if f.path == "404.html"] == []


def test_a_site_served_below_the_hosts_root_builds_with_its_error_page_links_below_site_url(tmp_path):
    project = Path(__file__).resolve().parent.parent
    source = copy_source(tmp_path / "source")
    (tmp_path / "docs").mkdir()
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        f"INHERIT: {project / 'mkdocs.yml'}\n"
        "site_url: https://example.org/g7/\n"
        f"docs_dir: {tmp_path / 'docs'}\n"
        f"theme:\n  name: null\n  custom_dir: {project / 'theme'}\n  static_templates:\n    - 404.html\n"
        f"watch:\n  - {project / 'build_tools'}\n", encoding="utf-8")
    site = tmp_path / "site"
    assert main(["build", "--source", str(source), "--site-dir", str(site), "--config", str(config)]) == 0
    error_page = (site / "404.html").read_text(encoding="utf-8")
    assert 'href="/g7/css/site.css"' in error_page and 'data-base="/g7"' in error_page
    assert main(["check", "--source", str(source), "--site-dir", str(site), "--config", str(config), "--deep"]) == 0


# ------------------------------------------------ what MkDocs cannot see, from the generation

from dataclasses import replace  # noqa: E402

import pytest  # noqa: E402

from build_tools.check.anchors import AnchorTable, check_generation, resolve  # noqa: E402
from build_tools.site.commands import build_site  # noqa: E402

PROJECT = Path(__file__).resolve().parent.parent
UKRAINE = "g7-interior-security-ministers-2024-communique/ukraine/"
PREAMBLE = "g7-interior-security-ministers-2024-communique/preamble/"


@pytest.fixture(scope="module")
def generation(tmp_path_factory):
    source = copy_source(tmp_path_factory.mktemp("generation") / "source")
    return source, generate(read_inputs(source), BUILD_DATE)


def _with_page(generated, url: str, edit) -> object:
    return replace(generated, pages=tuple(replace(p, content=edit(p.content)) if p.url == url else p
                                          for p in generated.pages))


def test_the_resolver_is_a_pure_function_of_the_registered_anchors():
    table = AnchorTable({"doc/a/": frozenset({"p-1"}), "": frozenset()}, frozenset({"api/x.json"}), {})
    assert [resolve(table, url) for url in ("doc/a/#p-1", "doc/a/", "", "api/x.json")] == [None] * 4
    assert resolve(table, "doc/b/#p-1") == "doc/b/#p-1: no such page"
    assert resolve(table, "doc/a/#p-2") == "doc/a/#p-2: the page has no anchor 'p-2'"


def test_the_generation_of_the_real_source_has_no_finding(generation):
    _, generated = generation
    assert check_generation(generated.site, generated.pages, generated.data_files) == []


def test_a_paragraph_id_defined_on_two_pages_is_found(generation):
    _, generated = generation
    ukraine = next(p for p in generated.pages if p.url == UKRAINE).content
    end = '.para data-label="1" }'
    block = ukraine[ukraine.index("[¶ 1]"):ukraine.index(end) + len(end)]
    edited = _with_page(generated, PREAMBLE, lambda c: c + "\n" + block + "\n")
    messages = [f.message for f in check_generation(edited.site, edited.pages, edited.data_files)]
    assert "paragraph id 'g7-interior-2024-ukraine-1' also on " + PREAMBLE + "index.md" in messages


def test_an_export_naming_an_anchor_no_page_defines_is_found(generation):
    _, generated = generation
    edited = _with_page(generated, UKRAINE, lambda c: c.replace('{ #g7-interior-2024-ukraine-4 .para', '{ .para'))
    findings = {(f.path, f.message) for f in check_generation(edited.site, edited.pages, edited.data_files)}
    assert ("api/paragraphs.json", f"link to {UKRAINE}#g7-interior-2024-ukraine-4: the page has no anchor "
            "'g7-interior-2024-ukraine-4'") in findings
    assert ("api/anchors.json", f"link to {UKRAINE}#g7-interior-2024-ukraine-4: the page has no anchor "
            "'g7-interior-2024-ukraine-4'") in findings
    assert ("api/paragraphs.json", f"g7-interior-2024-ukraine-4 is not a paragraph of {UKRAINE}") in findings


def test_a_pager_link_to_a_page_not_generated_is_found(generation):
    _, generated = generation
    edited = replace(generated, pages=tuple(p for p in generated.pages if p.url != UKRAINE))
    findings = [(f.path, f.message) for f in check_generation(edited.site, edited.pages, edited.data_files)]
    assert (f"{PREAMBLE.replace('preamble', 'middle-east-and-terrorism')}index.md",
            f"link to {UKRAINE}: no such page") in findings


@pytest.mark.parametrize("broken, said", [
    ("](../../no-such-page/index.md#g7)", "no-such-page/index.md"),
    ("](../../glossary/index.md#no-such-entry)", "does not contain an anchor '#no-such-entry'"),
], ids=["missing page", "missing anchor"])
def test_mkdocs_validation_fails_the_build_on_a_broken_link(generation, tmp_path, broken, said):
    source, generated = generation
    edited = _with_page(generated, UKRAINE, lambda c: c.replace("](../../glossary/index.md#g7)", broken, 1))
    assert edited.pages != generated.pages
    warnings, _ = build_site(edited, tmp_path / "site", PROJECT / "mkdocs.yml", source)
    assert any(said in w for w in warnings), warnings
    assert any("Aborted with" in w and "strict mode" in w for w in warnings)
