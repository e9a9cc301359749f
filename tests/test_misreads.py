"""Shapes that usually mean a misread: reported with file:line by the build and by check,
never failing either."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from build_tools.check.source import check_source
from build_tools.cli import main
from build_tools.parse.misreads import misread_findings
from build_tools.pipeline import generate, read_inputs
from tests.helpers import BUILD_DATE, build
from tests.test_parse import ALL_TEXTS, parse_file, parse_string

LONG = " ".join(["We will act together on this."] * 101)  # 606 words
SHAPES = {
    "skip": ("T\n\n1. We met.\n\n2. We agreed.\n\n5. We left.\n", 7,
             "paragraph 5 follows 2 in the text: 3 expected"),
    "repeat": ("T\n\n1. We met.\n\n2. We agreed.\n\n2. We agreed again.\n", 7,
               "paragraph 2 repeats 2 in the text (labelled '2bis')"),
    "year": ("T\n\n1. We agreed on a plan in Rome.\n\n2024. We will act on it.\n", 5,
             "a block opens with the year 2024"),
    "long paragraph": (f"T\n\nWe met.\n\n{LONG}\n", 5, "paragraph 2 holds 606 words"),
    "one paragraph of long items": (
        "T\n\nThe Leaders said:\n- We act now. We fund it.\n- We meet often. We report.\n", 3,
        "the document is read as one paragraph whose 2 list items each hold several sentences"),
    "long heading": ("T\n\n" + " ".join(["Word"] * 21) + "\n\nWe met.\n", 3,
                     "heading of 21 words (more than 20)"),
}


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_each_misread_shape_is_found_at_its_line(shape: str) -> None:
    text, line, message = SHAPES[shape]
    found = misread_findings(parse_string(text, "t.txt"))
    assert [(f.path, f.line, f.fails) for f in found] == [("t.txt", line, False)]
    assert message in found[0].message


def test_a_printed_number_that_looks_like_a_year_is_found() -> None:
    doc = parse_string("T\n\n1. We met.\n", "t.txt")
    paragraph = dataclasses.replace(doc.sections[0].paragraphs[0], label="2024", number_text="2024.")
    doc = dataclasses.replace(doc, sections=(dataclasses.replace(doc.sections[0],
                                                                 paragraphs=(paragraph,)),))
    messages = [f.message for f in misread_findings(doc)]
    assert "paragraph number 2024 looks like a year: is it part of a sentence?" in messages


@pytest.mark.parametrize("path", [p for p in ALL_TEXTS if p.name != "paragraph-number-forms.txt"],
                         ids=lambda p: p.name)
def test_texts_read_right_show_no_misread_shape(path: Path) -> None:
    assert misread_findings(parse_file(path)) == []


def _source(tmp_path: Path, text: str) -> Path:
    (tmp_path / "src" / "texts").mkdir(parents=True)
    (tmp_path / "src" / "texts" / "t.txt").write_text(text, encoding="utf-8")
    return tmp_path / "src"


def test_the_build_reports_misread_shapes_and_still_succeeds(tmp_path, capsys) -> None:
    source = _source(tmp_path, SHAPES["skip"][0])
    assert build(source, tmp_path / "site") == 0
    out = capsys.readouterr().out
    assert f"{source / 'texts' / 't.txt'}:7: warning: paragraph 5 follows 2" in out


def test_check_lists_misread_shapes_as_warnings_with_file_and_line(tmp_path, capsys) -> None:
    source = _source(tmp_path, SHAPES["repeat"][0])
    inputs = read_inputs(source)
    found = [f for f in check_source(inputs, generate(inputs, BUILD_DATE).site) if "repeats" in f.message]
    assert [(Path(f.path).name, f.line, f.fails) for f in found] == [("t.txt", 7, False)]
    main(["check", "--source", str(source), "--site-dir", str(tmp_path / "none")])
    assert "t.txt:7: warning: paragraph 2 repeats 2" in capsys.readouterr().out
