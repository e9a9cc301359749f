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

The scores come from one sparse matrix product (SciPy): the TF-IDF vectors
are the rows of a paragraphs × terms matrix, and M·Mᵀ multiplies only rows
that share a term, so no pair of paragraphs without a common term is ever
looked at. Each paragraph's best few are then chosen with NumPy sorts, not a
Python loop over pairs. 8,000 synthetic paragraphs take about 0.2 s.

A paragraph never relates to itself nor to a paragraph of its own section (its
``group``), and a listed pair shares at least one term. Pairs below ``THRESHOLD``
are never listed. It was set by reading the results on the three published
texts: from 0.13 up, a listed pair mostly shares a subject (migrant smuggling,
Ukraine's reconstruction, synthetic drugs, AI); below it, pairs increasingly
share only incidental words. At 0.13, 237 of their 301 paragraphs get related
paragraphs, and for 73% of the listed pairs (a → b), b lists a too.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Sequence

import numpy as np
from scipy import sparse

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
    counts: Counter | None = field(default=None, compare=False)
    """``term_counts(text)``, when already made."""


class WordTerms(dict):
    """Lowercase word -> the term it counts as, or '' for a stop word or a letter; a miss
    computes it. Made for one pass over many texts, whose words repeat."""

    def __missing__(self, word: str) -> str:
        term = self[word] = "" if len(word) < 2 or word in STOP_WORDS else stem(word)
        return term


def content_terms(text: str, terms: WordTerms | None = None) -> list[str]:
    """Return the stemmed content words of text, in order, repeats kept (``terms``: the
    words' terms, shared by the texts of one pass)."""
    terms = WordTerms() if terms is None else terms
    words = _WORD_RE.findall(_POSSESSIVE_RE.sub("", text.lower()))
    return list(filter(None, map(terms.__getitem__, words)))


def term_counts(text: str, terms: WordTerms | None = None) -> Counter:
    """Return how often each content term occurs in text."""
    return Counter(content_terms(text, terms))


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


def tfidf_matrix(paragraphs: Sequence[RelatedInput]) -> sparse.csr_matrix:
    """Return the unit TF-IDF vectors of the paragraphs over the discriminating terms,
    one row per paragraph (a row without such a term is all zeros)."""
    terms = WordTerms()
    vocabulary = _Vocabulary()
    columns: list[int] = []
    frequencies: list[int] = []
    lengths: list[int] = []
    for paragraph in paragraphs:
        counts = paragraph.counts if paragraph.counts is not None else term_counts(paragraph.text, terms)
        columns.extend(map(vocabulary.__getitem__, counts))
        frequencies.extend(counts.values())
        lengths.append(len(counts))
    total = len(paragraphs)
    rows = np.repeat(np.arange(total), lengths)
    columns_a = np.array(columns, dtype=np.int64)
    df = np.bincount(columns_a, minlength=len(vocabulary)).astype(np.float64)
    # Common terms weigh nothing: most occurrences are theirs, so they are dropped
    # before any weight is computed.
    kept = df[columns_a] <= max(COMMON_FRACTION * total, COMMON_MIN)
    rows, columns_a = rows[kept], columns_a[kept]
    weights = ((1 + np.log(np.array(frequencies, dtype=np.float64)[kept]))
               * np.log(total / df[columns_a]))
    norms = np.sqrt(np.bincount(rows, weights=weights * weights, minlength=total))
    with np.errstate(invalid="ignore", divide="ignore"):
        weights = np.where(norms[rows] > 0, weights / norms[rows], 0.0)
    matrix = sparse.csr_matrix((weights, (rows, columns_a)), shape=(total, len(vocabulary)))
    matrix.eliminate_zeros()
    return matrix


class _Vocabulary(dict):
    """Term -> column, numbering a term the first time it is looked up."""

    def __missing__(self, term: str) -> int:
        column = self[term] = len(self)
        return column


def _scores(matrix: sparse.csr_matrix, threshold: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return (rows, columns, cosines) of every ordered pair of rows scoring >= threshold.

    One sparse product: only rows sharing a term are ever multiplied.
    """
    product = (matrix @ matrix.T).tocoo()
    keep = product.data >= threshold
    return product.row[keep], product.col[keep], product.data[keep]


def related_paragraphs(paragraphs: Sequence[RelatedInput], limit: int = 3,
                       threshold: float = THRESHOLD) -> dict[str, tuple[str, ...]]:
    """Return, by paragraph id, the ids of up to limit related paragraphs, best first.

    Only pairs of different groups scoring at least threshold are listed; equal
    scores (to 9 decimals) are ordered by id. Every paragraph has an entry, possibly empty.
    """
    ids = sorted(p.id for p in paragraphs)
    if len(set(ids)) != len(ids):
        raise ValueError("related_paragraphs: paragraph ids must be unique")
    related: dict[str, tuple[str, ...]] = {p.id: () for p in paragraphs}
    if not paragraphs or limit <= 0:
        return related

    rank = {pid: r for r, pid in enumerate(ids)}
    ranks = np.array([rank[p.id] for p in paragraphs])
    group_numbers: dict[str, int] = {}
    groups = np.array([group_numbers.setdefault(p.group, len(group_numbers)) for p in paragraphs])
    rows, columns, scores = _scores(tfidf_matrix(paragraphs), threshold)
    other_group = groups[rows] != groups[columns]
    rows, columns = rows[other_group], columns[other_group]
    units = np.rint(scores[other_group] * 1e9).astype(np.int64)  # scores to 9 decimals
    # Sorting every candidate by (row, score, id) is slow; a quick sort by (row, score)
    # finds each row's limit-th best score, and only candidates reaching it are ranked.
    by_score = np.argsort((rows.astype(np.int64) << 31) - units)
    top = _first_of_each_row(rows[by_score], limit)
    cut = np.full(len(paragraphs), np.iinfo(np.int64).max)
    np.minimum.at(cut, rows[by_score][top], units[by_score][top])
    reach = units >= cut[rows]
    rows, columns, units = rows[reach], columns[reach], units[reach]
    order = np.lexsort((ranks[columns], -units, rows))
    rows, columns = rows[order], columns[order]
    top = _first_of_each_row(rows, limit)
    rows, columns = rows[top], columns[top]
    for row, group in itertools.groupby(zip(rows.tolist(), columns.tolist()), key=lambda rc: rc[0]):
        related[paragraphs[row].id] = tuple(paragraphs[column].id for _, column in group)
    return related


def _first_of_each_row(rows: np.ndarray, limit: int) -> np.ndarray:
    """Return a mask of the first ``limit`` entries of each run of equal values in sorted ``rows``."""
    return np.arange(len(rows)) - np.searchsorted(rows, rows) < limit
