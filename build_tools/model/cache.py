"""The build's one cache: what a rebuild in the same process reuses of the build before.

``mkdocs serve`` rebuilds the site in one process after every edit, and after a
one-paragraph edit almost every input of every stage is what it was. A
``BuildCache`` handed to the pipeline (``pipeline.read_inputs`` and
``pipeline.generate``) lets each stage reuse what the last build made from the
same inputs; without one, every build is made from scratch (``make site``,
``dump`` and ``check`` build that way). The preview keeps its BuildCache on the
g7 plugin object, which MkDocs keeps for a whole ``mkdocs serve``.

**The key.** A result is kept with the function that made it and the arguments
it was made from, and reused only when the next build calls the same function
with equal arguments (compared with ``==``). Every function called through the
cache is a module-level function whose result depends on its arguments alone:
it reads no file, no clock and no global that can change. So a kept result is
exactly what the call would return, and an edit that changes an input changes
an argument. That rule, in ``BuildCache.call``, is the only key there is;
``tests/test_incremental.py`` checks it by rebuilding after every kind of edit
and comparing every page and export with a build from scratch.

**The slots.** A call names the slot its result is kept in (``("parsed", path)``,
``("pages", slug)``): one result per slot, the last one made, so a slot's
arguments are compared with those of the last build only. A slot the latest
build did not use is dropped with its result, so the cache holds about one
build's results. What the stages keep, and why (the figures are seconds at 200
synthetic documents, about 8,000 paragraphs, for a build from scratch):

- read: each sidecar, the glossary and the registry, parsed from their text
  (the registry alone takes 0.3 s to read and check);
- parse: each text's Document, from its SourceText;
- identify: each document's paragraph fingerprints and the slugs its sections ask for
  (matching itself, over the whole corpus, runs in every build);
- annotate: the glossary's and the topics' matchers, and each document's
  findings (its paragraphs' mentions, topics, commitments and terms: 1.6 s);
- render: the templates' environment; each document's pages, its share of the
  topic, glossary and commitment pages and of the exports; each topic's pages,
  each entry's own mention pages and the aggregate pages (2 s in all);
- the writer records what it wrote at each path (``written``), so that a page
  is compared with the string it wrote rather than read back from disk.

The passes over the whole corpus (matching ids, related paragraphs, references,
section topics) run in every build: after an edit at 200 documents a rebuild
takes about 0.6 s of generation instead of 4.5 s.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Callable, Hashable, Iterator, NamedTuple, TypeVar

T = TypeVar("T")


class _Kept(NamedTuple):
    function: Callable
    args: tuple
    kwargs: dict
    result: Any


class Written(NamedTuple):
    """What the writer wrote at a path: the file's state then, and the text."""

    mtime_ns: int
    size: int
    content: str


class BuildCache:
    """What the last build made, reused by the next when made from equal inputs (see the
    module docstring)."""

    def __init__(self) -> None:
        self._kept: dict[Hashable, _Kept] = {}
        """By slot: what the last build that finished made."""
        self._used: dict[Hashable, _Kept] = {}
        """By slot: what the build under way made or reused."""
        self.written: dict[str, Written] = {}
        """By file path: what the writer last wrote there."""

    def call(self, slot: Hashable, function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Return ``function(*args, **kwargs)``: the result kept in ``slot`` when it was made
        by the same function from equal arguments, else made now and kept there."""
        kept = self._used.get(slot) or self._kept.get(slot)
        if kept is not None and kept.function == function and kept.args == args and kept.kwargs == kwargs:
            result = kept.result
        else:
            result = function(*args, **kwargs)
        self._used[slot] = _Kept(function, args, kwargs, result)
        return result

    @contextmanager
    def build(self) -> Iterator[BuildCache]:
        """Around one build: once it has finished, the cache keeps only what it used; a build
        that fails keeps what it made besides what the cache held."""
        try:
            yield self
        except BaseException:
            self._kept.update(self._used)
            self._used = {}
            raise
        self._kept, self._used = self._used, {}

    def __len__(self) -> int:
        """Return how many results the cache keeps."""
        return len(self._kept) + len(self._used)


def cached(cache: BuildCache | None, slot: Hashable, function: Callable[..., T],
           *args: Any, **kwargs: Any) -> T:
    """Return ``function(*args, **kwargs)``, through ``cache`` when there is one."""
    if cache is None:
        return function(*args, **kwargs)
    return cache.call(slot, function, *args, **kwargs)
