"""Memoised pure functions, so that a rebuild in the same process redoes only what changed.

``mkdocs serve`` and the benchmark generate the site again and again in one
process; after a one-paragraph edit almost every input of every stage is the
same as before. The pipeline's stages are pure functions of immutable values
(frozen dataclasses, strings, tuples), so their results can be kept and shared:

- ``parse_text`` by its SourceText (the text and its sidecar);
- a sidecar, the glossary and the registry by their file's text (and the registry
  this process last wrote by the text it wrote);
- glossary and keyword matchers by the glossary entries and topics;
- the tokens, mentions, fingerprints, sentences and commitments of a text by the text;
- everything pages show of a paragraph, and of a document, interned
  (``site_data.ParagraphFacts``, ``DocumentFacts``): equal facts of two
  generations are one object, so the keys below hash and compare in constant time;
- a paragraph's HTML by its facts and the site-wide link facts;
- a document's pages, and its share of the topic, glossary and commitment pages
  and of the paragraph export, by its facts;
- a topic item, a glossary link and an anchor export object by what each is made from;
- a rendered page by everything its template is given (``render.env.make_page``),
  and by the templates' modification times.

Each memo is bounded (an ``functools.lru_cache``, or a ``Memo`` that forgets its
oldest entries), so memory stays proportional to one corpus. A cache is never a source of truth: it maps a
key to what the function returns for that key, so a hit and a miss give the
same result. ``clear()`` empties them all (the benchmark does before each cold
build).
"""

from __future__ import annotations

import functools
import itertools
from typing import Callable, Hashable, TypeVar

F = TypeVar("F", bound=Callable)
T = TypeVar("T")

TEXTS = 1 << 15
"""Bound of the per-text caches: about four times the paragraphs and items of 200 documents."""
DOCUMENTS = 1 << 11
"""Bound of the per-file caches (parsed texts, glossaries, registries)."""

_caches: list = []


def memoised(maxsize: int = TEXTS) -> Callable[[F], F]:
    """Return a decorator memoising a pure function of hashable arguments (LRU, ``maxsize``)."""
    def decorate(function: F) -> F:
        cached = functools.lru_cache(maxsize=maxsize)(function)
        _caches.append(cached)
        return cached  # type: ignore[return-value]
    return decorate


class Memo:
    """A bounded map from a hashable key to a computed value.

    When full it forgets the entries kept longest (a hit does not reorder: moving a
    key to the end would hash it a second time, and keys are big tuples). An entry
    still in use that is forgotten is computed again once: slower, never wrong.
    """

    def __init__(self, maxsize: int) -> None:
        self.maxsize = maxsize
        self._values: dict = {}
        self.hits = self.misses = 0
        _caches.append(self)

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        """Return the value kept for ``key``, computing and keeping it on a miss."""
        try:
            value = self._values[key]
        except KeyError:
            self.misses += 1
            value = self._values[key] = compute()
            if len(self._values) > self.maxsize:
                for old in list(itertools.islice(self._values, max(1, len(self._values) // 4))):
                    del self._values[old]
            return value
        self.hits += 1
        return value

    def cache_clear(self) -> None:
        self._values.clear()
        self.hits = self.misses = 0


class Frozen:
    """A hashable value whose hash is computed once: a cheap part of many memo keys."""

    __slots__ = ("value", "_hash")

    def __init__(self, value: Hashable) -> None:
        self.value = value
        self._hash = hash(value)

    def __hash__(self) -> int:
        return self._hash

    def __eq__(self, other: object) -> bool:
        return self is other or (isinstance(other, Frozen) and self._hash == other._hash
                                 and self.value == other.value)


def clear() -> None:
    """Forget every memoised result."""
    for cached in _caches:
        cached.cache_clear()


def sizes() -> dict[str, int]:
    """Return the number of results each memoised function holds, by function name."""
    return {getattr(c, "__qualname__", type(c).__name__):
            c.cache_info().currsize if hasattr(c, "cache_info") else len(c._values)
            for c in _caches}
