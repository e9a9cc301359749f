"""Source lines → the text's units: a line break inside a sentence is not a paragraph break.

A text arrives one paragraph a line (a web page), or hard-wrapped at a fixed
width with blank lines between paragraphs (a copy from a PDF or an e-mail), or
with a stray break inside a sentence. ``join_wrapped_lines`` gives the same
units in every case: each paragraph, heading, list item or footnote one line.

Three rules join a line to the one before it:

- **hard wrap**: in a text wrapped at a fixed width (``wrap_width``), a line
  with no room left for the next line's first word ended because of the width,
  so the next line of the same block goes on with it;
- **number above its text**: a line holding only a paragraph number ('12.', as
  a copy from a PDF prints it) goes on with the next line;
- **break inside a sentence**: a line that ends without punctuation and either
  ends with a function word ('... adopted on' / '2 March 2022, we ...') or is
  followed by a lowercase word (except after a list item: text after a list
  belongs to the paragraph, not to its last item).

Nothing joins across removed chrome or a rule. Neither rule joins a line that
opens a unit of its own (a list item, a number the
numbering admits, a dateline, a rule), except that a full line goes on into
one when it stops mid-sentence or inside a list printed inline ('... we will:
i) raise ...; ii) support ...' wrapped before 'ii)'). Blank lines matter only
to the hard-wrap rule, so a text reads the same with or without them.
"""

from __future__ import annotations

import re

from build_tools.parse.chrome import is_rule, parse_dateline
from build_tools.parse.headings import (FUNCTION_WORDS, Line, ends_sentence, is_list_item,
                                        split_heading_number)
from build_tools.parse.items import continues_inline_list
from build_tools.parse.numbers import NumberSequence, is_bare_number, number_shape

MAX_WRAP_WIDTH = 100
"""Widest line of a text still read as hard-wrapped (e-mail 72-78, PDF copies 80-95)."""

_SPACES = re.compile(r"[ \t]+")


def join_wrapped_lines(lines: list[Line]) -> list[Line]:
    """Return the text's units: lines joined where a break is a wrap or falls inside a sentence."""
    width = wrap_width(lines)
    sequence = NumberSequence()
    units: list[Line] = []
    for index, line in enumerate(lines):
        if units and continues(units[-1], lines, index, width, sequence):
            unit = units[-1]
            units[-1] = Line(unit.number, f"{unit.text} {line.text}", line.last, unit.after_break,
                             unit.after_chrome, line.width)
            if is_bare_number(unit.text):
                _note_number(units[-1].text, sequence)
        else:
            _note_number(line.text, sequence)
            units.append(line)
    return units


def _note_number(text: str, sequence: NumberSequence) -> None:
    """Record the number a unit opens with, when the numbering admits it."""
    shape = number_shape(text)
    if shape and sequence.admits(shape.value):
        sequence.note(shape.value)


def wrap_width(lines: list[Line]) -> int | None:
    """Return the width a text is hard-wrapped at, or None when it is not wrapped.

    The width is that of the longest line followed by another in the same
    block. The text is wrapped when that is at most MAX_WRAP_WIDTH, most such
    lines are full (the next line's first word would not have fitted), and
    some full line is followed by a lowercase word, a sentence going on. A web
    page whose short paragraphs follow one another fills few of its lines.
    """
    inner = [(a, b) for a, b in zip(lines, lines[1:]) if not b.after_break]
    if not inner:
        return None
    width = max(a.width for a, _ in inner)
    if width > MAX_WRAP_WIDTH:
        return None
    full = [(a, b) for a, b in inner if is_full(a, b, width)]
    if 2 * len(full) >= len(inner) and any(starts_lowercase(b.text) for _, b in full):
        return width
    return None


def is_full(line: Line, following: Line, width: int) -> bool:
    """Return True when the following line's first word would not have fitted on ``line``."""
    first_word = _SPACES.split(following.text, 1)[0]
    return line.width + 1 + len(first_word) > width


def continues(unit: Line, lines: list[Line], index: int, width: int | None,
              sequence: NumberSequence) -> bool:
    """Return True when ``lines[index]`` continues the unit before it.

    The unit's ``width`` is its last source line's, which is what a wrap is judged by.
    """
    line = lines[index]
    if line.after_chrome or is_rule(line.text) or is_rule(unit.text):
        return False
    if is_bare_number(unit.text):
        return not opens_unit(line.text, sequence)
    wrapped = width is not None and not line.after_break and is_full(unit, line, width)
    if opens_unit(line.text, sequence):
        # A full line goes on when it ends mid-sentence or inside a list printed inline.
        return wrapped and (not ends_sentence(unit.text) or continues_inline_list(
            unit.text, line.text, rest_of_block(lines, index + 1)))
    return wrapped or breaks_inside_sentence(unit.text, line.text)


def rest_of_block(lines: list[Line], start: int) -> str:
    """Return the text of the lines from ``start`` up to the next blank line (or chrome), joined."""
    rest: list[str] = []
    for line in lines[start:]:
        if line.after_break:
            break
        rest.append(line.text)
    return " ".join(rest)


def opens_unit(text: str, sequence: NumberSequence) -> bool:
    """Return True when a line opens a unit of its own: an item, an admitted number, a dateline."""
    if is_list_item(text):
        return True
    shape = number_shape(text)
    if shape is not None:
        return sequence.admits(shape.value)
    return bool(split_heading_number(text)[0]) or parse_dateline(text) is not None


def breaks_inside_sentence(unit: str, following: str) -> bool:
    """Return True when a unit stops inside a sentence that the following line goes on with."""
    if ends_sentence(unit):
        return False
    last_word = unit.rsplit(None, 1)[-1]
    if last_word in FUNCTION_WORDS:
        return True
    return starts_lowercase(following) and not is_list_item(unit)


def starts_lowercase(text: str) -> bool:
    """Return True when a line starts with a lowercase letter."""
    return text[:1].islower()
