"""Related paragraphs: for each paragraph, the most similar paragraphs in other sections.

Similarity is the cosine of TF-IDF vectors over content words: the text is
lowercased, split into words, stop words and words holding digits are dropped,
and words are stemmed lightly (``migrants`` → ``migrant``, ``countering`` →
``counter``, ``policies`` → ``policy``, ``raised`` → ``rais``). A term weighs
``(1 + ln tf) · ln(N / df)``; vectors have unit length. Terms found in more than
max(2% of N, 30) of the N paragraphs are dropped: they hardly discriminate, and
their long postings would make the pass quadratic (on the three published texts,
about 300 paragraphs, this drops the 50 commonest terms, such as 'support',
'international', 'commitment').

The scores come from one pass over an inverted index: each paragraph adds up
products only along the postings of its own terms, against the paragraphs
before it, so each pair is scored once. As in Bayardo et al.'s All-Pairs, a
paragraph's most common terms stay out of the index while their largest
possible contribution to any cosine is below the threshold (they are added back
when a pair is scored), so long postings are rarely walked and the result is
exact. 8,000 synthetic paragraphs take about a second.

A paragraph never relates to itself nor to a paragraph of its own section (its
``group``), and a listed pair shares at least one term. Pairs below ``THRESHOLD``
are never listed. It was set by reading the results on the three published
texts: from 0.13 up, a listed pair mostly shares a subject (migrant smuggling,
Ukraine's reconstruction, synthetic drugs, AI); below it, pairs increasingly
share only incidental words. At 0.13, 237 of their 301 paragraphs get related
paragraphs, and for 73% of the listed pairs (a → b), b lists a too.
"""

from __future__ import annotations

import functools
import heapq
import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterator, Sequence

from build_tools import cache
from build_tools.cache import memoised

THRESHOLD = 0.13
"""Lowest cosine at which a pair is listed."""
COMMON_FRACTION = 0.02
COMMON_MIN = 30
"""A term in more than max(COMMON_FRACTION · N, COMMON_MIN) of N paragraphs is dropped."""

# Whole words of letters only: 'G7', '2024' and 'I-24/7' give no term.
_WORD_RE = re.compile(r"(?<![\w])[a-z]+(?![\w])")
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
    return [term for term in map(_term, words) if term]


@memoised(cache.TEXTS)
def term_counts(text: str) -> Counter:
    """Return how often each content term occurs in text (memoised: do not change it)."""
    return Counter(content_terms(text))


@functools.lru_cache(maxsize=65536)
def _term(word: str) -> str:
    """Return the term a lowercase word counts as, or '' for a stop word or a letter."""
    return "" if len(word) < 2 or word in STOP_WORDS else stem(word)


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
    counts = [term_counts(p.text) for p in paragraphs]
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


def similar_pairs(vectors: Sequence[dict[str, float]],
                  threshold: float) -> Iterator[tuple[int, int, float]]:
    """Yield (i, j, cosine) for each pair i > j sharing a term with cosine >= threshold."""
    df = Counter(term for vector in vectors for term in vector)
    top: dict[str, float] = {}
    for vector in vectors:
        for term, weight in vector.items():
            top[term] = max(weight, top.get(term, 0.0))
    index: dict[str, list[tuple[int, float]]] = {}
    unindexed: list[dict[str, float]] = []
    for i, vector in enumerate(vectors):
        partial: dict[int, float] = {}
        for term, weight in vector.items():
            for j, other in index.get(term, ()):
                partial[j] = partial.get(j, 0.0) + weight * other
        for j, score in partial.items():
            if unindexed[j]:
                score += sum(w * vector.get(t, 0.0) for t, w in unindexed[j].items())
            if score >= threshold:
                yield i, j, score
        # Common terms first: while their bound stays below the threshold, a pair
        # sharing only those terms cannot qualify, so they need no postings.
        bound, kept = 0.0, {}
        for term in sorted(vector, key=lambda t: (-df[t], t)):
            bound += vector[term] * top[term]
            if bound >= threshold:
                index.setdefault(term, []).append((i, vector[term]))
            else:
                kept[term] = vector[term]
        unindexed.append(kept)


def related_paragraphs(paragraphs: Sequence[RelatedInput], limit: int = 3,
                       threshold: float = THRESHOLD) -> dict[str, tuple[str, ...]]:
    """Return, by paragraph id, the ids of up to limit related paragraphs, best first.

    Only pairs of different groups scoring at least threshold are listed; equal
    scores (to 9 decimals) are ordered by id. Every paragraph has an entry, possibly empty.
    """
    ids = sorted(p.id for p in paragraphs)
    if len(set(ids)) != len(ids):
        raise ValueError("related_paragraphs: paragraph ids must be unique")
    rank = {pid: r for r, pid in enumerate(ids)}
    groups = [p.group for p in paragraphs]
    # Heap keys are (score, -rank of id): a min-heap's root is then the worst kept,
    # the lowest score and, among equal scores, the highest id.
    keys = [-rank[p.id] for p in paragraphs]
    best: list[list[tuple[float, int]]] = [[] for _ in paragraphs]
    for i, j, score in similar_pairs(tfidf_vectors(paragraphs), threshold):
        if groups[i] == groups[j]:
            continue
        score = round(score, 9)
        _keep_best(best[i], (score, keys[j]), limit)
        _keep_best(best[j], (score, keys[i]), limit)
    return {p.id: tuple(ids[-key] for _, key in sorted(heap, reverse=True))
            for p, heap in zip(paragraphs, best)}


def _keep_best(heap: list[tuple[float, int]], key: tuple[float, int], limit: int) -> None:
    """Add key to a min-heap holding the limit largest keys seen."""
    if len(heap) < limit:
        heapq.heappush(heap, key)
    elif limit and key > heap[0]:
        heapq.heapreplace(heap, key)
