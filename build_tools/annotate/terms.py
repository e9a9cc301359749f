"""Find glossary terms in a text in one pass, whatever the number of entries.

The text is cut once into normalised tokens and a token trie (dict of dicts) is
walked from each token start. A text's cost therefore depends on its length and
on the longest term, never on how many entries the glossary holds.

Matching rules:

- names and aliases match case-insensitively; an entry's ``acronym`` matches
  only with exactly its printed case ('WHO' is never 'who', 'ERA' never 'era');
- typography is ignored: curly and straight quotes, accents ('Communiqué' is
  'Communique'), every hyphen and dash, any run of whitespace (NBSP and line
  breaks included) compare equal;
- a term is only ever found as whole words: tokens are maximal runs of letters
  and digits, so 'AI' is never found inside 'RAIN';
- a possessive after a term is accepted and left out of the mention:
  in 'Interpol’s databases' the mention covers 'Interpol';
- mentions never overlap: at each place the longest term wins
  ('UNODC Early Warning Advisory' is not 'UNODC'), then the scan goes on
  after it (leftmost-longest).
"""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass
from itertools import accumulate, chain, compress
from operator import itemgetter
from typing import TYPE_CHECKING, Iterable, Mapping

from build_tools import cache
from build_tools.cache import memoised
from build_tools.model.notes import Mention
from build_tools.read.term_keys import MARKS, fold_word, tokenise

if TYPE_CHECKING:
    from build_tools.model.source import Glossary


_END = ""  # trie key of the terms ending at a node; never a token


@dataclass(frozen=True)
class _Term:
    entry_id: str
    exact: tuple[str, ...] | None
    """Cased tokens the text must show (acronyms), or None (any case)."""


@dataclass(frozen=True, eq=False)
class TermMatcher:
    """A token trie over every name, acronym and alias of a glossary.

    Compared and hashed by identity, so that results can be memoised per matcher.
    """

    trie: Mapping
    """Nested dicts keyed by token key; ``trie[...][""]`` holds the terms ending there."""


_GAPPED_TOKEN = re.compile(r"(\s*)([^\W_]+|\S)")
"""A token of ``_SCAN`` (group 2) with the whitespace before it (group 1): ``findall``
returns both as strings, and their running lengths are the tokens' offsets."""


class _Keys(dict):
    """Token → its key (a word folded, a mark made canonical); a miss computes it.

    Looked up with ``map(keys.__getitem__, tokens)``: hits never leave C.
    """

    def __missing__(self, token: str) -> str:
        if len(self) > 1 << 17:
            self.clear()
        key = fold_word(token)[1] if len(token) > 1 or token.isalnum() else MARKS.get(token, token)
        self[token] = key
        return key


_KEYS = _Keys()


def _cased(token: str) -> str:
    """Return a token's form without case folding (accents stripped, marks canonical)."""
    return fold_word(token)[0] if len(token) > 1 or token.isalnum() else MARKS.get(token, token)


@memoised(cache.TEXTS)
def text_tokens(text: str) -> tuple[tuple[str, ...], array]:
    """Return the keys of ``text``'s tokens and their running offsets (memoised: do not
    change them). Token k is ``text[offsets[2k]:offsets[2k + 1]]``.

    One tokenisation per text serves glossary terms and topic keywords alike; the
    regular expression runs once and the rest stays in C.
    """
    pairs = _GAPPED_TOKEN.findall(text)
    keys = tuple(map(_KEYS.__getitem__, map(itemgetter(1), pairs)))
    return keys, array("i", list(accumulate(map(len, chain.from_iterable(pairs)))))


def add_term(trie: dict, term: str, entry_id: str, exact: bool) -> None:
    tokens = tokenise(term)
    if not tokens:
        return
    node = trie
    for token in tokens:
        node = node.setdefault(token.key, {})
    cased = tuple(token.cased for token in tokens) if exact else None
    node.setdefault(_END, []).append(_Term(entry_id, cased))


@memoised(cache.DOCUMENTS)
def build_matcher(glossary: Glossary) -> TermMatcher:
    """Return a matcher for every name, acronym and alias of ``glossary``."""
    trie: dict = {}
    for entry in glossary.entries:
        add_term(trie, entry.name, entry.id, exact=False)
        if entry.acronym:
            add_term(trie, entry.acronym, entry.id, exact=True)
        for alias in entry.aliases:
            add_term(trie, alias, entry.id, exact=False)
    return TermMatcher(trie)


def _accepted(terms: Iterable[_Term], text: str, offsets: array, i: int, j: int) -> str | None:
    """Return the entry id of the first term ending here that the case rule accepts."""
    for term in terms:
        if term.exact is None or term.exact == tuple(
                _cased(text[offsets[2 * k]:offsets[2 * k + 1]]) for k in range(i, j + 1)):
            return term.entry_id
    return None


@memoised(cache.TEXTS)
def find_mentions(matcher: TermMatcher, text: str) -> tuple[Mention, ...]:
    """Return the non-overlapping, leftmost-longest mentions in ``text``, in order."""
    keys, offsets = text_tokens(text)
    root = matcher.trie
    found: list[tuple[int, int, str]] = []
    count = len(keys)
    after = 0
    # Only tokens that start some term are tried; finding them stays in C.
    for i in compress(range(count), map(root.__contains__, keys)):
        if i < after:
            continue
        node = root[keys[i]]
        best: tuple[int, str] | None = None
        j = i
        while True:
            if _END in node:
                entry_id = _accepted(node[_END], text, offsets, i, j)
                if entry_id is not None:
                    best = (j, entry_id)
            j += 1
            if j >= count or keys[j] not in node:
                break
            node = node[keys[j]]
        if best is not None:
            last, entry_id = best
            found.append((i, last, entry_id))
            after = last + 1
    if not found:
        return ()
    return tuple(Mention(offsets[2 * first], offsets[2 * last + 1], entry_id)
                 for first, last, entry_id in found)


def first_mentions(mentions: Iterable[Mention]) -> tuple[Mention, ...]:
    """Return the first mention of each entry, in text order."""
    seen: set[str] = set()
    firsts: list[Mention] = []
    for mention in sorted(mentions, key=lambda m: m.start):
        if mention.entry_id not in seen:
            seen.add(mention.entry_id)
            firsts.append(mention)
    return tuple(firsts)


def count_mentions(mentions: Iterable[Mention]) -> dict[str, int]:
    """Return entry id -> number of mentions."""
    counts: dict[str, int] = {}
    for mention in mentions:
        counts[mention.entry_id] = counts.get(mention.entry_id, 0) + 1
    return counts


def unmentioned_entries(glossary: Glossary, texts: Iterable[str]) -> list[str]:
    """Return the ids of entries that no text mentions, in glossary order."""
    matcher = build_matcher(glossary)
    mentioned: set[str] = set()
    for text in texts:
        mentioned.update(m.entry_id for m in find_mentions(matcher, text))
    return [entry.id for entry in glossary.entries if entry.id not in mentioned]
