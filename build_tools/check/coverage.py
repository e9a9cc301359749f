"""Find names and acronyms in a text that the glossary does not cover.

Three rules propose candidates:

- ``paren-acronym``: an acronym defined in parentheses, '... Terrorism (GIFCT)';
  every word in the parentheses must look like an acronym ('(CBD COP16)');
- ``named``: a capitalised multi-word name ending in Convention, Protocol,
  Process, Group, Network, Initiative, Alliance, Coalition, Forum, Fund,
  Platform, Mechanism, Agency, Office, Court, Resolution, Communiqué/Communique,
  Declaration or Action Plan ('Budapest Convention', 'Roma-Lyon Group');
- ``all-caps``: a word of two or more characters with no lowercase letter and
  at least one capital, letters and digits mixed allowed, a plural 's'
  allowed ('SALW', 'G7', 'COP28', 'ISPs'). So 'G7' and 'G20' are candidates
  and the glossary covers them like any other acronym.

A candidate is covered when a glossary mention contains it, or when the ignore
list names it (with a reason) as not glossary material.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Iterable

from build_tools.annotate.terms import TermMatcher, find_mentions
from build_tools.model.notes import Mention
from build_tools.model.source import IgnoredCandidate

SUFFIXES = ("Convention", "Protocol", "Process", "Group", "Network", "Initiative",
            "Alliance", "Coalition", "Forum", "Fund", "Platform", "Mechanism", "Agency",
            "Office", "Court", "Resolution", "Communiqué", "Communique", "Declaration",
            r"Action[ \t\u00a0]+Plan")
# Lowercase words a name may contain between capitalised words.
CONNECTORS = ("of", "on", "for", "the", "to", "and", "against", "in", "with", "de", "du", "by")
# Capitalised words that open a sentence or phrase, not a name.
LEADING_WORDS = {"The", "This", "That", "These", "Those", "Our", "Its", "Their", "A", "An",
                 "In", "With", "Under", "For", "Through", "Following", "Recalling", "As",
                 "At", "By", "Of", "On", "To", "And", "We", "All", "Any", "Each", "Both"}

_SP = r"[ \t\u00a0]+"
_WORD = r"(?:[A-Z0-9][\w\-/+]*(?:[’']s?)?)"
_CONN = "(?:" + "|".join(CONNECTORS) + ")"
_NAMED = re.compile(rf"(?<![\w\-])(?:{_WORD}{_SP}(?:{_CONN}{_SP})*)+(?:{'|'.join(SUFFIXES)})(?![\w\-])")
_PAREN = re.compile(r"\(([^()\n]+)\)")
_ACRONYM_WORD = re.compile(r"^[A-Z0-9][A-Za-z0-9\-/+&]*$")
_AND_THE = re.compile(r"\s+and\s+the\s+")
# 'Kremlin-backed', 'Russia-led': an adjective before a name, not part of it.
_ADJECTIVE = re.compile(r"^[A-Z][\w.]*-[a-z]")


@dataclass(frozen=True)
class Candidate:
    """A place in a text that looks like glossary material."""

    text: str
    kind_of_rule: str
    """'paren-acronym', 'named' or 'all-caps'."""
    offset: int
    """Character offset of ``text`` in the text searched."""

    @property
    def end(self) -> int:
        return self.offset + len(self.text)


def _looks_like_acronym(word: str) -> bool:
    """Return True for 'GIFCT', 'COP28', 'ISPs', '4P', 'AfDB'; False for 'Annex', 'ii'."""
    if len(word) < 2 or not _ACRONYM_WORD.match(word):
        return False
    capitals_and_digits = sum(c.isupper() or c.isdigit() for c in word)
    return any(c.isupper() for c in word) and capitals_and_digits >= 2


def _paren_acronyms(text: str) -> Iterable[Candidate]:
    for match in _PAREN.finditer(text):
        inner = match.group(1).strip()
        if inner and all(_looks_like_acronym(w) for w in inner.split()):
            yield Candidate(inner, "paren-acronym", match.start(1) + match.group(1).index(inner))


def _is_lead_in(word: str) -> bool:
    """Return True for a word that opens a phrase rather than a name ('The', 'Kremlin-backed')."""
    return word in LEADING_WORDS or word in CONNECTORS or bool(_ADJECTIVE.match(word))


def _named(text: str) -> Iterable[Candidate]:
    for match in _NAMED.finditer(text):
        # 'the Roma-Lyon Group and the Venice Justice Group' names two things:
        # keep the last, which ends in the suffix.
        joins = list(_AND_THE.finditer(match.group()))
        base = joins[-1].end() if joins else 0
        words = [(base + w.start(), w.group())
                 for w in re.finditer(r"\S+", match.group()[base:])]
        first = 0
        while first < len(words) - 1 and _is_lead_in(words[first][1]):
            first += 1
        if len(words) - first < 2:
            continue
        start = match.start() + words[first][0]
        yield Candidate(text[start:match.end()], "named", start)


def _all_caps(text: str) -> Iterable[Candidate]:
    for match in re.finditer(r"[^\W_]+", text):
        word = match.group()
        core = word[:-1] if word.endswith("s") else word
        if len(core) >= 2 and not any(c.islower() for c in core) and any(c.isupper() for c in core):
            yield Candidate(word, "all-caps", match.start())


def find_candidates(text: str) -> list[Candidate]:
    """Return every candidate of the three rules, in text order.

    A place found by several rules is kept once, under the first rule that found it.
    """
    found: dict[tuple[int, str], Candidate] = {}
    for rule in (_paren_acronyms, _named, _all_caps):
        for candidate in rule(text):
            found.setdefault((candidate.offset, candidate.text), candidate)
    return sorted(found.values(), key=lambda c: (c.offset, c.end))


def _covered(candidate: Candidate, starts: list[int], mentions: tuple[Mention, ...]) -> bool:
    """Return True when a mention contains the candidate's span."""
    # Mentions never overlap, so only the last one starting at or before the
    # candidate can contain it.
    index = bisect.bisect_right(starts, candidate.offset) - 1
    return index >= 0 and mentions[index].end >= candidate.end


def missing_candidates(text: str, candidates: Iterable[Candidate], matcher: TermMatcher,
                       ignore_list: Iterable[IgnoredCandidate]) -> list[Candidate]:
    """Return the candidates no glossary mention in ``text`` covers and the ignore list omits."""
    ignored = {" ".join(item.candidate.split()) for item in ignore_list}
    mentions = find_mentions(matcher, text)
    starts = [m.start for m in mentions]
    return [c for c in candidates
            if not _covered(c, starts, mentions) and " ".join(c.text.split()) not in ignored]


def check_coverage(text: str, matcher: TermMatcher,
                   ignore_list: Iterable[IgnoredCandidate]) -> list[Candidate]:
    """Return the candidates of ``text`` that are neither glossary terms nor ignored."""
    return missing_candidates(text, find_candidates(text), matcher, ignore_list)
