"""The parser's rules for texts it has never seen (issue 18), one fixture per rule.

Each fixture in tests/fixtures/texts/ is written for its rule and parsed with no
sidecar; its whole structure is pinned by its golden file (test_parse.py), and
the tests here say what the rule demands of it.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from build_tools.identify.section_ids import wanted_slug
from build_tools.model.document import Document
from build_tools.parse.headings import title_subtitle_split
from tests.test_parse import ALL_TEXTS, FIXTURE_TEXTS, parse_file, parse_string


def fixture(name: str) -> Document:
    """Return the parsed fixture text ``name``.txt."""
    return parse_file(FIXTURE_TEXTS / f"{name}.txt")


def labels(doc: Document) -> list[list[str]]:
    """Return the labels of each section's paragraphs."""
    return [[p.label for p in s.paragraphs] for s in doc.sections]


# ------------------------------------------- rule 1: the number is the unit of citation

def test_lead_in_list_continuation_and_closing_sentence_belong_to_the_number() -> None:
    doc = fixture("numbered-lead-ins-and-lists")
    assert labels(doc) == [["1", "2", "3", "4", "5"]]
    paragraphs = doc.sections[0].paragraphs
    assert all(p.numbered for p in paragraphs)
    four = paragraphs[2]
    assert four.text == "We will step up our support to partner countries by:"
    assert [(i.marker, i.text[:25]) for i in four.items] == [
        ("-", "training border officials"), ("-", "sharing data on routes an"),
        ("", "in full respect of intern"), ("", "We will report on progres")]


def test_sentence_going_on_after_a_list_stays_in_the_numbered_paragraph() -> None:
    five = fixture("numbered-lead-ins-and-lists").sections[0].paragraphs[3]
    assert [i.marker for i in five.items] == ["-", "-", "-", ""]
    assert five.items[-1].text == "as set out in the annex to this statement."


def test_closing_sentence_after_the_last_number_is_part_of_it() -> None:
    last = fixture("numbered-lead-ins-and-lists").sections[0].paragraphs[-1]
    assert (last.label, [i.marker for i in last.items]) == ("5", [""])
    assert last.items[0].text.startswith("This statement is issued in English")


def test_the_issue_example_is_one_paragraph_holding_a_list() -> None:
    doc = parse_string("A Statement\n\n4. We will step up our support to partners by:\n"
                       "- training border officials;\n- sharing data on routes\n\n"
                       "in full respect of international law.\n\n"
                       "We will report on progress next year.\n\n5. We welcome the report.\n")
    four, five = doc.sections[0].paragraphs
    assert (four.label, five.label) == ("4", "5")
    assert [i.marker for i in four.items] == ["-", "-", "", ""]


# ------------------------------------------------------ rule 2: every sub-point form

@pytest.mark.parametrize("number, markers", [
    ("1", ["a)", "b)", "c)"]), ("2", ["(a)", "(b)"]), ("3", ["a.", "b.", "c."]),
    ("4", ["i)", "ii)"]), ("5", ["(i)", "(ii)", "(iii)", "(iv)"]), ("6", ["(1)", "(2)", "(3)"]),
    ("7", ["1)", "2)"]), ("8", []),
])
def test_every_sub_point_form_stays_inside_its_paragraph(number: str, markers: list[str]) -> None:
    paragraphs = {p.label: p for p in fixture("sub-point-forms").sections[0].paragraphs}
    assert list(paragraphs) == [str(n) for n in range(1, 9)]
    assert [i.marker for i in paragraphs[number].items] == markers


def test_numbered_sub_points_after_a_lead_in_are_its_items_in_an_unnumbered_text() -> None:
    doc = fixture("numbered-points-after-a-lead-in")
    paragraphs = doc.sections[0].paragraphs
    assert doc.numbering == "none" and [p.label for p in paragraphs] == ["1", "2", "3"]
    assert paragraphs[0].text.endswith("decided as follows:")
    assert [i.marker for i in paragraphs[0].items] == ["(1)", "(2)", "(3)"]
    assert [i.marker for i in paragraphs[1].items] == ["1)", "2)"]


def test_a_parenthesised_number_without_a_lead_in_is_a_paragraph_number() -> None:
    doc = fixture("paragraph-number-forms")
    assert [(p.label, p.numbered, p.items) for p in doc.sections[0].paragraphs][:3] == [
        ("1", True, ()), ("2", True, ()), ("3", True, ())]


