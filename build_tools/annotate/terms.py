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
from dataclasses import dataclass, field
from itertools import accumulate, chain, compress
from operator import itemgetter
from typing import Iterable, NamedTuple

from build_tools.model.notes import Mention
from build_tools.model.source import Glossary, Topic
from build_tools.read.term_keys import MARKS, fold_word, tokenise

_END = ""  # trie key of the terms ending at a node; never a token


@dataclass(frozen=True)
class _Term:
    entry_id: str
    exact: tuple[str, ...] | None
    """Cased tokens the text must show (acronyms), or None (any case)."""


class Term(NamedTuple):
    """One form a matcher finds: a name, an alias, an acronym or a topic keyword."""

    text: str
    entry_id: str
    """The glossary id (or topic id) a mention of it names."""
    exact: bool = False
    """True for an acronym: only its printed case matches."""


@dataclass(frozen=True)
class TermMatcher:
    """A token trie over a list of terms (a glossary's names, acronyms and aliases, or the
    topics' keywords). Equal terms make equal matchers."""

    terms: tuple[Term, ...]
    trie: dict = field(init=False, compare=False, repr=False)
    """Nested dicts keyed by token key; ``trie[...][""]`` holds the terms ending there."""

    def __post_init__(self) -> None:
        trie: dict = {}
        for term in self.terms:
            add_term(trie, term.text, term.entry_id, term.exact)
        object.__setattr__(self, "trie", trie)


_GAPPED_TOKEN = re.compile(r"(\s*)([^\W_]+|\S)")
"""A token of ``_SCAN`` (group 2) with the whitespace before it (group 1): ``findall``
returns both as strings, and their running lengths are the tokens' offsets."""


class TokenKeys(dict):
    """Token → its key (a word folded, a mark made canonical); a miss computes it.

    Made for one pass over many texts (a document's paragraphs), whose words repeat;
    looked up with ``map(keys.__getitem__, tokens)``, so a hit never leaves C.
    """

    def __missing__(self, token: str) -> str:
        key = fold_word(token)[1] if len(token) > 1 or token.isalnum() else MARKS.get(token, token)
        self[token] = key
        return key


TextTokens = tuple[tuple[str, ...], array]
"""The keys of a text's tokens and their running offsets (see ``text_tokens``)."""


def _cased(token: str) -> str:
    """Return a token's form without case folding (accents stripped, marks canonical)."""
    return fold_word(token)[0] if len(token) > 1 or token.isalnum() else MARKS.get(token, token)


def text_tokens(text: str, keys: TokenKeys | None = None) -> TextTokens:
    """Return the keys of ``text``'s tokens and their running offsets: token k is
    ``text[offsets[2k]:offsets[2k + 1]]``. ``keys`` is shared by the texts of one pass.

    One tokenisation per text serves glossary terms and topic keywords alike; the
    regular expression runs once and the rest stays in C.
    """
    keys = TokenKeys() if keys is None else keys
    pairs = _GAPPED_TOKEN.findall(text)
    found = tuple(map(keys.__getitem__, map(itemgetter(1), pairs)))
    return found, array("i", list(accumulate(map(len, chain.from_iterable(pairs)))))


def add_term(trie: dict, term: str, entry_id: str, exact: bool) -> None:
    """Add ``term``'s tokens to ``trie``, ending in a mark that it names ``entry_id``."""
    tokens = tokenise(term)
    if not tokens:
        return
    node = trie
    for token in tokens:
        node = node.setdefault(token.key, {})
    cased = tuple(token.cased for token in tokens) if exact else None
    node.setdefault(_END, []).append(_Term(entry_id, cased))


def build_matcher(glossary: Glossary) -> TermMatcher:
    """Return a matcher for every name, acronym and alias of ``glossary``."""
    terms: list[Term] = []
    for entry in glossary.entries:
        terms.append(Term(entry.name, entry.id))
        if entry.acronym:
            terms.append(Term(entry.acronym, entry.id, exact=True))
        terms += [Term(alias, entry.id) for alias in entry.aliases]
    return TermMatcher(tuple(terms))


def keyword_matcher(topics: tuple[Topic, ...]) -> TermMatcher:
    """Return one matcher over every topic keyword; a keyword's id is its topic's."""
    return TermMatcher(tuple(Term(keyword, topic.id) for topic in topics for keyword in topic.keywords))


def _accepted(terms: Iterable[_Term], text: str, offsets: array, i: int, j: int) -> str | None:
    """Return the entry id of the first term ending here that the case rule accepts."""
    for term in terms:
        if term.exact is None or term.exact == tuple(
                _cased(text[offsets[2 * k]:offsets[2 * k + 1]]) for k in range(i, j + 1)):
            return term.entry_id
    return None


def find_mentions(matcher: TermMatcher, text: str, tokens: TextTokens | None = None
                  ) -> tuple[Mention, ...]:
    """Return the non-overlapping, leftmost-longest mentions in ``text``, in order
    (``tokens``: its ``text_tokens`` when already made)."""
    keys, offsets = text_tokens(text) if tokens is None else tokens
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




def names_inside(glossary: Glossary) -> dict[str, tuple[str, ...]]:
    """Return, per glossary id, the ids of the other entries whose name, acronym or alias
    holds one of its own names as whole words ('G7' inside 'G7 Roma-Lyon Group').

    A text naming such an entry names the inner one only inside that name: mentions never
    overlap, so the mention is the longer entry's, and the reader is pointed there.
    """
    def forms(entry) -> list[tuple[tuple[str, ...], bool]]:
        """(token keys or cased tokens, exact) of each name of an entry."""
        found = [(tuple(t.key for t in tokenise(entry.name)), False)]
        if entry.acronym:
            found.append((tuple(t.cased for t in tokenise(entry.acronym)), True))
        found += [(tuple(t.key for t in tokenise(alias)), False) for alias in entry.aliases]
        return [(tokens, exact) for tokens, exact in found if tokens]

    # Every shorter run of words of every name of every entry, by the entries it is in:
    # one look-up per name instead of a comparison of every pair of entries (0.6 s at 500).
    runs_in: dict[tuple[bool, tuple[str, ...]], set[int]] = {}
    for index, other in enumerate(glossary.entries):
        for text in (other.name, other.acronym or "", *other.aliases):
            tokens = tokenise(text)
            for exact, words in ((False, tuple(t.key for t in tokens)), (True, tuple(t.cased for t in tokens))):
                for start in range(len(words)):
                    for end in range(start + 1, len(words) + 1):
                        if end - start < len(words):
                            runs_in.setdefault((exact, words[start:end]), set()).add(index)
    inside: dict[str, tuple[str, ...]] = {}
    for index, entry in enumerate(glossary.entries):
        holding = set().union(*(runs_in.get((exact, tokens), ()) for tokens, exact in forms(entry)))
        holding.discard(index)
        holders = tuple(glossary.entries[i].id for i in sorted(holding))
        if holders:
            inside[entry.id] = holders
    return inside
