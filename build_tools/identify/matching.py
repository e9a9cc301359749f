"""Re-attach registry ids to the paragraphs of a new build.

The way annotation tools re-attach a quote: first the exact text, then a fuzzy
match on the words, helped by neighbours that still agree. Everything here works
on plain values (ids, positions, token tuples) so it can be tested alone.

Thresholds (similarity is difflib's ratio on word tokens, 0..1):

- ``MATCH_THRESHOLD`` 0.6: the least score that keeps an id for amended words.
- ``NEIGHBOUR_BONUS`` 0.05 per neighbour (before, after) that kept its id, so
  ``RAW_FLOOR`` 0.5 is the least similarity of the words themselves: a pair
  between 0.5 and 0.6 is matched only when its neighbours agree.
- ``RUN_PENALTY`` 0.05: a split or merge must beat a one-to-one match by this
  much, so a paragraph that merely gained a sentence stays 'amended'.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cached_property

from build_tools.model.document import Paragraph
from build_tools.read.fingerprints import normalise_text

MATCH_THRESHOLD = 0.6
NEIGHBOUR_BONUS = 0.05
RAW_FLOOR = MATCH_THRESHOLD - 2 * NEIGHBOUR_BONUS
RUN_PENALTY = 0.05
MAX_PARTS = 4
"""Most paragraphs one paragraph may be split into or merged from."""
PART_CONTAINMENT = 0.5
"""Least share of a part's words found in the whole for a split or merge."""


def paragraph_text(paragraph: Paragraph) -> str:
    """Return the paragraph's text with each list item on its own line."""
    if not paragraph.items:
        return paragraph.text
    lines = [paragraph.text]
    lines += [f"{item.marker} {item.text}".strip() for item in paragraph.items]
    return "\n".join(line for line in lines if line)


def word_tokens(text: str) -> tuple[str, ...]:
    """Return the casefolded words of the normalised text."""
    return tuple(re.findall(r"\w+", normalise_text(text).casefold()))


def similarity(a: Sequence[str], b: Sequence[str]) -> float:
    """Return difflib's ratio of two token sequences (1.0 = same words)."""
    if not a and not b:
        return 1.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


@dataclass(frozen=True)
class OldParagraph:
    """A registry record as the matcher sees it."""

    id: str
    document: str
    section: str
    position: int
    """Index among the document's published records, -1 when not published."""
    fingerprint: str
    text: str
    published: bool = True

    @cached_property
    def tokens(self) -> tuple[str, ...]:
        """The words, made only when fuzzy matching needs them (exact matches do not)."""
        return word_tokens(self.text)


@dataclass(frozen=True)
class NewParagraph:
    """A paragraph of this build as the matcher sees it."""

    index: int
    """Position in site order."""
    document: str
    section_hint: str
    """Slug of the section title, to prefer an exact match in the same section."""
    position: int
    """Index within its document."""
    fingerprint: str
    text: str

    @cached_property
    def tokens(self) -> tuple[str, ...]:
        """The words, made only when fuzzy matching needs them (exact matches do not)."""
        return word_tokens(self.text)


@dataclass(frozen=True)
class Match:
    """Old ids given to new paragraphs.

    kind: 'exact' (one to one, same words), 'restored' (same words as a
    removed or merged id), 'amended' (one to one, similar words), 'split' (one
    old id, 2+ consecutive new paragraphs), 'merged' (2+ consecutive old ids,
    one new paragraph).
    """

    kind: str
    old_ids: tuple[str, ...]
    new_indices: tuple[int, ...]
    score: float = 1.0


def match_paragraphs(old: Sequence[OldParagraph], new: Sequence[NewParagraph]) -> tuple[Match, ...]:
    """Return every match found, exact ones first; unmatched items appear in none."""
    published = [o for o in old if o.published]
    exact = _match_exact(published, new, "exact")
    used_new = {i for m in exact for i in m.new_indices}
    rest_new = [n for n in new if n.index not in used_new]
    restored = _match_exact([o for o in old if not o.published], rest_new, "restored")
    matches = list(exact) + list(restored)
    claimed_old = {i for m in matches for i in m.old_ids}
    claimed_new = {i for m in matches for i in m.new_indices}
    assigned = {m.new_indices[0]: m.old_ids[0] for m in matches}
    by_document_old: dict[str, list[OldParagraph]] = defaultdict(list)
    for o in published:
        by_document_old[o.document].append(o)
    by_document_new: dict[str, list[NewParagraph]] = defaultdict(list)
    for n in new:
        by_document_new[n.document].append(n)
    for document in sorted(by_document_new):
        matches += _match_fuzzy(by_document_old.get(document, []), by_document_new[document],
                                claimed_old, claimed_new, assigned)
    return tuple(matches)


def _match_exact(old: Sequence[OldParagraph], new: Sequence[NewParagraph], kind: str) -> list[Match]:
    """Pair same-fingerprint paragraphs, nearest place first (same section, same document)."""
    old_by_print: dict[str, list[OldParagraph]] = defaultdict(list)
    for o in old:
        old_by_print[o.fingerprint].append(o)
    pairs = []
    for n in new:
        for o in old_by_print.get(n.fingerprint, ()):
            distance = (o.document != n.document, o.section != n.section_hint, abs(o.position - n.position))
            pairs.append((distance, n.index, o.id))
    pairs.sort()
    used_old: set[str] = set()
    used_new: set[int] = set()
    found = []
    for _, index, old_id in pairs:
        if index not in used_new and old_id not in used_old:
            used_new.add(index)
            used_old.add(old_id)
            found.append(Match(kind, (old_id,), (index,)))
    return found


