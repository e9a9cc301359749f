"""Rules for the lines around and between paragraphs: chrome, rules, headings, datelines."""

from __future__ import annotations

import pytest

from build_tools.parse.chrome import find_chrome, parse_dateline, split_footnotes
from build_tools.parse.headings import (Line, is_heading_like, shared_run_length, slice_words,
                                        title_subtitle_split)

BODY = "We, the ministers, met in Rome to discuss our shared challenges."


def test_banner_lines_before_the_first_sentence_are_chrome() -> None:
    lines = ["U.S. flag", "Here’s how you know", "Official websites use .gov", BODY]
    assert find_chrome(lines) == {0: "government website banner", 1: "government website banner",
                                  2: "government website banner"}


def test_banner_wording_after_the_first_sentence_is_body_text() -> None:
    assert find_chrome([BODY, "Government Website", BODY]) == {}


def test_breadcrumb_list_stops_at_the_blank_line() -> None:
    lines = ["Breadcrumb", "", "  1. Home", "  2. News", "", "Title", BODY]
    assert find_chrome(lines) == {0: "breadcrumb", 2: "breadcrumb", 3: "breadcrumb"}


def test_share_and_print_only_at_top_or_bottom() -> None:
    lines = ["Print", BODY, "Share", BODY, "Share this page"]
    assert find_chrome(lines) == {0: "share/print link", 4: "share/print link"}


def test_feedback_form_closes_the_page() -> None:
    lines = [BODY, "Last Updated: 10/21/2024", "Was this page helpful?", "Yes", "", "No"]
    assert find_chrome(lines) == {1: "last updated", 2: "page feedback", 3: "page feedback",
                                  5: "page feedback"}


def test_last_updated_sentence_in_the_body_is_kept() -> None:
    sentence = "Last updated figures show that growth rose by 2 per cent."
    assert find_chrome([BODY, sentence, BODY]) == {}


def test_separator_rule_without_footnotes_is_removed_as_a_rule() -> None:
    body = [Line(1, "Text one."), Line(2, "----"), Line(3, "Text two.")]
    kept, footnotes, removed = split_footnotes(body)
    assert [line.number for line in kept] == [1, 3] and footnotes == []
    assert [(r.line, r.reason) for r in removed] == [(2, "separator rule")]


def test_body_text_after_footnotes_returns_to_the_body() -> None:
    body = [Line(1, "Text."), Line(2, "___"), Line(3, "1 A note"), Line(4, "going on."),
            Line(6, "More text.")]
    kept, footnotes, _ = split_footnotes(body)
    assert [(f.marker, f.text) for f in footnotes] == [("1", "A note going on.")]
    assert [line.number for line in kept] == [1, 6]


@pytest.mark.parametrize("text, heading_like", [
    ("Preamble", True), ("HAITI", True), ("Regional issues", True),
    ("Countering foreign interference: hybrid threats (FIMI)", True),
    ("We are:", False), ("Iran must cease its destabilizing actions.", False),
    ("- a bullet", False), ("i) a sub-point", False), ("“A quoted sentence.”", False),
    ("lower case start", False), (" ".join(["word"] * 30).capitalize(), False),
])
def test_heading_shape(text: str, heading_like: bool) -> None:
    assert is_heading_like(text) is heading_like


@pytest.mark.parametrize("heading, title", [
    ("Illicit synthetic drugs From Methamphetamines to Fentanyl", "Illicit synthetic drugs"),
    ("Security in the cyberspace and virtual assets Security perspectives",
     "Security in the cyberspace and virtual assets"),
    ("Child Sexual Exploitation and Abuse", None),
    ("Freedom of Navigation in the Red Sea", None),
    ("Countering foreign interference: Hybrid threats", None),
    ("Artificial Intelligence Exploring benefits, limits and risk", None),
])
def test_title_subtitle_split_rule(heading: str, title: str | None) -> None:
    at = title_subtitle_split(heading)
    assert (slice_words(heading, 0, at) if at else None) == title


def test_shared_run_needs_three_words_and_leaves_a_title() -> None:
    assert shared_run_length("Threats from crisis scenarios Ukraine",
                             "Threats from crisis scenarios Middle East") == 4
    assert shared_run_length("Global Economy", "Global Economy and Finance") == 0
    assert shared_run_length("Threats from crisis", "Threats from crisis now") == 0


def test_slice_words_keeps_the_printed_spacing_between_words() -> None:
    assert slice_words("Threats  from\u00a0crisis Ukraine", 0, 3) == "Threats  from\u00a0crisis"


@pytest.mark.parametrize("line", ["We met on 5 May 2023.", "30 February 2024", "Preamble"])
def test_not_a_dateline(line: str) -> None:
    assert parse_dateline(line) is None
