"""A rebuild through the BuildCache makes what a build from scratch makes, after any edit.

Each scenario builds a copy of source/ with a BuildCache (as ``mkdocs serve`` does),
publishes its registry, builds again, makes one kind of edit, and rebuilds with the
same cache. Every page and export of that rebuild, and every page the writer left on
disk, must equal byte for byte what a build from scratch makes of the edited source.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from build_tools.model.cache import BuildCache, cached
from build_tools.pipeline import Generated, generate, read_inputs
from build_tools.render.env import TEMPLATES
from build_tools.site.publishing import write_registry_atomic
from build_tools.site.writer import write_pages
from tests.helpers import FIXTURE_TEXTS, copy_source

COMMUNIQUE = "g7-interior-security-ministers-2024-communique"
APULIA = "g7-leaders-2024-apulia-communique"
PUBLISHED, EDITED = "2026-01-15", "2026-02-01"


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _communique(project: Path) -> Path:
    return project / "source" / "texts" / f"{COMMUNIQUE}.txt"


def _line(project: Path, start: str) -> str:
    """Return the communiqué's line starting with ``start``."""
    return next(line for line in _communique(project).read_text(encoding="utf-8").split("\n")
                if line.startswith(start))


def _typo(project: Path) -> None:
    _replace(_communique(project), "committed by members Russia’s forces",
             "committed by members of Russia’s forces")


def _insert(project: Path) -> None:
    last = _line(project, "  9. In this context")
    _replace(_communique(project), last,
             last + "\n\n  10. We will review these commitments together at our next meeting.")


def _delete(project: Path) -> None:
    _replace(_communique(project), _line(project, "  3. It is a priority") + "\n", "")


def _split(project: Path) -> None:
    last = _line(project, "  9. In this context")
    first, second = re.split(r"(?<=\.) (?=[A-Z])", last, maxsplit=1)
    _replace(_communique(project), last, f"{first}\n\n  10. {second}")


def _merge(project: Path) -> None:
    eighth, ninth = _line(project, "  8. We will aim"), _line(project, "  9. In this context")
    _replace(_communique(project), f"{eighth}\n\n{ninth}", f"{eighth} {ninth.removeprefix('  9. ')}")


def _move(project: Path) -> None:
    moved = _line(project, "  9. In this context")
    _replace(_communique(project), "\n" + moved + "\n", "\n")
    last = _line(project, "  8. We commend the ongoing efforts")
    _replace(_communique(project), last, last + "\n\n  9. " + moved.removeprefix("  9. "))


def _rename(project: Path) -> None:
    _replace(_communique(project), "\nChild Sexual Exploitation and Abuse\n",
             "\nOnline Child Sexual Exploitation and Abuse\n")


def _new_text(project: Path) -> None:
    shutil.copy(FIXTURE_TEXTS / "numbered-headings.txt", project / "source" / "texts")


def _glossary(project: Path) -> None:
    _replace(project / "source" / "glossary.yml",
             "name: Compendium on Support to Ukraine\n  acronym: null\n  aliases: []",
             "name: Compendium on Support to Ukraine\n  acronym: null\n  aliases: [capacity building]")
    _replace(project / "source" / "glossary.yml", "definition: ", "definition: Revised. ")


def _topics(project: Path) -> None:
    _replace(project / "source" / "topics.yml", "keywords: [terrorism,", "keywords: [firearms, terrorism,")
    _replace(project / "source" / "topics.yml", "title: Terrorism and violent extremism",
             "title: Terrorism and extremism")


def _sidecar(project: Path) -> None:
    sidecar = project / "source" / "texts" / f"{APULIA}.yml"
    _replace(sidecar, "short_title: Apulia Leaders 2024", "short_title: Apulia 2024")
    _replace(sidecar, "place: Borgo Egnazia, Apulia, Italy", "place: Apulia, Italy")


def _template(project: Path) -> None:
    _replace(project / "templates" / "section.md.j2", "{ .subtitle .src }", "{ .subtitle .src .edited }")


