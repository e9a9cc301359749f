"""Give every paragraph its permanent id from the registry, minting ids for new ones.

A paragraph id is minted once, as ``<prefix>-<section slug>-<label slug>``
(``<prefix>-<label slug>`` on a document page), and never changes or names
other words afterwards. ``identify`` re-attaches registry ids to this build's
paragraphs (see ``matching``), mints ids for new ones and returns the registry
to write after a successful build. Section page ids work the same way: see
``section_ids``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import replace
from typing import NamedTuple

from build_tools.identify.matching import (NewParagraph, OldParagraph, match_paragraphs,
                                           paragraph_text)
from build_tools.identify.section_ids import place_sections, wanted_slugs
from build_tools.identify.slugs import slugify, unique_id
from build_tools.model.cache import BuildCache, cached
from build_tools.model.document import Document, Paragraph
from build_tools.model.versions import entry_document
from build_tools.model.ids import (PUBLISHED_STATUSES, AnchorRecord, HistoryEntry, Identified,
                                   MatchReport, PlacedParagraph, PlacedSection, Registry,
                                   SectionChanges)
from build_tools.read.fingerprints import fingerprint


class _Located(NamedTuple):
    """A paragraph of this build and where it sits (a named tuple: one per paragraph, made fast)."""

    document: Document
    section_index: int
    position_in_section: int
    paragraph: Paragraph
    text: str
    """paragraph_text(paragraph), computed once."""
    fingerprint: str


def identify(documents: tuple[Document, ...], registry: Registry, today: str,
             anchor_prefixes: Mapping[str, str] | None = None,
             cache: BuildCache | None = None) -> Identified:
    """Return the documents' sections and paragraphs with permanent ids, and the new registry.

    today is the ISO date written into history entries of paragraphs that
    changed; anchor_prefixes maps a document slug to its id prefix (default:
    the slug).
    """
    located = [_Located(d, si, pi, p, text, print_)
               for d in documents
               for (si, pi, p), (text, print_) in zip(
                   _paragraphs_of(d), cached(cache, ("fingerprints", d.slug), paragraph_fingerprints, d))]
    wanted = {d.slug: cached(cache, ("wanted slugs", d.slug), wanted_slugs, d) for d in documents}
    old_by_id = {r.id: r for r in registry.paragraphs}
    claims, parts, absorbed = _claims(match_paragraphs(_old_view(registry), _new_view(located, wanted)))
    votes: dict[tuple[str, int], Counter] = {}
    for index, (old_id, _) in claims.items():
        where, old = located[index], old_by_id[old_id]
        if old.document == where.document.slug:
            votes.setdefault((old.document, where.section_index), Counter())[old.section] += 1
    placed_sections, section_records, section_changes = place_sections(documents, registry.sections, votes, wanted)
    section_at = {(s.document, s.index): s for s in placed_sections}
    ids = _assign_ids(located, claims, section_at, set(old_by_id), anchor_prefixes or {})

    records: dict[str, AnchorRecord] = {}
    placed: list[PlacedParagraph] = []
    for index, where in enumerate(located):
        section = section_at[(where.document.slug, where.section_index)]
        current = _Current(ids[index], where, section, today)
        if index in claims:
            old_id, kind = claims[index]
            successors = tuple(ids[i] for i in parts.get(index, ()))
            record, status = _carry(old_by_id[old_id], kind, current, successors)
        else:
            record, status = current.record(_published(current, "published")), "new"
        records[record.id] = record
        placed.append(PlacedParagraph(record.id, record.document, section.id, where.paragraph, status,
                                      record.url))

    for old_id, into in absorbed.items():
        old, survivor = old_by_id[old_id], records[ids[into]]
        entry = HistoryEntry(today, old.text, old.label, survivor.url, "merged")
        records[old_id] = replace(old, status="merged", successors=(survivor.id,), url=survivor.url,
                                  history=old.history + (entry,))
    section_urls = {r.id: r.url for r in section_records if r.status != "removed"}
    removed = []
    for old in registry.paragraphs:
        if old.id in records:
            continue
        url = _removed_url(old, section_urls)
        if old.status in PUBLISHED_STATUSES:
            removed.append(old.id)
            entry = HistoryEntry(today, old.text, old.label, url, "removed")
            records[old.id] = replace(old, status="removed", url=url, history=old.history + (entry,))
        else:
            records[old.id] = replace(old, url=url) if old.status == "removed" else old
    _follow_merges(records)
    _number_builds(records, old_by_id, today)

    new_registry = Registry(_ordered(records, placed, documents), section_records)
    report = _report(placed, tuple(absorbed), tuple(removed), section_changes)
    return Identified(placed_sections, tuple(placed), new_registry, report)


def _paragraphs_of(document: Document) -> list[tuple[int, int, Paragraph]]:
    """Return (section index, position in section, paragraph) of each paragraph, in order."""
    return [(si, pi, p) for si, s in enumerate(document.sections) for pi, p in enumerate(s.paragraphs)]


def paragraph_fingerprints(document: Document) -> tuple[tuple[str, str], ...]:
    """Return (text with items, fingerprint) of each of a document's paragraphs, in order."""
    return tuple((text, fingerprint(text)) for _, _, p in _paragraphs_of(document)
                 for text in (paragraph_text(p),))


