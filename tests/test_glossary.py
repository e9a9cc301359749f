"""Tests for build_tools.read.glossary: reading and validating the glossary files."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_tools.read.glossary import (KINDS, GlossaryError, load_glossary, load_ignore_list,
                                       parse_glossary, parse_ignore_list)

ROOT = Path(__file__).resolve().parents[1]
PATH = Path("source/glossary.yml")


def entry(id: str, name: str, extra: str = "", kind: str = "body") -> str:
    """Return the YAML of one valid entry, with ``extra`` lines added."""
    return (f"- id: {id}\n  name: {name}\n  kind: {kind}\n"
            f"  definition: Something accurate.\n{extra}")


def problems(text: str) -> list[tuple[int, str]]:
    """Return (line, message) of every problem parse_glossary reports."""
    with pytest.raises(GlossaryError) as caught:
        parse_glossary(text, PATH)
    return [(p.line, p.message) for p in caught.value.problems]


# ------------------------------------------------------------- reading

def test_parses_every_field():
    text = entry("interpol", "International Criminal Police Organization",
                 "  acronym: INTERPOL\n  aliases: [Interpol]\n  website: https://www.interpol.int\n"
                 "  related: [europol]\n") + entry("europol", "Europol")
    glossary = parse_glossary(text, PATH)
    interpol = glossary.by_id["interpol"]
    assert (interpol.acronym, interpol.aliases, interpol.related, interpol.line) == (
        "INTERPOL", ("Interpol",), ("europol",), 1)
    assert interpol.website == "https://www.interpol.int" and interpol.document is None
    assert [e.id for e in glossary.entries] == ["interpol", "europol"]


def test_folded_definition_is_one_line():
    text = "- id: x\n  name: X\n  kind: body\n  definition: >-\n    one\n    two\n"
    assert parse_glossary(text, PATH).by_id["x"].definition == "one two"


def test_empty_file_is_an_empty_glossary():
    assert parse_glossary("", PATH).entries == ()


# ------------------------------------------------------------ problems

def test_invalid_yaml_names_file_and_line():
    with pytest.raises(GlossaryError) as caught:
        parse_glossary(entry("a", "A") + "- id: b\n  name: [unclosed\n  kind: body\n", PATH)
    assert str(caught.value).startswith("source/glossary.yml:")
    assert caught.value.line in (6, 7, 8)


def test_missing_required_field_names_the_entry_line():
    text = entry("a", "A") + "- id: b\n  kind: body\n  definition: D.\n"
    assert problems(text) == [(5, "entry lacks required field 'name'")]


def test_unknown_kind_names_the_kind_line():
    found = problems(entry("a", "A", kind="treaty"))
    assert found[0][0] == 3 and "unknown kind 'treaty'" in found[0][1]


def test_duplicate_id_names_the_second_id_line():
    assert problems(entry("a", "A") + entry("a", "B")) == [(5, "duplicate id 'a' (first at line 1)")]


def test_same_alias_twice_in_an_entry():
    text = entry("rlg", "G7 Roma-Lyon Group", "  aliases:\n    - Roma-Lyon Group\n    - Roma–Lyon group\n")
    assert problems(text) == [(7, "'Roma–Lyon group' repeats a term of entry 'rlg'")]


def test_alias_repeating_the_name_is_reported():
    assert problems(entry("a", "Budapest Convention", "  aliases: [budapest convention]\n"))[0][1] == (
        "'budapest convention' repeats a term of entry 'a'")


def test_acronym_and_alias_may_share_letters():
    text = entry("interpol", "International Criminal Police Organization",
                 "  acronym: INTERPOL\n  aliases: [Interpol]\n")
    assert parse_glossary(text, PATH).by_id["interpol"].aliases == ("Interpol",)


def test_alias_claimed_by_two_entries_after_normalisation():
    text = entry("a", "G7 Leaders’ Communiqué") + entry("b", "B", "  aliases: [G7 Leaders' Communique]\n")
    assert problems(text) == [(9, "'G7 Leaders' Communique' is already claimed by entry 'a' (line 2)")]


def test_acronym_claimed_by_two_entries():
    text = entry("a", "Medical countermeasures", "  acronym: MCM\n") + entry("b", "B", "  acronym: MCM\n")
    assert problems(text) == [(10, "'MCM' is already claimed by entry 'a' (line 5)")]


def test_related_id_must_exist():
    assert problems(entry("a", "A", "  related: [nowhere]\n")) == [
        (5, "entry 'a' relates to unknown id 'nowhere'")]


def test_id_must_be_a_lowercase_slug():
    assert problems(entry("Roma_Lyon", "A"))[0] == (1, "id 'Roma_Lyon' is not a lowercase ascii slug")


def test_unknown_field_is_reported():
    assert problems(entry("a", "A", "  acronyms: [X]\n")) == [(5, "unknown field 'acronyms'")]


def test_all_problems_are_collected_and_raised_once():
    text = entry("a", "A", kind="treaty") + entry("a", "B") + entry("c", "C", "  related: [zz]\n")
    with pytest.raises(GlossaryError) as caught:
        parse_glossary(text, PATH)
    error = caught.value
    assert len(error.problems) == 3
    assert str(error).splitlines() == [str(p) for p in error.problems]
    assert str(error.problems[0]) == f"{PATH}:3: {error.problems[0].message}"
    assert (error.path, error.line) == (PATH, 3)


def test_single_problem_formats_as_path_line_message():
    error = GlossaryError(PATH, 4, "boom")
    assert str(error) == "source/glossary.yml:4: boom"


# ---------------------------------------------------------- ignore list

def test_ignore_list_reads_candidates_and_reasons():
    items = parse_ignore_list("- candidate: USD\n  reason: Currency code.\n", Path("i.yml"))
    assert [(i.candidate, i.reason, i.line) for i in items] == [("USD", "Currency code.", 1)]


def test_ignore_list_requires_a_reason():
    with pytest.raises(GlossaryError) as caught:
        parse_ignore_list("- candidate: USD\n  reason: Currency.\n- candidate: EUR\n", Path("i.yml"))
    assert str(caught.value) == "i.yml:3: 'EUR' lacks required field 'reason'"


def test_ignore_list_rejects_a_candidate_listed_twice():
    text = "- candidate: USD\n  reason: a\n- candidate: USD\n  reason: b\n"
    with pytest.raises(GlossaryError, match="i.yml:3: 'USD' is listed twice"):
        parse_ignore_list(text, Path("i.yml"))


# ------------------------------------------------------- the real files

def test_source_glossary_is_valid_and_large():
    glossary = load_glossary(ROOT / "source" / "glossary.yml")
    assert len(glossary.entries) >= 150
    assert {e.kind for e in glossary.entries} <= set(KINDS)


def test_documents_point_to_published_texts():
    glossary = load_glossary(ROOT / "source" / "glossary.yml")
    slugs = {p.stem for p in (ROOT / "source" / "texts").glob("*.txt")}
    documents = {e.id: e.document for e in glossary.entries if e.document}
    assert set(documents.values()) <= slugs
    assert documents["apulia-communique"] == "g7-leaders-2024-apulia-communique"
    assert documents["migrant-smuggling-action-plan"] == "g7-interior-security-ministers-2024-action-plan-summary"


def test_source_ignore_list_is_valid():
    items = load_ignore_list(ROOT / "source" / "glossary-ignore.yml")
    assert all(item.reason for item in items)
