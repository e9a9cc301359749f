"""Tests for build_tools.coverage: candidates the glossary should cover."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_tools.annotate.terms import build_matcher
from build_tools.check.coverage import (Candidate, check_coverage, find_candidates,
                                        missing_candidates)
from build_tools.model.source import IgnoredCandidate
from build_tools.read.glossary import load_glossary, load_ignore_list, parse_glossary

ROOT = Path(__file__).resolve().parents[1]


def texts_of(text: str, rule: str) -> list[str]:
    """Return the text of each candidate of ``rule`` in ``text``."""
    return [c.text for c in find_candidates(text) if c.kind_of_rule == rule]


# ---------------------------------------------------------------- rules

def test_finds_acronym_defined_in_parentheses():
    text = "We reaffirm our cooperation with the Global Internet Forum to Counter Terrorism (GIFCT) and"
    candidate = next(c for c in find_candidates(text) if c.kind_of_rule == "paren-acronym")
    assert candidate == Candidate("GIFCT", "paren-acronym", text.index("GIFCT"))


@pytest.mark.parametrize("inner", ["CBD COP16", "AsDF14", "4P", "ISPs", "AfCTA"])
def test_parenthesised_acronym_shapes(inner):
    assert texts_of(f"a name ({inner}) here", "paren-acronym") == [inner]


@pytest.mark.parametrize("inner", ["Annex A", "ii", "i", "state", "commonly referred to as X"])
def test_parentheses_without_an_acronym_are_not_candidates(inner):
    assert texts_of(f"a name ({inner}) here", "paren-acronym") == []


@pytest.mark.parametrize("text, expected", [
    ("and the Budapest Convention.", ["Budapest Convention"]),
    ("the G7 Roma-Lyon Group (RLG) to", ["G7 Roma-Lyon Group"]),
    ("by the 2021 G7 Action Plan to Combat", ["2021 G7 Action Plan"]),
    ("the Apulia G7 Leaders’ Communique that", ["Apulia G7 Leaders’ Communique"]),
    ("the Khartoum Process, the Bali Process", ["Khartoum Process", "Bali Process"]),
    ("the Universal Declaration of Human Rights", ["Universal Declaration"]),
    ("Global Coalition to Address the Synthetic Drug Threats", ["Global Coalition"]),
])
def test_finds_capitalised_names_ending_in_a_suffix(text, expected):
    assert texts_of(text, "named") == expected


@pytest.mark.parametrize("text", ["This Convention will enhance", "the annexed Action Plan",
                                  "the Roma-Lyon group", "a United Nations convention against"])
def test_single_or_lowercase_suffix_is_not_a_name(text):
    assert texts_of(text, "named") == []


def test_two_names_joined_by_and_the_keep_the_last():
    text = "such as the Roma-Lyon Group and the Venice Justice Group."
    assert texts_of(text, "named") == ["Venice Justice Group"]


def test_hyphenated_adjective_is_not_part_of_the_name():
    assert texts_of("the Kremlin-backed Wagner Group’s forces", "named") == ["Wagner Group"]


def test_finds_all_caps_tokens_including_g7_and_plurals():
    text = "firearms and SALW, the G7 and G20, COP28 and ISPs, but not Apulia or I or a."
    assert texts_of(text, "all-caps") == ["SALW", "G7", "G20", "COP28", "ISPs"]


def test_candidates_come_in_text_order():
    candidates = find_candidates("the FATF and the Budapest Convention (BC)")
    assert [c.offset for c in candidates] == sorted(c.offset for c in candidates)


# -------------------------------------------------------------- coverage

GLOSSARY = """
- id: gifct
  name: Global Internet Forum to Counter Terrorism
  acronym: GIFCT
  kind: body
  definition: Industry forum.
"""
TEXT = "the Global Internet Forum to Counter Terrorism (GIFCT) and the FATF and USD 5"


def test_candidate_inside_a_mention_is_covered():
    matcher = build_matcher(parse_glossary(GLOSSARY, Path("g.yml")))
    missing = check_coverage(TEXT, matcher, ())
    assert [c.text for c in missing] == ["FATF", "USD"]


def test_candidate_on_the_ignore_list_is_not_missing():
    matcher = build_matcher(parse_glossary(GLOSSARY, Path("g.yml")))
    ignore = (IgnoredCandidate("USD", "Currency code.", 1),)
    assert [c.text for c in missing_candidates(TEXT, find_candidates(TEXT), matcher, ignore)] == ["FATF"]


def test_without_the_entry_the_named_candidate_is_missing():
    matcher = build_matcher(parse_glossary("", Path("g.yml")))
    missing = {c.text for c in check_coverage(TEXT, matcher, ())}
    assert {"GIFCT", "Global Internet Forum", "FATF"} <= missing


def test_candidate_only_partly_inside_a_mention_is_missing():
    glossary = parse_glossary("- id: wg\n  name: Wagner Group\n  kind: body\n  definition: D.\n", Path("g.yml"))
    text = "the Roma-Lyon Group and the Wagner Group"
    assert [c.text for c in check_coverage(text, build_matcher(glossary), ())] == []
    assert [c.text for c in check_coverage("the Lyon Wagner Group", build_matcher(glossary), ())] == [
        "Lyon Wagner Group"]


@pytest.mark.parametrize("path", sorted((ROOT / "source" / "texts").glob("*.txt")), ids=lambda p: p.stem)
def test_published_texts_have_no_missing_candidates(path):
    matcher = build_matcher(load_glossary(ROOT / "source" / "glossary.yml"))
    ignore = load_ignore_list(ROOT / "source" / "glossary-ignore.yml")
    missing = check_coverage(path.read_text(encoding="utf-8"), matcher, ignore)
    assert [(c.text, c.kind_of_rule) for c in missing] == []