# ---------------------------------------- rule 3: a line break inside a sentence

def test_hard_wrapped_text_is_read_by_paragraph_not_by_line() -> None:
    doc = fixture("hard-wrapped-years-and-dates")
    assert labels(doc) == [["1", "2"], ["3", "4", "5"]]
    assert [s.title for s in doc.sections] == ["The Charter at eighty", "Reform"]
    assert all(not p.items for s in doc.sections for p in s.paragraphs)


@pytest.mark.parametrize("label, inside", [
    ("1", "entered into force in October 1945. In a solemn spirit"),
    ("2", "adopted on 2 March 2022, we will continue"),
    ("4", "at the end of 2024. We will report"),
])
def test_a_year_or_date_opening_a_wrapped_line_is_not_a_paragraph_number(label: str,
                                                                         inside: str) -> None:
    paragraphs = {p.label: p for s in fixture("hard-wrapped-years-and-dates").sections
                  for p in s.paragraphs}
    assert inside in paragraphs[label].text


def test_a_page_breaking_a_sentence_before_a_date_or_year_keeps_one_paragraph() -> None:
    paragraphs = fixture("line-break-inside-sentence").sections[0].paragraphs
    assert len(paragraphs) == 4
    assert "adopted on 2 March 2022, we will keep" in paragraphs[1].text
    assert "was founded in 1945. In the eighty years" in paragraphs[2].text


def test_short_paragraphs_one_a_line_are_not_taken_for_a_wrapped_text() -> None:
    doc = parse_string(
        "Statement on Oceans\n"
        "We met in Lisbon to discuss the health of the ocean and its future.\n"
        "We agreed on new steps to protect marine life in the high seas.\n"
        "We will fund research on plastic pollution and its effects on fish\n"
        "in all regions of the world.\n"
        "We thank Portugal for hosting us.\n")
    assert [p.text[:16] for p in doc.sections[0].paragraphs] == [
        "We met in Lisbon", "We agreed on new", "We will fund res", "We thank Portuga"]


def test_a_number_printed_on_its_own_line_opens_the_paragraph_below_it() -> None:
    doc = parse_string("T\n\n1.\nWe met in Rome.\n\n2.\n\nWe agreed.\n\n(3)\nWe left.\n")
    assert [(p.label, p.number_text, p.text) for p in doc.sections[0].paragraphs] == [
        ("1", "1.", "We met in Rome."), ("2", "2.", "We agreed."), ("3", "(3)", "We left.")]


def test_printed_numbers_form_a_sequence_a_year_does_not_continue() -> None:
    doc = parse_string("T\n\n1. We met.\n\n2. We agreed.\n\n2024. We will act.\n\n3. We left.\n")
    paragraphs = doc.sections[0].paragraphs
    assert [p.label for p in paragraphs] == ["1", "2", "3"]
    assert [(i.marker, i.text) for i in paragraphs[1].items] == [("", "2024. We will act.")]


# ------------------------------------------------- rule 4: headings split on evidence

@pytest.mark.parametrize("heading", [
    "Partnership to support Ukraine's recovery", "Efforts to counter Russia's hybrid threats",
    "Support for Haiti and the wider Caribbean", "Economic Resilience and Economic Security",
    "Artificial Intelligence Exploring benefits, limits and risk",
])
def test_a_capitalised_name_inside_a_heading_is_no_evidence(heading: str) -> None:
    assert title_subtitle_split(heading) == 0


def test_headings_split_on_a_repeated_lead_word_or_a_capitalised_function_word() -> None:
    sections = {s.title: s for s in fixture("heading-evidence").sections}
    assert sections["Food security in fragile regions"].subtitle == (
        "Food security perspectives for the coming decade")
    assert sections["Critical minerals and supply chains"].subtitle == (
        "From extraction to recycling: a shared responsibility")
    for whole in ("Partnership to support Ukraine's recovery",
                  "Efforts to counter Russia's hybrid threats",
                  "Support for Haiti and the wider Caribbean"):
        assert sections[whole].subtitle is None and sections[whole].part is None


def test_headings_sharing_their_first_words_split_into_part_and_title() -> None:
    sections = fixture("heading-evidence").sections
    assert [(s.part, s.part_printed, s.title) for s in sections[4:6]] == [
        ("Threats to our democracies", True, "Foreign information manipulation"),
        ("Threats to our democracies", True, "Attacks on electoral systems")]


