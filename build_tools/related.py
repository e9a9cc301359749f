"""Related paragraphs: for each paragraph, the most similar paragraphs in other sections.

Similarity is the cosine of TF-IDF vectors over content words: the text is
lowercased, split into words, stop words and words holding digits are dropped,
and words are stemmed lightly (``migrants`` → ``migrant``, ``countering`` →
``counter``, ``policies`` → ``policy``, ``raised`` → ``rais``). A term's weight is ``(1 + ln tf) · ln(N / df)``.
Terms found in more than ``COMMON_FRACTION`` of the paragraphs (and in more than
``COMMON_MIN`` of them) are dropped: they hardly discriminate, and their long
postings would make the pass quadratic. The scores come from one pass over an
inverted index: each paragraph adds up products only along the postings of its
own terms, so the cost is the sum of the squared postings lengths, near-linear
for real text.

A paragraph never relates to itself nor to a paragraph of its own section
(its ``group``). Pairs scoring below ``THRESHOLD`` are never listed; it was set by
reading the results on the three published texts: at 0.12 a listed pair shares a
subject (migrant smuggling, Ukraine's reconstruction, synthetic drugs), below it
pairs mostly share boilerplate words.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterator, Sequence

THRESHOLD = 0.12
"""Lowest cosine at which a pair is listed."""
COMMON_FRACTION = 0.1
COMMON_MIN = 20
"""A term in more than max(COMMON_FRACTION · N, COMMON_MIN) paragraphs is dropped."""

_WORD_RE = re.compile(r"[a-z][a-z0-9]*")
_POSSESSIVE_RE = re.compile(r"['’]s\b")
STOP_WORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for from
further had has have having he her here hers him his how i if in into is it its itself just
may me might more most must my no nor not now of off on once only or other our ours out over
own same shall she should so some such than that the their theirs them then there these they
this those through to too under until up upon very was we were what when where which while
who whom why will with within without would you your including well us via per towards
""".split())


@dataclass(frozen=True)
class RelatedInput:
    """One paragraph offered for relating."""

    id: str
    """The paragraph's id, unique in the corpus."""
    group: str
    """'<document>/<section>': paragraphs of the same group never relate."""
    text: str
    """The paragraph's plain text, items included."""


def content_terms(text: str) -> list[str]:
    """Return the stemmed content words of text, in order, repeats kept."""
    words = _WORD_RE.findall(_POSSESSIVE_RE.sub("", text.lower()))
    return [stem(w) for w in words
            if len(w) > 1 and w not in STOP_WORDS and not any(c.isdigit() for c in w)]


def stem(word: str) -> str:
    """Return word without a plural, '-ing', '-ed' or final 'e' (a deliberately light stemmer).

    So 'raise', 'raised', 'raising' all give 'rais', and 'planned' gives 'plan'.
    """
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith(("sses", "xes", "ches", "shes")) and len(word) > 5:
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        word = word[:-1]
    for suffix, shortest in (("ing", 6), ("ed", 5)):
        if word.endswith(suffix) and len(word) >= shortest:
            word = word[:-len(suffix)]
            if word[-1] == word[-2] and word[-1] not in "aeiouylsz":
                word = word[:-1]
            break
    return word[:-1] if word.endswith("e") and len(word) > 3 else word


def tfidf_vectors(paragraphs: Sequence[RelatedInput]) -> list[dict[str, float]]:
    """Return the unit TF-IDF vector of each paragraph over the discriminating terms."""
    counts = [Counter(content_terms(p.text)) for p in paragraphs]
    df = Counter(term for c in counts for term in c)
    total = len(paragraphs)
    cap = max(COMMON_FRACTION * total, COMMON_MIN)
    vectors: list[dict[str, float]] = []
    for count in counts:
        vector = {term: (1 + math.log(tf)) * math.log(total / df[term])
                  for term, tf in count.items() if df[term] <= cap}
        norm = math.sqrt(sum(w * w for w in vector.values()))
        vectors.append({t: w / norm for t, w in vector.items()} if norm else {})
    return vectors


def similarity_scores(vectors: Sequence[dict[str, float]]) -> Iterator[dict[int, float]]:
    """Yield, for each vector in turn, its cosine with every vector sharing a term (itself too)."""
    postings: dict[str, list[tuple[int, float]]] = {}
    for index, vector in enumerate(vectors):
        for term, weight in vector.items():
            postings.setdefault(term, []).append((index, weight))
    for vector in vectors:
        acc: dict[int, float] = {}
        for term, weight in vector.items():
            for other, other_weight in postings[term]:
                acc[other] = acc.get(other, 0.0) + weight * other_weight
        yield acc


def related_paragraphs(paragraphs: Sequence[RelatedInput], limit: int = 3,
                       threshold: float = THRESHOLD) -> dict[str, tuple[str, ...]]:
    """Return, by paragraph id, the ids of up to limit related paragraphs, best first.

    Only pairs of different groups scoring at least threshold are listed; equal
    scores (to 9 decimals) are ordered by id. Every paragraph has an entry, possibly empty.
    """
    vectors = tfidf_vectors(paragraphs)
    related: dict[str, tuple[str, ...]] = {}
    for index, scores in enumerate(similarity_scores(vectors)):
        own = paragraphs[index]
        best = heapq.nsmallest(limit, (
            (-round(score, 9), paragraphs[other].id)
            for other, score in scores.items()
            if score >= threshold and paragraphs[other].group != own.group
        ))
        related[own.id] = tuple(pid for _, pid in best)
    return related
