"""Sidecars state only what no rule can know, and every statement shows in the build log."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from build_tools.check.source import redundant_sidecar_findings
from build_tools.model.source import Sidecar
from build_tools.parse.text import parse_text
from build_tools.pipeline import generate, read_inputs
from build_tools.read.texts import read_source_text
from tests.helpers import BUILD_DATE, SOURCE
from tests.layouts import structure_of

WITH_SIDECARS = sorted(p for p in (SOURCE / "texts").glob("*.txt") if p.with_suffix(".yml").exists())


@pytest.fixture(scope="module")
def report() -> list[str]:
    inputs = read_inputs(SOURCE)
    return generate(inputs, BUILD_DATE).report_lines()


@pytest.mark.parametrize("path", WITH_SIDECARS, ids=lambda p: p.name)
def test_every_sidecar_statement_shows_in_the_build_log(report: list[str], path: Path) -> None:
    sidecar = read_source_text(path).sidecar
    lines = [line for key, line in sidecar.key_lines if key != "heading_splits"]
    lines += [split.line for split in sidecar.heading_splits]
    assert lines
    for line in lines:
        assert any(f"sidecar {sidecar.path}:{line}" in entry for entry in report), line


@pytest.mark.parametrize("path", WITH_SIDECARS, ids=lambda p: p.name)
def test_a_sidecar_changes_only_what_it_states(path: Path) -> None:
    source = read_source_text(path)
    stated = structure_of(parse_text(source))
    found = structure_of(parse_text(dataclasses.replace(source, sidecar=Sidecar())))
    split_titles = {split.title for split in source.sidecar.heading_splits}
    for with_sidecar, without in zip(stated.pop("sections"), found.pop("sections"), strict=True):
        assert with_sidecar["paragraphs"] == without["paragraphs"]
        if with_sidecar["title"] not in split_titles:
            assert with_sidecar == without
    for key in ("title", "date", "place"):
        if getattr(source.sidecar, key) is not None:
            stated.pop(key), found.pop(key)
    stated.pop("title_printed"), found.pop("title_printed")
    assert stated == found


def test_the_published_sidecars_state_nothing_the_rules_find() -> None:
    assert redundant_sidecar_findings(read_inputs(SOURCE)) == []


def test_a_statement_the_rules_make_unnecessary_is_reported(tmp_path: Path) -> None:
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "t.txt").write_text(
        "A Statement\n\n5 May 2025\n\nIllicit synthetic drugs From Methamphetamines to Fentanyl\n\n"
        "1. We act.\n", encoding="utf-8")
    (texts / "t.yml").write_text(
        'date: "2025-05-05"\nheading_splits:\n'
        "  - heading: Illicit synthetic drugs From Methamphetamines to Fentanyl\n"
        "    title: Illicit synthetic drugs\n    subtitle: From Methamphetamines to Fentanyl\n",
        encoding="utf-8")
    inputs = read_inputs(tmp_path)
    found = redundant_sidecar_findings(inputs)
    assert [(Path(f.path).name, f.line, f.fails) for f in found] == [
        ("t.yml", 1, False), ("t.yml", 3, False)]
    assert found[0].message == "date '2025-05-05' is what the text prints: drop the statement"
    assert found[1].message.startswith("the rules split 'Illicit synthetic drugs From")
    notes = generate(inputs, BUILD_DATE).report_lines()
    assert any(n.endswith("(the text states the same: the statement can go)") for n in notes)
    assert any(n.endswith("(a rule splits it the same way: the statement can go)") for n in notes)
