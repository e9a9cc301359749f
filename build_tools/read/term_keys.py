"""The key a glossary term or topic keyword is compared by: its tokens, case-folded,
accents stripped, quotes and dashes made one. The glossary is checked with it (no two
entries claim one term) and annotation matches terms by it (see ``annotate.terms``)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_SCAN = re.compile(r"([^\W_]+)|(\S)")
"""A word (group 1) or any other non-space character (group 2, a mark)."""


MARKS = {
    **dict.fromkeys("'’‘`´ʼ′", "'"),
    **dict.fromkeys("\"“”„«»″", '"'),
    **dict.fromkeys("-‐‑‒–—―−", "-"),
}


@dataclass(frozen=True)
class Token:
    """One word or punctuation mark of a text."""

    key: str
    """Case-folded, accent-free word, or the canonical mark ('’' is "'")."""
    cased: str
    """The same without case folding (used for acronyms)."""
    start: int
    end: int


def _strip_accents(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold_word(word: str) -> tuple[str, str]:
    """Return (cased, key) of a word: accents stripped, then case-folded."""
    cased = word if word.isascii() else _strip_accents(word)
    return cased, cased.casefold()


def _scan(text: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[int, ...], tuple[int, ...]]:
    """Return the keys, cased forms, starts and ends of the tokens of ``text``, in order."""
    keys: list[str] = []
    cased_forms: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for match in _SCAN.finditer(text):
        raw = match.group()
        cased, key = fold_word(raw) if match.lastindex == 1 else (MARKS.get(raw, raw),) * 2
        keys.append(key)
        cased_forms.append(cased)
        starts.append(match.start())
        ends.append(match.end())
    return tuple(keys), tuple(cased_forms), tuple(starts), tuple(ends)


def tokenise(text: str) -> list[Token]:
    """Return the words and marks of ``text``, whitespace dropped, with offsets."""
    return [Token(*fields) for fields in zip(*_scan(text))]


def term_key(term: str) -> tuple[str, ...]:
    """Return the normalised token keys of ``term``: equal keys match alike."""
    return tuple(token.key for token in tokenise(term))