def _old_view(registry: Registry) -> list[OldParagraph]:
    """Return the registry records as the matcher sees them."""
    positions: Counter = Counter()
    views = []
    for record in registry.paragraphs:
        published = record.status in PUBLISHED_STATUSES
        position = positions[record.document] if published else -1
        positions[record.document] += published
        views.append(OldParagraph(record.id, record.document, record.section, position,
                                  record.fingerprint, record.text, published))
    return views


def _new_view(located: list[_Located], wanted: Mapping[str, tuple[str, ...]]) -> list[NewParagraph]:
    """Return this build's paragraphs as the matcher sees them (``wanted``: each document's
    ``wanted_slugs``)."""
    positions: Counter = Counter()
    views = []
    for index, where in enumerate(located):
        slug = where.document.slug
        views.append(NewParagraph(index, slug, wanted[slug][where.section_index], positions[slug],
                                  where.fingerprint, where.text))
        positions[slug] += 1
    return views


def _claims(matches) -> tuple[dict[int, tuple[str, str]], dict[int, tuple[int, ...]], dict[str, int]]:
    """Return (new index -> (old id, kind)), (first part -> all parts), (merged-away id -> new index)."""
    claims, parts, absorbed = {}, {}, {}
    for match in matches:
        first = match.new_indices[0]
        claims[first] = (match.old_ids[0], match.kind)
        if match.kind == "split":
            parts[first] = match.new_indices
        for old_id in match.old_ids[1:]:
            absorbed[old_id] = first
    return claims, parts, absorbed


def _assign_ids(located: list[_Located], claims: dict, section_at: dict, taken: set[str],
                prefixes: Mapping[str, str]) -> dict[int, str]:
    """Return new index -> id: the claimed old id, or a fresh id never used before."""
    ids = {index: old_id for index, (old_id, _) in claims.items()}
    taken = set(taken)
    prefix_of: dict[str, str] = {}
    for index, where in enumerate(located):
        if index in ids:
            continue
        slug = where.document.slug
        prefix = prefix_of.setdefault(slug, slugify(prefixes.get(slug, slug)) or "p")
        label = slugify(where.paragraph.label) or f"p{where.position_in_section + 1}"
        section = section_at[(slug, where.section_index)].slug
        base = f"{prefix}-{section}-{label}" if section else f"{prefix}-{label}"
        ids[index] = unique_id(base, taken)
        taken.add(ids[index])
    return ids


class _Current(NamedTuple):
    """A paragraph's state in this build."""

    id: str
    where: _Located
    section: PlacedSection
    today: str

    @property
    def url(self) -> str:
        return f"{self.section.url}#{self.id}"

    @property
    def text(self) -> str:
        return self.where.text

    def record(self, *history: HistoryEntry, status: str = "current",
               successors: tuple[str, ...] = ()) -> AnchorRecord:
        """Return the record of this state with the given history."""
        return AnchorRecord(self.id, status, self.url, self.where.fingerprint, self.text,
                            self.where.document.slug, self.section.id, self.where.paragraph.label,
                            successors, history)


def _published(current: _Current, event: str) -> HistoryEntry:
    """Return the history entry for event in the current state."""
    return HistoryEntry(current.today, current.text, current.where.paragraph.label, current.url, event)


# kind of match -> (history event, record status; None keeps the old one, placed status)
_EVENTS = {
    "restored": ("restored", "current", "restored"),
    "amended": ("amended", "amended", "amended"),
    "split": ("split", "split", "split"),
    "merged": ("merged", "amended", "merged"),
}