def _runs(items: Sequence, start: int, position_of) -> Iterable[tuple]:
    """Yield runs of 2..MAX_PARTS items from items[start] whose positions follow each other."""
    run = [items[start]]
    for item in items[start + 1: start + MAX_PARTS]:
        if position_of(item) != position_of(run[-1]) + 1:
            return
        run.append(item)
        yield tuple(run)


def _match_fuzzy(old_all: Sequence[OldParagraph], new_all: Sequence[NewParagraph],
                 claimed_old: set[str], claimed_new: set[int], assigned: dict[int, str]) -> list[Match]:
    """Return amended, split and merged matches among one document's leftovers, best first."""
    old = sorted((o for o in old_all if o.id not in claimed_old), key=lambda o: o.position)
    new = sorted((n for n in new_all if n.index not in claimed_new), key=lambda n: n.position)
    if not old or not new:
        return []
    old_neighbours = _neighbours([o.id for o in sorted(old_all, key=lambda o: o.position)])
    new_order = [n.index for n in sorted(new_all, key=lambda n: n.position)]
    new_neighbours = {i: tuple(_EDGE if x == _EDGE else assigned.get(x) for x in pair)
                      for i, pair in _neighbours(new_order).items()}
    counts_old = [Counter(o.tokens) for o in old]
    counts_new = [Counter(n.tokens) for n in new]
    old_slot = {o.id: k for k, o in enumerate(old)}
    candidates: dict[tuple, tuple[float, str]] = {}
    for a, b in _candidate_pairs(counts_old, counts_new):
        o, n = old[a], new[b]
        shared = sum((counts_old[a] & counts_new[b]).values())
        total = len(o.tokens) + len(n.tokens)
        if total and 2 * shared / total >= RAW_FLOOR:
            raw = similarity(o.tokens, n.tokens)
            agreeing = sum(x == y for x, y in zip(old_neighbours[o.id], new_neighbours[n.index]))
            bonus = NEIGHBOUR_BONUS * agreeing
            if raw + bonus >= MATCH_THRESHOLD:
                candidates[((o.id,), (n.index,))] = (raw + bonus, "amended")
        if n.tokens and shared / len(n.tokens) >= PART_CONTAINMENT and len(n.tokens) < len(o.tokens):
            for run in _runs(new, b, lambda x: x.position):
                _add_run(candidates, "split", (o,), run, counts_old[a])
        if o.tokens and shared / len(o.tokens) >= PART_CONTAINMENT and len(o.tokens) < len(n.tokens):
            for run in _runs(old, old_slot[o.id], lambda x: x.position):
                _add_run(candidates, "merged", run, (n,), counts_new[b])
    return _pick_best(candidates)


def _add_run(candidates: dict, kind: str, old_run: Sequence[OldParagraph], new_run: Sequence[NewParagraph],
             whole_counts: Counter) -> None:
    """Add a split or merge candidate when its parts' words, joined, are close to the whole."""
    old_tokens = tuple(t for o in old_run for t in o.tokens)
    new_tokens = tuple(t for n in new_run for t in n.tokens)
    parts = new_run if kind == "split" else old_run
    for part in parts:
        inside = sum((Counter(part.tokens) & whole_counts).values())
        if not part.tokens or inside / len(part.tokens) < PART_CONTAINMENT:
            return
    total = len(old_tokens) + len(new_tokens)
    shared = sum((Counter(old_tokens) & Counter(new_tokens)).values())
    if not total or 2 * shared / total < MATCH_THRESHOLD:
        return
    raw = similarity(old_tokens, new_tokens)
    if raw >= MATCH_THRESHOLD:
        key = (tuple(o.id for o in old_run), tuple(n.index for n in new_run))
        candidates[key] = (raw - RUN_PENALTY, kind)


def _pick_best(candidates: dict[tuple, tuple[float, str]]) -> list[Match]:
    """Accept candidates best score first, each old id and new paragraph at most once."""
    order = sorted(candidates.items(), key=lambda kv: (-kv[1][0], kv[0][1], kv[0][0]))
    used_old: set[str] = set()
    used_new: set[int] = set()
    found = []
    for (old_ids, new_indices), (score, kind) in order:
        if used_old.isdisjoint(old_ids) and used_new.isdisjoint(new_indices):
            used_old.update(old_ids)
            used_new.update(new_indices)
            found.append(Match(kind, old_ids, new_indices, round(score, 4)))
    return found


_EDGE = "<edge>"


def _neighbours(order: Sequence) -> dict:
    """Return each item's (previous, next) in order, _EDGE at either end."""
    padded = [_EDGE, *order, _EDGE]
    return {item: (padded[k], padded[k + 2]) for k, item in enumerate(order)}


def _candidate_pairs(counts_old: Sequence[Counter], counts_new: Sequence[Counter]) -> list[tuple[int, int]]:
    """Return (old slot, new slot) pairs sharing a word that is not in most old paragraphs.

    An inverted index keeps this near-linear when a whole document was rewritten.
    """
    postings: dict[str, list[int]] = defaultdict(list)
    for a, counts in enumerate(counts_old):
        for token in counts:
            postings[token].append(a)
    common = max(8, len(counts_old) // 5)
    pairs = set()
    for b, counts in enumerate(counts_new):
        rare = [postings[t] for t in counts if 0 < len(postings.get(t, ())) <= common]
        if not rare and len(counts_old) <= 50:
            rare = [range(len(counts_old))]
        for slots in rare:
            pairs.update((a, b) for a in slots)
    return sorted(pairs)
