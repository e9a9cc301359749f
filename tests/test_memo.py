"""The memos that make a rebuild fast must never change what a build makes.

A rebuild in one process (``mkdocs serve``, the benchmark) takes paragraph
HTML, page bodies and export rows from memos keyed by their inputs. These tests
edit the sources in every way a maintainer might and check that the warm
rebuild gives, byte for byte, what a cold build of the same sources gives.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from build_tools import cache
from build_tools.pipeline import generate, read_inputs
from build_tools.read.registry import load_registry
from build_tools.render.env import Joined, make_page, page_meta
from build_tools.render.urls import relative_url, root_prefix
from build_tools.site.plugin import G7Plugin
from build_tools.site.publishing import write_registry_atomic
from tests.helpers import copy_source, resolve_href

ROOT = Path(__file__).resolve().parent.parent
COMMUNIQUE = "g7-interior-security-ministers-2024-communique"
APULIA = "g7-leaders-2024-apulia-communique"


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _remove_paragraph_3(source: Path) -> None:
    text = source / "texts" / f"{COMMUNIQUE}.txt"
    lines = text.read_text(encoding="utf-8").split("\n")
    victim = next(i for i, line in enumerate(lines) if line.startswith("  3. It is a priority"))
    text.write_text("\n".join(lines[:victim] + lines[victim + 1:]), encoding="utf-8")


EDITS = {
    "a paragraph amended": lambda s: _replace(
        s / "texts" / f"{COMMUNIQUE}.txt", "committed by members Russia’s forces",
        "committed by members of Russia’s forces"),
    "a section renamed": lambda s: _replace(s / "texts" / f"{COMMUNIQUE}.txt",
                                            "\nChild Sexual Exploitation and Abuse\n",
                                            "\nOnline Child Sexual Exploitation and Abuse\n"),
    "a paragraph removed": _remove_paragraph_3,
    "a sidecar's short title changed": lambda s: _replace(
        s / "texts" / f"{APULIA}.yml", "short_title: Apulia Leaders 2024", "short_title: Apulia 2024"),
    "a glossary alias added": lambda s: _replace(
        s / "glossary.yml", "name: Compendium on Support to Ukraine\n  acronym: null\n  aliases: []",
        "name: Compendium on Support to Ukraine\n  acronym: null\n  aliases: [capacity building]"),
    "a glossary definition changed": lambda s: _replace(s / "glossary.yml", "definition: ", "definition: Revised. "),
    "a topic keyword added": lambda s: _replace(s / "topics.yml", "keywords: [terrorism,",
                                                "keywords: [firearms, terrorism,"),
    "a topic renamed": lambda s: _replace(s / "topics.yml", "title: Terrorism and violent extremism",
                                          "title: Terrorism and extremism"),
    "a document's place changed": lambda s: _replace(
        s / "texts" / f"{APULIA}.yml", "place: Borgo Egnazia, Apulia, Italy", "place: Apulia, Italy"),
}


def _pages(generated) -> dict[str, str]:
    return {**{p.src_uri: p.content for p in generated.pages},
            **{d.path: d.content for d in generated.data_files}}


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_a_warm_rebuild_after_an_edit_is_byte_identical_to_a_cold_build(tmp_path, edit):
    source = copy_source(tmp_path / "source")
    cache.clear()
    first = generate(read_inputs(source), "2026-01-15")
    write_registry_atomic(source / "anchor-registry.json", first.registry)
    generate(read_inputs(source), "2026-01-15")  # the memos now hold the published site
    EDITS[edit](source)
    warm = generate(read_inputs(source), "2026-02-01")
    cache.clear()
    cold = generate(read_inputs(source), "2026-02-01")
    assert _pages(warm) != _pages(first), "the edit changed nothing: the test proves nothing"
    assert _pages(warm) == _pages(cold)


def test_a_registry_this_process_wrote_is_read_back_without_parsing_and_equals_a_parse(tmp_path):
    source = copy_source(tmp_path / "source")
    cache.clear()
    registry = generate(read_inputs(source), "2026-01-15").registry
    path = source / "anchor-registry.json"
    write_registry_atomic(path, registry)
    assert load_registry(path) is registry
    cache.clear()
    parsed = load_registry(path)
    assert parsed is not registry and parsed == registry


def test_equal_paragraph_facts_of_two_generations_are_one_object_and_changed_ones_are_not(tmp_path):
    source = copy_source(tmp_path / "source")
    cache.clear()
    first = generate(read_inputs(source), "2026-01-15")
    write_registry_atomic(source / "anchor-registry.json", first.registry)
    EDITS["a paragraph amended"](source)
    second = generate(read_inputs(source), "2026-02-01")
    amended = next(p.id for p in second.identified.paragraphs if p.status == "amended")
    same = [pid for pid in first.site.facts if pid != amended
            and first.site.facts[pid] is second.site.facts.get(pid)]
    assert len(same) > 0.9 * len(first.site.facts)
    assert first.site.facts[amended] is not second.site.facts[amended]
    assert "members of Russia" in second.site.facts[amended].value.text
    changed_docs = [slug for slug, facts in second.site.document_facts.items()
                    if facts is not first.site.document_facts[slug]]
    assert COMMUNIQUE in changed_docs and len(changed_docs) < len(second.site.documents)


def test_memo_returns_what_it_computed_and_forgets_the_oldest_when_full():
    memo = cache.Memo(maxsize=8)
    calls = []

    def compute(key):
        calls.append(key)
        return [key]

    first = memo.get("a", lambda: compute("a"))
    assert memo.get("a", lambda: compute("a")) is first
    assert calls == ["a"]
    for key in range(20):
        memo.get(key, lambda: compute(key))
    assert len(memo._values) <= 8
    assert 19 in memo._values and "a" not in memo._values
    assert memo.get("a", lambda: compute("a")) == ["a"] and calls.count("a") == 2


def test_a_small_memo_stays_within_its_bound():
    memo = cache.Memo(maxsize=2)
    for key in range(10):
        memo.get(key, lambda: key)
    assert len(memo._values) <= 2 and 9 in memo._values


def test_frozen_values_compare_by_value_and_hash_once():
    a, b = cache.Frozen((("x", "1"), ("y", "2"))), cache.Frozen((("x", "1"), ("y", "2")))
    assert a == b and hash(a) == hash(b)
    assert a != cache.Frozen((("x", "1"),))


def test_joined_shows_its_parts_joined_with_their_lead():
    assert Joined(("a", "b")).__html__() == "a\nb"
    assert Joined(("1", "2"), ", ").__html__() == "1, 2"
    assert Joined(("x\">x</a>", "y\">y</a>"), lead='<a href="../').__html__() == (
        '<a href="../x">x</a>\n<a href="../y">y</a>')
    assert not Joined(()) and Joined(("",))
    assert hash(Joined(("a", "b"))) == hash(Joined(tuple("ab")))


def test_a_page_made_twice_from_equal_inputs_is_the_same_object():
    meta = page_meta("Withdrawn", "withdrawn")
    one = make_page("gone/", meta, "withdrawn.md.j2", removed=())
    assert make_page("gone/", dict(meta), "withdrawn.md.j2", removed=()) is one
    other = make_page("gone/", page_meta("Other", "withdrawn"), "withdrawn.md.j2", removed=())
    assert other is not one and other.content != one.content


@pytest.mark.parametrize("page", ["", "glossary/", "commitments/topic-ukraine/", "a/b/c/"])
@pytest.mark.parametrize("target", ["doc/section/#p-1", "glossary/#unodc", "doc/"])
def test_root_prefix_and_target_reach_what_a_relative_link_reaches(page, target):
    expected = (target.partition("#")[0].rstrip("/"), target.partition("#")[2])
    assert resolve_href(page, root_prefix(page) + target) == expected
    assert resolve_href(page, relative_url(page, target)) == expected


def test_the_plugin_lets_mkdocs_drop_a_pages_markdown_and_html_once_used():
    page = SimpleNamespace(markdown="# text", content="<p>text</p>")
    plugin = G7Plugin()
    assert plugin.on_page_content("<p>text</p>", page, {}, None) == "<p>text</p>"
    assert page.markdown == "" and page.content == "<p>text</p>"
    assert plugin.on_post_page("<html>", page, {}) == "<html>"
    assert page.content is None


def test_the_site_is_built_with_our_plugin_alone_and_keeps_its_own_search_index(built_site):
    import json

    import yaml

    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["plugins"] == ["g7"]
    index = json.loads((built_site.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert len(index["docs"]) > 300
    assert not (built_site.site / "search" / "lunr.js").exists()


def test_built_pages_keep_their_titles_after_mkdocs_let_their_markdown_go(built_site):
    html = (built_site.site / COMMUNIQUE / "ukraine" / "index.html").read_text(encoding="utf-8")
    title = html.split("<title>", 1)[1].split("</title>", 1)[0]
    assert title.startswith("Ukraine · G7 Interior and Security Ministers")
    assert title.endswith("· G7 texts")
    assert '<span aria-current="page">Ukraine</span>' in html, "the breadcrumb lost the section's title"


def test_a_kept_block_sets_its_objects_aside_and_the_collector_resumes():
    import gc

    from build_tools import collector

    gc.unfreeze()
    assert gc.isenabled()
    with collector.paused():
        made = [[] for _ in range(100)]
        assert not gc.isenabled()
    assert gc.isenabled() and gc.get_freeze_count() == 0
    with collector.paused(keep=True):
        made = [[] for _ in range(100)]
    assert gc.isenabled() and gc.get_freeze_count() >= len(made)
    gc.unfreeze()
    with pytest.raises(ValueError):
        with collector.paused(keep=True):
            raise ValueError("a failed block keeps nothing aside")
    assert gc.isenabled() and gc.get_freeze_count() == 0
