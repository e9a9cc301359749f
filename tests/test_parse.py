"""Parse stage: web chrome, titles, datelines, headings, paragraphs, lists, footnotes."""

from __future__ import annotations

import dataclasses
import json
import os
import re
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from build_tools.model.document import Document
from build_tools.model.source import HeadingSplit, Sidecar, SourceText
from build_tools.parse.text import ParseError, parse_text

ROOT = Path(__file__).resolve().parent.parent
SOURCE_TEXTS = ROOT / "source" / "texts"
FIXTURE_TEXTS = ROOT / "tests" / "fixtures" / "texts"
GOLDEN = ROOT / "tests" / "golden"

COMMUNIQUE = SOURCE_TEXTS / "g7-interior-security-ministers-2024-communique.txt"
SUMMARY = SOURCE_TEXTS / "g7-interior-security-ministers-2024-action-plan-summary.txt"
APULIA = SOURCE_TEXTS / "g7-leaders-2024-apulia-communique.txt"
BALI = FIXTURE_TEXTS / "g20-leaders-2022-bali-declaration.txt"
ALL_TEXTS = sorted(SOURCE_TEXTS.glob("*.txt")) + sorted(FIXTURE_TEXTS.glob("*.txt"))
GOLDEN_TEXTS = ALL_TEXTS


def source_of(path: Path, sidecar: Sidecar | None = None) -> SourceText:
    """Return the SourceText of a file as the read stage would give it."""
    text = path.read_text(encoding="utf-8").lstrip("\ufeff").replace("\r\n", "\n")
    relative = path.relative_to(ROOT)
    return SourceText(path=relative, slug=path.stem, text=text, sidecar=sidecar or Sidecar())


def parse_file(path: Path, sidecar: Sidecar | None = None) -> Document:
    """Return the parsed Document of a file."""
    return parse_text(source_of(path, sidecar))


def parse_string(text: str, name: str = "x.txt", sidecar: Sidecar | None = None) -> Document:
    """Return the parsed Document of an in-memory text."""
    return parse_text(SourceText(Path(name), Path(name).stem, text, sidecar or Sidecar()))


def words(text: str) -> list[str]:
    """Return the word tokens of a text."""
    return re.findall(r"\w+", text)


def parsed_words(doc: Document) -> list[str]:
    """Return the words of everything a Document holds or removed, in source line order.

    A part printed once above its sections counts once, at its own line.
    """
    chunks: list[tuple[float, int, str]] = []

    def add(line: float, *texts: str | None) -> None:
        chunks.append((line, len(chunks), " ".join(t for t in texts if t)))

    for removed in doc.removed:
        add(removed.line, removed.text)
    if doc.title_printed:
        add(doc.title_line, doc.title)
    if doc.dateline:
        add(doc.dateline_line, doc.dateline)
    part_lines = set()
    for section in doc.sections:
        if section.part and not section.part_printed and section.part_line not in part_lines:
            part_lines.add(section.part_line)
            add(section.part_line, section.part)
        if section.title is not None:
            add(section.line, section.heading_number,
                section.part if section.part_printed else None, section.title, section.subtitle)
        for paragraph in section.paragraphs:
            add(paragraph.line, paragraph.number_text, *paragraph.footnote_refs, paragraph.text)
            for item in paragraph.items:
                add(item.line, item.marker, item.text)
    for footnote in doc.footnotes:
        add(footnote.line, footnote.marker, footnote.text)
    return [w for _, _, text in sorted(chunks) for w in words(text)]


def golden_dict(doc: Document) -> dict:
    """Return a Document as the JSON-ready dict stored in tests/golden."""
    return json.loads(json.dumps(dataclasses.asdict(doc), default=str, ensure_ascii=False))


# ------------------------------------------------------------------ fidelity

@pytest.mark.parametrize("path", ALL_TEXTS, ids=lambda p: p.name)
def test_parse_keeps_every_word_of_the_source_in_order(path: Path) -> None:
    doc = parse_file(path)
    assert parsed_words(doc) == words(source_of(path).text)