def _carry(old: AnchorRecord, kind: str, current: _Current,
           parts: tuple[str, ...]) -> tuple[AnchorRecord, str]:
    """Return the old record brought to the current state, and the placed status."""
    if kind == "exact":
        if current.url != old.url:
            event, status, placed = "moved", "moved", "moved"
        elif current.where.paragraph.label != old.label:
            event, status, placed = "renumbered", old.status, "renumbered"
        else:
            return old, "current"
        record = replace(old, status=status, url=current.url, document=current.where.document.slug,
                         section=current.section.id, label=current.where.paragraph.label)
        entry = HistoryEntry(current.today, old.text, record.label, record.url, event)
        return replace(record, history=old.history + (entry,)), placed
    event, status, placed = _EVENTS[kind]
    # A split id keeps naming its parts through later amendments; a restored id stands alone again.
    successors = parts if kind == "split" else () if kind == "restored" else old.successors
    record = current.record(*old.history, _published(current, event), status=status, successors=successors)
    return record, placed


def _removed_url(record: AnchorRecord, section_urls: Mapping[str, str]) -> str:
    """Return where a removed id shows its notice: its section page if still there, else its document page."""
    key = f"{record.document}/{record.section}" if record.section else record.document
    return f"{section_urls.get(key, record.document + '/')}#{record.id}"


def _number_builds(records: dict[str, AnchorRecord], old_by_id: Mapping[str, AnchorRecord],
                   today: str) -> None:
    """Give the history entries this build adds the number of this build among the day's
    builds that changed their document: one more than the registry's highest for that
    document and date (so a second correction on one day is a version of its own)."""
    highest: dict[str, int] = {}
    for old in old_by_id.values():
        for entry in reversed(old.history):
            if entry.date != today:
                break
            document = entry_document(entry)
            highest[document] = max(highest.get(document, 0), entry.seq)
    if not highest:
        return  # the first build of the day: every new entry is already 1
    for record in list(records.values()):
        kept = len(old_by_id[record.id].history) if record.id in old_by_id else 0
        if len(record.history) == kept:
            continue
        added = tuple(entry._replace(seq=highest.get(entry_document(entry), 0) + 1)
                      for entry in record.history[kept:])
        records[record.id] = replace(record, history=record.history[:kept] + added)


def _follow_merges(records: dict[str, AnchorRecord]) -> None:
    """Point every merged id at the url where its chain of successors ends now."""
    for record in list(records.values()):
        if record.status != "merged":
            continue
        target, seen = record, {record.id}
        while target.status == "merged" and target.successors and target.successors[0] not in seen:
            seen.add(target.successors[0])
            target = records[target.successors[0]]
        if target.url != record.url:
            records[record.id] = replace(record, url=target.url)


def _ordered(records: dict[str, AnchorRecord], placed: list[PlacedParagraph],
             documents: tuple[Document, ...]) -> tuple[AnchorRecord, ...]:
    """Return records by document (build order, then gone documents by slug).

    Within a document: published ids in site order, then the others by id.
    """
    slugs = [d.slug for d in documents]
    slugs += sorted({r.document for r in records.values()} - set(slugs))
    published = {p.id for p in placed}
    # Grouped once: one pass per document over every record was quadratic at 200 documents.
    placed_in: dict[str, list[PlacedParagraph]] = {}
    for p in placed:
        placed_in.setdefault(p.document, []).append(p)
    others_in: dict[str, list[AnchorRecord]] = {}
    for r in records.values():
        if r.id not in published:
            others_in.setdefault(r.document, []).append(r)
    ordered = []
    for slug in slugs:
        ordered += [records[p.id] for p in placed_in.get(slug, ())]
        ordered += sorted(others_in.get(slug, ()), key=lambda r: r.id)
    return tuple(ordered)


_REPORTED = {"current": "kept", "renumbered": "renumbered", "moved": "moved", "amended": "amended",
             "merged": "amended", "split": "split", "restored": "restored", "new": "new"}
"""Placed status -> the report's list of it (merge survivors count as amended)."""


def _report(placed: list[PlacedParagraph], merged: tuple[str, ...], removed: tuple[str, ...],
            sections: SectionChanges) -> MatchReport:
    """Return the report of this build's findings (one pass over the placed paragraphs)."""
    found: dict[str, list[str]] = {name: [] for name in _REPORTED.values()}
    for p in placed:
        found[_REPORTED[p.status]].append(p.id)
    return MatchReport(**{name: tuple(ids) for name, ids in found.items()},
                       merged=merged, removed=removed, sections=sections)