# -------------------------------------- rule 5: a statement printed as bullets

def test_bullets_without_a_lead_in_each_of_several_sentences_are_paragraphs() -> None:
    doc = fixture("bullet-statement")
    paragraphs = doc.sections[0].paragraphs
    assert [p.label for p in paragraphs] == ["1", "2", "3", "4", "5", "6"]
    assert not any(p.numbered or p.items for p in paragraphs)
    assert paragraphs[0].text.startswith("We met in Berlin to review")


def test_bullets_after_a_lead_in_stay_its_items() -> None:
    doc = parse_string("T\n\nWe agreed:\n- We will act. We will report.\n"
                       "- We will fund it. We will review it.\n")
    (paragraph,) = doc.sections[0].paragraphs
    assert len(paragraph.items) == 2


def test_single_sentence_bullets_without_a_lead_in_stay_a_list() -> None:
    doc = fixture("footnotes-and-list-first")
    first = doc.sections[0].paragraphs
    assert [(p.text, len(p.items)) for p in first] == [("", 2)]


# ------------------------------------------- rule 6: labels say what they are

def test_preamble_paragraphs_get_position_labels_no_printed_number_can_be() -> None:
    doc = fixture("preamble-before-numbers")
    paragraphs = doc.sections[0].paragraphs
    assert [(p.label, p.numbered) for p in paragraphs] == [
        ("P1", False), ("P2", False), ("1", True), ("2", True), ("3", True), ("4", True)]
    assert [i.marker for i in paragraphs[1].items] == ["-", "-"]


def test_a_number_printed_twice_in_a_section_is_labelled_apart() -> None:
    doc = parse_string("T\n\n1. We met.\n\n2. We agreed.\n\n2. We agreed again.\n\n3. We left.\n")
    assert labels(doc) == [["1", "2", "2bis", "3"]]
    assert [p.number_text for p in doc.sections[0].paragraphs] == ["1.", "2.", "2.", "3."]


def test_an_unnumbered_text_labels_paragraphs_by_plain_position() -> None:
    doc = fixture("unnumbered-paragraphs")
    assert labels(doc) == [["1", "2", "3", "4"]]
    assert not any(p.numbered for s in doc.sections for p in s.paragraphs)


@pytest.mark.parametrize("path", ALL_TEXTS, ids=lambda p: p.name)
def test_labels_never_collide_within_a_section_and_say_whether_printed(path: Path) -> None:
    doc = parse_file(path)
    for section in doc.sections:
        counts = Counter(p.label for p in section.paragraphs)
        assert [label for label, n in counts.items() if n > 1] == []
        for p in section.paragraphs:
            assert p.numbered == bool(p.number_text)
            if not p.numbered and doc.numbering != "none":
                assert p.label.startswith("P")


def test_a_paragraph_cannot_say_it_is_numbered_without_a_printed_number() -> None:
    from build_tools.model.document import Paragraph

    with pytest.raises(ValueError, match="numbered=True but number_text=''"):
        Paragraph("4", True, "", "We act.")


# --------------------------------------------------------------- rule 7: sections

def test_an_untitled_opening_never_takes_the_slug_of_a_printed_introduction() -> None:
    doc = fixture("untitled-opening-and-introduction")
    assert [s.title for s in doc.sections] == [None, "INTRODUCTION", "DIGITAL INFRASTRUCTURE"]
    assert [wanted_slug(doc, i) for i in range(3)] == [
        "opening", "introduction", "digital-infrastructure"]
    assert labels(doc) == [["P1", "P2"], ["1", "2"], ["3", "4"]]


def test_an_untitled_opening_is_the_introduction_when_no_heading_needs_it() -> None:
    doc = parse_string("T\n\nWe met.\n\nTrade\n\n1. We trade.\n")
    assert wanted_slug(doc, 0) == "introduction"


def test_a_part_heading_covers_every_sub_heading_up_to_the_next_part() -> None:
    doc = fixture("part-over-sub-headings")
    assert [(s.part, s.title) for s in doc.sections] == [
        ("Economy and Finance", "Growth and jobs"), ("Economy and Finance", "Public finances"),
        ("Economy and Finance", "Trade"), ("Security", "Cyber threats"), ("Security", "Terrorism")]
    assert {s.part_line for s in doc.sections[:3]} == {3}
    assert {s.part_line for s in doc.sections[3:]} == {17}