EDITS = {"a typo corrected": _typo, "a paragraph inserted": _insert, "a paragraph deleted": _delete,
         "a paragraph split": _split, "two paragraphs merged": _merge,
         "a paragraph moved to another section": _move, "a section heading renamed": _rename,
         "a new text": _new_text, "the glossary changed": _glossary, "the topics changed": _topics,
         "a sidecar changed": _sidecar, "a page template changed": _template}


def _project(tmp_path: Path) -> Path:
    """Return a folder holding a copy of source/ and of the page templates."""
    project = tmp_path / "project"
    copy_source(project / "source")
    shutil.copytree(TEMPLATES, project / "templates")
    return project


def _rebuild(project: Path, today: str, cache: BuildCache | None) -> Generated:
    """Return the generation of ``project`` as one build of ``cache`` (from scratch: None)."""
    if cache is None:
        return generate(read_inputs(project / "source", None, project / "templates"), today)
    with cache.build():
        return generate(read_inputs(project / "source", cache, project / "templates"), today, cache)


def _made(generated: Generated) -> dict[str, str]:
    """Return every page and data file of a generation by its path."""
    return {**{p.src_uri: p.content for p in generated.pages},
            **{d.path: d.content for d in generated.data_files}}


def _on_disk(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
            for p in folder.rglob("*.md")}


@pytest.mark.parametrize("edit", list(EDITS))
def test_a_rebuild_through_the_cache_after_an_edit_is_byte_identical_to_a_build_from_scratch(
        tmp_path, edit):
    project, pages = _project(tmp_path), tmp_path / "pages"
    cache = BuildCache()
    first = _rebuild(project, PUBLISHED, cache)
    write_registry_atomic(project / "source" / "anchor-registry.json", first.registry)
    write_pages(first.pages, pages, cache)
    published = _rebuild(project, PUBLISHED, cache)
    write_pages(published.pages, pages, cache)
    EDITS[edit](project)
    rebuilt = _rebuild(project, EDITED, cache)
    write_pages(rebuilt.pages, pages, cache)
    scratch = _rebuild(project, EDITED, None)
    assert _made(rebuilt) != _made(published), "the edit changed nothing: the test proves nothing"
    assert _made(rebuilt) == _made(scratch)
    assert _on_disk(pages) == {p.src_uri: p.content for p in scratch.pages}


def test_a_rebuild_with_nothing_changed_reuses_every_result_and_writes_no_page(tmp_path):
    project, pages = _project(tmp_path), tmp_path / "pages"
    cache = BuildCache()
    first = _rebuild(project, PUBLISHED, cache)
    write_pages(first.pages, pages, cache)
    kept = len(cache)
    again = _rebuild(project, PUBLISHED, cache)
    assert len(cache) == kept
    assert all(new is old for new, old in zip(again.pages, first.pages)), "a page was made again"
    assert write_pages(again.pages, pages, cache).written == ()


def test_the_cache_reuses_a_result_only_for_the_same_function_and_equal_arguments():
    calls: list[tuple] = []

    def double(*numbers: int) -> list[int]:
        calls.append(numbers)
        return [2 * n for n in numbers]

    def triple(*numbers: int) -> list[int]:
        return [3 * n for n in numbers]

    cache = BuildCache()
    with cache.build():
        first = cache.call("slot", double, 1, 2)
    with cache.build():
        assert cache.call("slot", double, 1, 2) is first
        assert calls == [(1, 2)]
        assert cache.call("other", double, 1, 2) == [2, 4] and len(calls) == 2
    with cache.build():
        assert cache.call("slot", double, 1, 3) == [2, 6] and len(calls) == 3
        assert cache.call("other", triple, 1, 2) == [3, 6]
    assert cached(None, "slot", double, 5) == [10] and len(calls) == 4


def test_the_cache_keeps_only_what_the_last_build_used_unless_it_failed():
    cache = BuildCache()
    with cache.build():
        cache.call("a", str, 1)
        cache.call("b", str, 2)
    with cache.build():
        cache.call("a", str, 1)
    assert len(cache) == 1
    with pytest.raises(ValueError):
        with cache.build():
            cache.call("c", str, 3)
            raise ValueError("a build that fails")
    assert len(cache) == 2, "what a failed build made was lost, or what it did not use dropped"
