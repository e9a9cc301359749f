"""Sentence spans of a paragraph's text, so that a sentence can be cited as ``<id>.s<n>``.

The rule: a sentence ends at ``.``, ``!``, ``?``, ``...`` or ``…``, together with
any closing quotes or brackets right after it (’ ” " ' ) ]), when whitespace
follows and the next word starts a sentence: a capital letter or a digit,
possibly behind an opening quote or bracket. So decimals (``1.5°C``,
``USD 6.75``), ellipses before lowercase words and inline sub-points
(``i) ... ii)``, ``(a)``) never split. A full stop does not end a sentence
after:

- an abbreviation that never closes a sentence: titles (``Mr.``, ``Dr.``,
  ``St.``), Latin (``e.g.``, ``i.e.``, ``cf.``), and dotted acronyms (``U.S.``);
- an abbreviation that precedes a number, when a number follows (``No. 5``,
  ``Art. 2``, ``Oct. 7``);
- a single capital letter, an initial (``Joseph R. Biden``).

An acronym written without dots (``the UN. We``) does end a sentence.
"""

from __future__ import annotations

import re

_CLOSERS = "’”\"')]"
_OPENERS = "‘“\"'(["
_BOUNDARY_RE = re.compile(
    rf"(?:\.\.\.|…|[.!?])+[{re.escape(_CLOSERS)}]*(?=\s+[{re.escape(_OPENERS)}]*[A-Z0-9])"
)
# A sub-point marker such as 'ii)', '(b)' or 'A)' is part of the sentence it enumerates.
_SUBPOINT_RE = re.compile(r"\s+\(?(?:[ivxlc]+|[A-Za-z])\)\s")
_WORD_BEFORE_RE = re.compile(r"(\S+)$")
_DOTTED_ACRONYM_RE = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")

NEVER_FINAL = frozenset({
    "mr", "mrs", "ms", "dr", "st", "prof", "gen", "sen", "rep", "gov", "hon", "rev", "jr",
    "e.g", "i.e", "cf", "viz", "vs", "approx", "incl", "ca",
})
"""Abbreviations (lowercase, without the final dot) after which a sentence goes on."""

BEFORE_NUMBER = frozenset({
    "no", "nos", "art", "arts", "para", "paras", "p", "pp", "vol", "fig", "sec", "ch",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
})
"""Abbreviations that do not end a sentence when a number follows them."""


def split_sentences(text: str) -> tuple[tuple[int, int], ...]:
    """Return the (start, end) character spans of the sentences of text, in order.

    Spans exclude surrounding whitespace; text[start:end] is the sentence as printed.
    """
    spans: list[tuple[int, int]] = []
    start = _skip_space(text, 0)
    for match in _BOUNDARY_RE.finditer(text):
        end = match.end()
        if match.start() < start or not _ends_sentence(text, match):
            continue
        spans.append((start, end))
        start = _skip_space(text, end)
    end = len(text.rstrip())
    if start < end:
        spans.append((start, end))
    return tuple(spans)


def _ends_sentence(text: str, match: re.Match[str]) -> bool:
    """Return whether the terminator matched ends a sentence (see the module's rule)."""
    if _SUBPOINT_RE.match(text, match.end()):
        return False
    if match.group().rstrip(_CLOSERS) != ".":
        return True
    # Words are short: a window keeps the search from rescanning the whole paragraph.
    before = _WORD_BEFORE_RE.search(text[max(0, match.start() - 40):match.start()])
    if before is None:
        return True
    word = before.group(1).lstrip(_OPENERS)
    lower = word.lower()
    if lower in NEVER_FINAL or _DOTTED_ACRONYM_RE.fullmatch(word):
        return False
    if len(word) == 1 and word.isupper():
        return False
    next_char = text[_skip_space(text, match.end())]
    return not (lower in BEFORE_NUMBER and next_char.isdigit())


def _skip_space(text: str, at: int) -> int:
    """Return the index of the first non-space character at or after at."""
    while at < len(text) and text[at].isspace():
        at += 1
    return at
