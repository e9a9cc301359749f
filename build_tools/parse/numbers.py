"""Paragraph numbers: their printed shapes, the sequence they form, and labels.

A printed paragraph number is the unit of citation, so a number at the start of
a line counts only where it can continue the text's numbering: printed numbers
form a sequence, and a date or a year that a line break happens to put first
('2024. We will ...', '1945. In a solemn ...') does not. The labels of
paragraphs that print no number say so, and never collide with printed ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from build_tools.parse.headings import PARAGRAPH_NUMBER_RE

MAX_NUMBER_GAP = 20
"""Most a printed number may run ahead of the highest one before it (a skip is
reported as a finding; a number further ahead is a date or a year)."""

YEARS = range(1800, 2101)
"""Numbers that read as years when printed where a paragraph number could be."""

POSITION_PREFIX = "P"
"""Prefix of a position label in a text that prints numbers ('P1', 'P2'): a
printed number is digits only, so the two never look alike."""

REPEAT_SUFFIXES = ("bis", "ter", "quater", "quinquies", "sexies")
"""Suffixes of a printed number's second, third, ... occurrence in one section."""


class NumberShape(NamedTuple):
    """A line opening with something shaped like a paragraph number."""

    value: int
    printed: str
    """The number as printed: '11,', '24.', '(3)', '3)'."""
    rest: str
    """The line after the number."""


def number_shape(text: str) -> NumberShape | None:
    """Return the paragraph-number shape a stripped line opens with, or None.

    Accepted: '1. ', '11, ', '(3) ', '3) ', and '24.We' (no space) when a
    capital follows the full stop. '11,we' and '11, we' are not numbers.
    """
    match = PARAGRAPH_NUMBER_RE.match(text)
    if not match:
        return None
    rest, punct, spaced = match["text"], match["punct"], bool(match["space"])
    starts_upper = rest[0].isupper() or rest[0] in "“\"‘'"
    if not spaced and not (punct == "." and starts_upper):
        return None
    if punct == "," and not starts_upper:
        return None
    return NumberShape(int(match["n1"] or match["n2"]), match["number"], rest)


def is_bare_number(text: str) -> bool:
    """Return True for a line holding only a paragraph number ('12.', '(12)', '12)'), as a
    copy from a PDF prints it above its paragraph's text."""
    match = PARAGRAPH_NUMBER_RE.match(f"{text} X")
    return match is not None and match["punct"] != "," and f"{match['number']} X" == f"{text} X"


@dataclass
class NumberSequence:
    """The numbers printed so far at the start of a line, as one reads a text top down."""

    highest: int = 0

    def admits(self, value: int) -> bool:
        """Return True when ``value`` can be the text's next printed number (or a restart)."""
        return value <= self.highest + MAX_NUMBER_GAP

    def note(self, value: int) -> None:
        """Record a number printed at the start of a unit."""
        self.highest = max(self.highest, value)


def looks_like_year(value: int) -> bool:
    """Return True for a number that reads as a year."""
    return value in YEARS


def printed_label(value: int, occurrence: int) -> str:
    """Return the label of the occurrence-th paragraph printing ``value`` in a section.

    The first is the number itself; a number printed again in the same section
    (a misprint the check reports) gets '4bis', '4ter', ..., then '4-7'.
    """
    if occurrence <= 1:
        return str(value)
    if occurrence - 2 < len(REPEAT_SUFFIXES):
        return f"{value}{REPEAT_SUFFIXES[occurrence - 2]}"
    return f"{value}-{occurrence}"


def position_label(position: int, text_prints_numbers: bool) -> str:
    """Return the label of the position-th unnumbered paragraph of a section.

    In a text without printed numbers, the position itself ('3'); in a text
    that prints numbers, 'P3', which no printed number can be.
    """
    return f"{POSITION_PREFIX}{position}" if text_prints_numbers else str(position)
