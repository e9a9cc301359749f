"""Invariance: the same text laid out the ways texts arrive gives the same structure, labels and ids.

Every text and fixture, one unit a line; hard-wrapped at 72 columns with blank
lines between (a PDF or e-mail copy); with CRLF; with a byte-order mark;
indented by spaces, tabs or no-break spaces; with blank lines doubled; with web
chrome above and below. The layouts are the helpers of tests/layouts.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from build_tools.read.registry import load_registry
from tests.layouts import (INDENTS, LAYOUTS, doubled_blank_lines, hard_wrapped, ids_of, indented,
                           one_unit_per_line, parse_bytes, structure_of, with_crlf, with_web_chrome)
from tests.test_parse import (ALL_TEXTS, ROOT, SOURCE_TEXTS, parse_file, parsed_words, source_of,
                              words)

PUBLISHED = sorted(SOURCE_TEXTS.glob("*.txt"))


def original(path: Path) -> tuple[str, object]:
    """Return (text as read, its Document)."""
    return source_of(path).text, parse_file(path)


@pytest.mark.parametrize("layout", sorted(LAYOUTS), ids=str)
@pytest.mark.parametrize("path", ALL_TEXTS, ids=lambda p: p.name)
def test_every_layout_gives_the_same_structure_labels_and_ids(path: Path, layout: str) -> None:
    text, doc = original(path)
    laid_out = parse_bytes(LAYOUTS[layout](text, doc).encode("utf-8"), path)
    assert structure_of(laid_out) == structure_of(doc)
    assert ids_of(laid_out) == ids_of(doc)


@pytest.mark.parametrize("path", ALL_TEXTS, ids=lambda p: p.name)
def test_a_byte_order_mark_changes_nothing(path: Path) -> None:
    text, doc = original(path)
    assert structure_of(parse_bytes(("\ufeff" + text).encode("utf-8"), path)) == structure_of(doc)


@pytest.mark.parametrize("path", PUBLISHED, ids=lambda p: p.name)
def test_published_ids_land_on_the_same_words_in_every_layout(path: Path) -> None:
    registry = load_registry(ROOT / "source" / "anchor-registry.json")
    published = [r.id for r in registry.paragraphs
                 if r.document == path.stem and r.status == "current"]
    text, doc = original(path)
    assert ids_of(doc, registry) == published
    for name, layout in LAYOUTS.items():
        assert ids_of(parse_bytes(layout(text, doc).encode("utf-8"), path), registry) == published, name


def test_the_layouts_do_change_the_bytes_and_the_lines() -> None:
    path = ROOT / "source" / "texts" / "g7-leaders-2024-apulia-communique.txt"
    text, doc = original(path)
    wrapped = hard_wrapped(text, doc)
    assert max(len(line) for line in wrapped.split("\n")) <= 72
    assert len(wrapped.split("\n")) > 3 * len(text.split("\n"))
    assert "\n\n" not in one_unit_per_line(text, doc)
    assert parse_bytes(wrapped.encode(), path).sections[1].paragraphs[1].line != (
        doc.sections[1].paragraphs[1].line)


def test_the_structure_comparison_notices_a_wrong_split() -> None:
    path = ROOT / "tests" / "fixtures" / "texts" / "hard-wrapped-years-and-dates.txt"
    text, doc = original(path)
    one_per_line = one_unit_per_line(text, doc)
    broken = one_per_line.replace("in October 1945.", "in October\n1945.", 1)
    assert structure_of(parse_bytes(broken.encode(), path)) != structure_of(doc)


SURFACE = {
    "CRLF": with_crlf,
    "doubled blank lines": doubled_blank_lines,
    "web chrome": with_web_chrome,
    **{f"indented by {name}": (lambda indent: lambda text: indented(text, indent))(indent)
       for name, indent in INDENTS.items()},
}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(path=st.sampled_from(ALL_TEXTS), base=st.sampled_from(["original", "one per line", "wrapped"]),
       width=st.integers(40, 100), surface=st.lists(st.sampled_from(sorted(SURFACE)), unique=True),
       bom=st.booleans())
def test_layouts_combined_give_the_same_structure_and_keep_every_word(
        path: Path, base: str, width: int, surface: list[str], bom: bool) -> None:
    text, doc = original(path)
    laid_out = {"original": text, "one per line": one_unit_per_line(text, doc),
                "wrapped": hard_wrapped(text, doc, width)}[base]
    for name in sorted(surface, key=lambda n: n == "CRLF"):  # line endings last
        laid_out = SURFACE[name](laid_out)
    parsed = parse_bytes((("\ufeff" if bom else "") + laid_out).encode("utf-8"), path)
    assert structure_of(parsed) == structure_of(doc)
    assert parsed_words(parsed) == words(laid_out)