def test_fidelity_check_notices_a_lost_word() -> None:
    doc = parse_file(BALI)
    first = doc.sections[0]
    damaged = dataclasses.replace(first.paragraphs[0], text=first.paragraphs[0].text[10:])
    section = dataclasses.replace(first, paragraphs=(damaged, *first.paragraphs[1:]))
    damaged_doc = dataclasses.replace(doc, sections=(section,))
    assert parsed_words(damaged_doc) != words(source_of(BALI).text)


@pytest.mark.parametrize("path", GOLDEN_TEXTS, ids=lambda p: p.name)
def test_parse_output_matches_golden_file(path: Path) -> None:
    golden = GOLDEN / f"{path.stem}.json"
    actual = golden_dict(parse_file(path))
    if os.environ.get("UPDATE_GOLDEN") == "1":
        golden.write_text(json.dumps(actual, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert actual == json.loads(golden.read_text(encoding="utf-8"))


# ------------------------------------------------------- ministers' communiqué

def test_communique_title_and_release_date() -> None:
    doc = parse_file(COMMUNIQUE)
    assert doc.title == "G7 Interior and Security Ministers’ Communiqué"
    assert doc.title_printed and doc.title_line == 22
    assert doc.date == "2024-10-11"
    assert doc.dateline is None  # the web page's stamp: chrome, whose date the document takes
    assert (24, "Release Date: October 11, 2024") in [(r.line, r.text) for r in doc.removed]
    assert doc.place is None


def test_a_labelled_publication_date_is_chrome_but_a_printed_dateline_is_text() -> None:
    from build_tools.parse.chrome import is_publication_stamp
    assert is_publication_stamp("Release Date: October 11, 2024")
    assert is_publication_stamp("Published 3 May 2025")
    assert not is_publication_stamp("Bali, Indonesia, 16 November 2022")
    assert not is_publication_stamp("16 November 2022")
    assert not is_publication_stamp("Released hostages were welcomed home in 2024")


def test_communique_has_ten_sections_numbered_per_section() -> None:
    doc = parse_file(COMMUNIQUE)
    counts = [len(section.paragraphs) for section in doc.sections]
    assert counts == [6, 9, 8, 5, 13, 9, 11, 3, 12, 2]
    assert sum(counts) == 78
    assert doc.numbering == "per-section"
    assert all(p.numbered and p.label == str(i)
               for s in doc.sections for i, p in enumerate(s.paragraphs, start=1))


def test_communique_run_together_headings_share_a_printed_part() -> None:
    sections = parse_file(COMMUNIQUE).sections
    part = "Threats resulting from international crisis scenarios"
    assert [(s.part, s.part_printed, s.title) for s in sections[1:3]] == [
        (part, True, "Middle East and Terrorism"), (part, True, "Ukraine")]
    assert all(s.part is None for s in sections[3:])


def test_communique_title_subtitle_split_by_rule() -> None:
    titles = {s.title: s.subtitle for s in parse_file(COMMUNIQUE).sections}
    assert titles["Security in the cyberspace and virtual assets"] == (
        "Security perspectives in the cyberspace and new frontiers of investigation "
        "into the Virtual assets")
    assert titles["Illicit synthetic drugs"] == (
        "From Methamphetamines to Fentanyl and beyond: a constantly evolving threat")
    for unsplit in ("Child Sexual Exploitation and Abuse", "Crimes that affect the environment",
                    "Countering foreign interference: hybrid threats including foreign "
                    "information manipulation and interference (FIMI)"):
        assert titles[unsplit] is None


def test_communique_chrome_is_reported_removed() -> None:
    removed = {r.line: (r.reason, r.text) for r in parse_file(COMMUNIQUE).removed}
    assert removed[1] == ("government website banner", "U.S. flag")
    assert {removed[n][0] for n in (3, 5, 7, 8, 10, 12, 13)} == {"government website banner"}
    assert [removed[n] for n in (15, 17, 20)] == [
        ("breadcrumb", "Breadcrumb"), ("breadcrumb", "1. Home"),
        ("breadcrumb", "4. G7 Interior and Security Ministers’ Communiqué")]
    assert removed[202] == ("last updated", "Last Updated: 10/21/2024")
    assert removed[203][1] == "Was this page helpful?"
    assert removed[204][0] == "page feedback"
    assert 22 not in removed
    assert removed[24] == ("web page's publication date", "Release Date: October 11, 2024")


def test_communique_paragraph_without_final_period_stays_a_paragraph() -> None:
    ukraine = parse_file(COMMUNIQUE).sections[2]
    assert ukraine.paragraphs[3].text.endswith("through capacity building")
    assert len(ukraine.paragraphs) == 8


def test_sidecar_heading_split_is_applied_and_noted() -> None:
    sidecar = Sidecar(path=Path("x.yml"), heading_splits=(
        HeadingSplit("Artificial Intelligence Exploring benefits, limits and risk",
                     "Artificial Intelligence", "Exploring benefits, limits and risk", line=7),))
    doc = parse_file(COMMUNIQUE, sidecar)
    ai = doc.sections[6]
    assert (ai.title, ai.subtitle) == (
        "Artificial Intelligence", "Exploring benefits, limits and risk")
    assert doc.applied_overrides == (
        f"{COMMUNIQUE.relative_to(ROOT)}:138: heading split by sidecar x.yml:7",)


def test_sidecar_heading_split_that_matches_no_heading_names_the_sidecar_line() -> None:
    sidecar = Sidecar(path=Path("x.yml"), heading_splits=(
        HeadingSplit("Artificial Stupidity", "Artificial", "Stupidity", line=9),))
    with pytest.raises(ParseError) as error:
        parse_file(COMMUNIQUE, sidecar)
    assert (str(error.value.path), error.value.line) == ("x.yml", 9)
    assert str(error.value).startswith("x.yml:9: heading split matches no heading")


def test_sidecar_heading_split_must_keep_the_heading_words() -> None:
    sidecar = Sidecar(path=Path("x.yml"), heading_splits=(
        HeadingSplit("Child Sexual Exploitation and Abuse", "Child Exploitation", "Abuse",
                     line=3),))
    with pytest.raises(ParseError, match="x.yml:3: heading split does not give the words"):
        parse_file(COMMUNIQUE, sidecar)


# --------------------------------------------------------------- action plan

def test_summary_without_title_or_headings_is_one_section_of_positions() -> None:
    doc = parse_file(SUMMARY)
    assert doc.title == "G7 interior security ministers 2024 action plan summary"
    assert not doc.title_printed
    assert len(doc.sections) == 1 and doc.sections[0].title is None
    paragraphs = doc.sections[0].paragraphs
    assert [p.label for p in paragraphs] == ["1", "2", "3", "4", "5", "6", "7"]
    assert not any(p.numbered for p in paragraphs) and doc.numbering == "none"
    assert doc.removed == ()


def test_sidecar_title_and_date_complete_a_text_that_prints_none() -> None:
    sidecar = Sidecar(path=Path("s.yml"), title="Action Plan: summary", date="2024-10-04",
                      key_lines=(("title", 1), ("date", 2)))
    doc = parse_file(SUMMARY, sidecar)
    assert (doc.title, doc.title_printed, doc.date) == ("Action Plan: summary", False, "2024-10-04")
    assert any("date '2024-10-04' from sidecar s.yml:2" in note for note in doc.applied_overrides)


# --------------------------------------------------------------------- Apulia

APULIA_COUNTS = [7, 18, 10, 3, 5, 4, 14, 16, 1, 1, 5, 5, 2, 1, 1, 27, 17, 1, 6, 8, 10, 8, 9,
                 9, 8, 1, 10, 3, 3, 1, 2]


def test_apulia_sections_and_paragraph_counts() -> None:
    doc = parse_file(APULIA)
    assert doc.title == "G7 Apulia Leaders’\u00a0Communiqué" and doc.dateline is None
    assert [len(s.paragraphs) for s in doc.sections] == APULIA_COUNTS
    assert sum(APULIA_COUNTS) == 216 and len(doc.sections) == 31
    assert doc.numbering == "none"
    assert doc.sections[5].title == "Fostering partnerships with African countries"


def test_apulia_all_caps_sections_belong_to_the_part_above_them() -> None:
    sections = parse_file(APULIA).sections
    regional = [(s.title, s.part_printed) for s in sections if s.part == "Regional issues"]
    assert regional == [(t, False) for t in
                        ("HAITI", "LIBYA", "SAHEL", "SUDAN", "VENEZUELA", "BELARUS")]
    assert sections[14].title == "Sustainable Urban Development" and sections[14].part is None


def test_apulia_bullets_after_we_are_belong_to_that_paragraph_across_a_blank_line() -> None:
    preamble = parse_file(APULIA).sections[0]
    we_are = preamble.paragraphs[3]
    assert we_are.text.endswith("We are:")
    assert len(we_are.items) == 11 and {i.marker for i in we_are.items} == {"-"}
    assert we_are.items[4].line == 18
    assert preamble.paragraphs[4].text.startswith("In taking forward all these priorities")


def test_apulia_inline_sub_points_stay_in_the_paragraph_text() -> None:
    pgii = parse_file(APULIA).sections[6]
    paragraph = next(p for p in pgii.paragraphs if p.text.startswith("We will enhance this"))
    assert " i) raising" in paragraph.text and paragraph.items == ()


def test_apulia_heading_directly_followed_by_a_paragraph_line() -> None:
    ai = parse_file(APULIA).sections[16]
    assert ai.title == "Artificial Intelligence, Science, Technology, and Innovation"
    assert ai.paragraphs[0].line == 281


def test_apulia_closing_mark_removed_and_nbsp_lines_are_blank() -> None:
    removed = parse_file(APULIA).removed
    assert [(r.line, r.text, r.reason) for r in removed] == [(494, "###", "end-of-release mark")]


# ----------------------------------------------------------------------- Bali

def test_bali_title_place_and_date() -> None:
    doc = parse_file(BALI)
    assert doc.title == "G20 Bali Leaders’\u00a0Declaration"
    assert (doc.place, doc.date) == ("Bali, Indonesia", "2022-11-16")
    assert doc.dateline == "Bali, Indonesia, 15-16 November 2022"


def test_bali_numbered_straight_through_its_closing_sentence_belongs_to_52() -> None:
    doc = parse_file(BALI)
    paragraphs = doc.sections[0].paragraphs
    assert len(doc.sections) == 1 and doc.numbering == "continuous"
    assert [p.label for p in paragraphs] == [str(n) for n in range(1, 53)]
    assert all(p.numbered for p in paragraphs)
    closing = paragraphs[-1].items
    assert [(i.marker, i.line) for i in closing] == [("", 115)]
    assert closing[0].text.startswith("We thank international organizations")


def test_bali_bullets_belong_to_paragraph_five() -> None:
    paragraphs = parse_file(BALI).sections[0].paragraphs
    assert len(paragraphs[4].items) == 5 and {i.marker for i in paragraphs[4].items} == {"-"}
    assert sum(len(p.items) for p in paragraphs if p is not paragraphs[-1]) == 5


def test_bali_footnote_and_its_reference() -> None:
    doc = parse_file(BALI)
    assert [(f.marker, f.line) for f in doc.footnotes] == [("1", 118)]
    assert doc.footnotes[0].text.startswith("Noting that one member")
    paragraph = doc.sections[0].paragraphs[32]
    assert (paragraph.label, paragraph.footnote_refs) == ("33", ("1",))
    assert paragraph.text.startswith("We are committed")
    assert [(r.line, r.reason) for r in doc.removed] == [
        (117, "footnote rule"), (120, "end-of-release mark")]


# --------------------------------------------------------- synthetic fixtures

def test_numbered_headings_restart_paragraph_numbers() -> None:
    doc = parse_file(FIXTURE_TEXTS / "numbered-headings.txt")
    assert [(s.heading_number, s.title) for s in doc.sections] == [
        ("1.", "Preamble"), ("2.", "Ukraine")]
    assert [[p.label for p in s.paragraphs] for s in doc.sections] == [["1", "2"], ["1", "2", "3"]]
    assert doc.numbering == "per-section"


def test_sub_point_lines_are_items_of_the_paragraph_before() -> None:
    ukraine = parse_file(FIXTURE_TEXTS / "numbered-headings.txt").sections[1]
    items = ukraine.paragraphs[1].items
    assert [(i.marker, i.text) for i in items] == [
        ("i)", "by providing humanitarian aid;"), ("(ii)", "by training its officers;"),
        ("a)", "by reporting on progress every year.")]


def test_continuous_numbering_across_headings_and_number_typos() -> None:
    doc = parse_file(FIXTURE_TEXTS / "continuous-numbering.txt")
    assert doc.numbering == "continuous"
    assert (doc.place, doc.date) == ("Rome", "2023-05-05")
    numbers = [(p.label, p.number_text) for s in doc.sections for p in s.paragraphs]
    assert numbers == [("1", "1."), ("2", "2."), ("3", "3."), ("4", "4."), ("5", "5,"),
                       ("6", "6.")]
    assert doc.sections[1].paragraphs[1].text == "We will protect nature and biodiversity."
    assert [(i.marker, i.text) for i in doc.sections[2].paragraphs[1].items] == [
        ("", "We thank the Italian Presidency.")]


def test_paragraph_number_forms() -> None:
    doc = parse_file(FIXTURE_TEXTS / "paragraph-number-forms.txt")
    paragraphs = doc.sections[0].paragraphs
    assert [(p.label, p.number_text) for p in paragraphs] == [
        ("1", "(1)"), ("2", "2)"), ("3", "(3)"), ("11", "11,"), ("24", "24.")]
    assert paragraphs[-1].text == "We note the report of the working group."
    assert doc.date == "2024-06-14" and doc.dateline == "June 14, 2024"


def test_unnumbered_paragraphs_split_by_blank_lines_and_line_breaks() -> None:
    doc = parse_file(FIXTURE_TEXTS / "unnumbered-paragraphs.txt")
    assert doc.title == "Statement by the Chair"
    assert [p.label for p in doc.sections[0].paragraphs] == ["1", "2", "3", "4"]


def test_text_without_structure_is_one_section_with_one_paragraph() -> None:
    doc = parse_file(FIXTURE_TEXTS / "one-long-line.txt")
    assert doc.title == "One long line" and not doc.title_printed
    assert len(doc.sections) == 1 and len(doc.sections[0].paragraphs) == 1


def test_bulleted_breadcrumb_and_share_links_are_chrome() -> None:
    doc = parse_file(FIXTURE_TEXTS / "web-chrome-bulleted-breadcrumb.txt")
    assert (doc.title, doc.date) == ("Joint Statement on Energy", "2024-06-14")
    assert [r.line for r in doc.removed] == [1, 2, 3, 5, 7, 8, 9, 15, 16, 26, 27]
    paragraphs = doc.sections[0].paragraphs
    assert len(paragraphs) == 2 and [i.marker for i in paragraphs[1].items] == ["•", "•"]


def test_list_before_any_paragraph_gets_an_empty_paragraph() -> None:
    doc = parse_file(FIXTURE_TEXTS / "footnotes-and-list-first.txt")
    first = doc.sections[0].paragraphs[0]
    assert (first.label, first.text, len(first.items), first.numbered) == ("P1", "", 2, False)
    supply = doc.sections[1]
    assert supply.title == "Supply chains"
    assert [(p.label, p.text, len(p.items)) for p in supply.paragraphs][0] == ("P1", "", 1)
    assert supply.paragraphs[1].footnote_refs == ("*",)


def test_footnote_lines_without_a_marker_continue_the_footnote() -> None:
    doc = parse_file(FIXTURE_TEXTS / "footnotes-and-list-first.txt")
    assert [(f.marker, f.text) for f in doc.footnotes] == [
        ("*", "This paragraph was agreed by all members."),
        ("1", "A second note that continues on a second line.")]


# ---------------------------------------------------------------- edge cases

@pytest.mark.parametrize("text", ["", "\n\n", " \u00a0\n\t\n"])
def test_empty_text_is_an_error_on_line_one(text: str) -> None:
    with pytest.raises(ParseError, match=r"^empty.txt:1: file is empty$"):
        parse_string(text, "empty.txt")


def test_text_of_chrome_only_is_an_error() -> None:
    text = "U.S. flag\nAn official website of the United States government\n###\n"
    with pytest.raises(ParseError, match="no text after removing web chrome"):
        parse_string(text, "chrome.txt")


def test_whitespace_is_stripped_but_inner_nbsp_kept() -> None:
    doc = parse_string("Title\u00a0Here\n\n\t\u00a0We met\u00a0today in Rome. \u00a0\n")
    assert doc.title == "Title\u00a0Here"
    assert doc.sections[0].paragraphs[0].text == "We met\u00a0today in Rome."


def test_short_body_line_ending_with_colon_is_a_paragraph() -> None:
    doc = parse_string("Title\n\nToday we agree:\n- one thing;\n- another.\n")
    (section,) = doc.sections
    assert section.title is None and len(section.paragraphs[0].items) == 2


def test_share_line_inside_the_body_is_kept() -> None:
    doc = parse_string("Title\n\nWe met in Rome to talk about it.\n\nShare\n\n"
                       "We agreed on a new plan for all.\n")
    assert doc.removed == () and doc.sections[1].title == "Share"


@pytest.mark.parametrize("line, date, place", [
    ("June 14, 2024", "2024-06-14", None),
    ("14 June 2024", "2024-06-14", None),
    ("Rome, 5 May 2023", "2023-05-05", "Rome"),
    ("Date: 3 March 2021", "2021-03-03", None),
    ("Apulia, Italy, June 13-15, 2024", "2024-06-15", "Apulia, Italy"),
    ("Friday, October 11, 2024", "2024-10-11", None),
])
def test_dateline_forms(line: str, date: str, place: str | None) -> None:
    doc = parse_string(f"A Title\n\n{line}\n\nWe met.\n")
    assert (doc.dateline, doc.date, doc.place) == (line, date, place)


def test_sentence_with_a_date_is_not_a_dateline() -> None:
    doc = parse_string("A Title\n\nWe met on 5 May 2023.\n")
    assert doc.dateline is None and doc.date is None


def test_sidecar_place_overrides_and_is_noted() -> None:
    sidecar = Sidecar(path=Path("b.yml"), place="Nusa Dua, Bali", key_lines=(("place", 4),))
    doc = parse_file(BALI, sidecar)
    assert doc.place == "Nusa Dua, Bali"
    assert doc.applied_overrides == (
        f"{BALI.relative_to(ROOT)}: place 'Nusa Dua, Bali' from sidecar b.yml:4"
        " (text states 'Bali, Indonesia')",)


def test_numbered_headings_under_an_unnumbered_part_heading_share_the_part() -> None:
    doc = parse_string("A Title\n\nPart I\n\n1. Trade\n\nWe trade.\n\n2. Finance\n\nWe pay.\n\n"
                       "Closing remarks\n\nWe close.\n")
    assert [(s.heading_number, s.title, s.part) for s in doc.sections] == [
        ("1.", "Trade", "Part I"), ("2.", "Finance", "Part I"), ("", "Closing remarks", None)]


def test_apulia_headings_are_not_split_into_subtitles() -> None:
    assert all(s.subtitle is None for s in parse_file(APULIA).sections)


LINE_KINDS = [
    "", "\u00a0", "Preamble", "Regional issues", "HAITI", "1. Preamble", "II. Economy",
    "We met in Rome.", "  1. We agree on the plan.", "11, We note this.", "24.We act.",
    "(3) We act again.", "3) We close.", "- a bullet item;", "• another item.", "i) a sub-point;",
    "(ii) a second sub-point.", "a) a lettered point.", "We are:", "———–", "1\u00a0A footnote.",
    "* Starred note.", "###", "Share", "U.S. flag", "Breadcrumb", "Last Updated: 10/21/2024",
    "Was this page helpful?", "Rome, 5 May 2023", "Threats from crisis scenarios Ukraine",
    "Threats from crisis scenarios Middle East", "Illicit synthetic drugs From A to B",
    "33.\u00a01\u00a0We are committed.",
    "2024. We will act.", "1945. In a solemn spirit.", "We recall the text adopted on",
    "2 March 2022, we will act.", "in full respect of the law.", "a. First, we act.",
    "(1) To enhance cooperation;", "1) to report back.", "We decided as follows:",
    "- We act now. We fund it.", "Food security in regions Food security perspectives",
    "INTRODUCTION", "4. We will:", "4. We act again.", "5.", "(6)",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(LINE_KINDS), min_size=1, max_size=25))
def test_any_mix_of_line_kinds_keeps_every_word_or_raises(lines: list[str]) -> None:
    text = "\n".join(lines)
    try:
        doc = parse_string(text)
    except ParseError as error:
        assert error.line >= 1
        return
    assert parsed_words(doc) == words(text)
    for section in doc.sections:
        labels = [p.label for p in section.paragraphs]
        assert len(labels) == len(set(labels))
