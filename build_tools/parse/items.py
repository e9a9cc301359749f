"""List items: which lines are items, which paragraph they belong to, and when bullets are paragraphs.

- Bullets ('-', '•', ...) and lettered or roman sub-points ('a)', '(a)', 'a.',
  'i)', '(iv)') are items wherever they stand.
- Numbered sub-points ('(1)', '1)') are items only as a list: the first,
  numbered 1, right after a lead-in ending in ':'; each next one in the same
  form, numbered one more. Elsewhere that shape is a paragraph number.
- A statement printed as bullets with no lead-in, each bullet a paragraph of
  several sentences, has one paragraph per bullet (``bullets_are_paragraphs``).
"""

from __future__ import annotations

import re

from build_tools.parse.headings import (BULLET_RE, CLOSERS, NUMBERED_SUBPOINT_RE, SUBPOINT_RE,
                                        Entry, ItemLine, ParagraphLine)

LEAD_IN_END = ":"
"""How a lead-in that introduces a list ends."""

MIN_SENTENCES = 2
"""Sentences a bullet holds when it is a paragraph of its own."""

_SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)\]]*\s+[\"'“‘(]*[A-Z0-9]")


def item_of(text: str, line: int, previous: Entry | None) -> ItemLine | None:
    """Return a stripped line as a list item, or None; ``previous`` is the entry before it."""
    match = BULLET_RE.match(text) or SUBPOINT_RE.match(text)
    if match:
        return ItemLine(line, match["marker"], match["text"])
    match = NUMBERED_SUBPOINT_RE.match(text)
    if match and _continues_numbered_list(match, previous):
        return ItemLine(line, match["marker"], match["text"])
    return None


def _continues_numbered_list(match: re.Match[str], previous: Entry | None) -> bool:
    """Return True when a '(n)' or 'n)' line is the next point of a numbered sub-point list."""
    number = int(match["n1"] or match["n2"])
    if isinstance(previous, ItemLine):
        before = NUMBERED_SUBPOINT_RE.match(f"{previous.marker} x")
        return (before is not None and bool(before["n1"]) == bool(match["n1"])
                and int(before["n1"] or before["n2"]) == number - 1)
    return (number == 1 and isinstance(previous, ParagraphLine)
            and is_lead_in(previous.text))


ROMAN_NUMERALS = ("i ii iii iv v vi vii viii ix x xi xii xiii xiv xv xvi xvii xviii xix xx"
                  .split())


def neighbour_markers(marker: str, step: int) -> list[str]:
    """Return the sub-point markers ``step`` (1 or -1) places after a marker, read as roman
    and as a letter: 'ii)', 1 → ['iii)']; 'b.', -1 → ['a.']; 'i)', 1 → ['ii)', 'j)']."""
    match = re.fullmatch(r"(\(?)([a-z]+|[A-Z])([).])", marker)
    if not match:
        return []
    opening, name, closing = match.groups()
    names = []
    if name.lower() in ROMAN_NUMERALS:
        at = ROMAN_NUMERALS.index(name.lower()) + step
        if 0 <= at < len(ROMAN_NUMERALS):
            names.append(ROMAN_NUMERALS[at])
    if len(name) == 1 and name.isalpha() and (chr(ord(name) + step)).isalpha():
        names.append(chr(ord(name) + step))
    return [f"{opening}{n}{closing}" for n in names]


def continues_inline_list(unit: str, text: str, rest_of_block: str) -> bool:
    """Return True when a line opening with a sub-point is part of a list printed inline.

    So when the point before it is printed inside the unit the line would go on
    ('... we will: i) raise ...; ii) support ...' wrapped before 'ii)'), or the
    point after it is printed inside the block, rather than opening a line.
    """
    match = SUBPOINT_RE.match(text)
    if not match:
        return False
    marker = match["marker"]
    return (any(f" {before} " in unit for before in neighbour_markers(marker, -1))
            or any(f" {after} " in f"{match['text']} {rest_of_block}"
                   for after in neighbour_markers(marker, 1)))


def is_lead_in(text: str) -> bool:
    """Return True when a paragraph's text introduces a list (it ends in ':')."""
    return text.rstrip(CLOSERS).rstrip().endswith(LEAD_IN_END)


def ends_full_sentence(text: str) -> bool:
    """Return True when a text ends as a sentence ends ('.', '!', '?', closing quotes aside)."""
    core = text.rstrip(CLOSERS).rstrip()
    return core[-1:] in (".", "!", "?", "…")


def count_sentences(text: str) -> int:
    """Return roughly how many sentences a text holds (full stops before a capital or digit)."""
    return len(_SENTENCE_BREAK.findall(text)) + 1


def bullets_are_paragraphs(lead: str, markers: list[str], texts: list[str]) -> bool:
    """Return True when a list is a statement's paragraphs printed as bullets.

    So when nothing introduces it (no text before it, or a finished sentence
    rather than a lead-in), every entry is a bullet that starts and ends as a
    sentence, and most hold several sentences.
    """
    if not texts or (lead and not ends_full_sentence(lead)):
        return False
    if not all(BULLET_RE.match(f"{marker} x") for marker in markers):
        return False
    if not all(text[:1].isupper() and ends_full_sentence(text) for text in texts):
        return False
    several = sum(count_sentences(text) >= MIN_SENTENCES for text in texts)
    return 2 * several > len(texts)
