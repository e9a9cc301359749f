"""Permanent section page ids and their URLs.

A section page id is the slug of the section's title when first published
('middle-east-and-terrorism'); the registry keys it '<document>/<id>'. The page
URL follows the current title: a renamed section keeps its id, its URL moves to
the new title's slug and the old URL is kept in ``previous_urls`` so that a
redirect page is rendered for it. A section is recognised as the same page by
its title slug first, then by where most of its paragraphs' ids came from.
Slugs ever used in a document (ids, current and earlier URLs) are never given
to another section, so an old URL never shows different words.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import replace

from build_tools.identify.slugs import slugify, unique_slug
from build_tools.model.document import Document
from build_tools.model.ids import PlacedSection, SectionChanges, SectionRecord, section_key


def section_url(document: str, slug: str) -> str:
    """Return the page URL for a slug ('' is the document page)."""
    return f"{document}/{slug}/" if slug else f"{document}/"


UNTITLED_OPENING_SLUGS = ("introduction", "opening")
"""Slugs an untitled first section takes, the first that no printed heading of its text needs."""


def wanted_slug(document: Document, index: int) -> str:
    """Return the slug a section's title asks for.

    '' for the untitled section of a one-section document; for an untitled
    first section 'introduction', or 'opening' when a printed heading of the
    same text needs 'introduction' (an 'INTRODUCTION' after the opening words);
    'section-<n>' for other untitled sections.
    """
    section = document.sections[index]
    slug = slugify(section.title or "")
    if slug:
        return slug
    if section.title is None and len(document.sections) == 1:
        return ""
    if index == 0 and section.title is None:
        printed = {slugify(s.title) for s in document.sections if s.title}
        for candidate in UNTITLED_OPENING_SLUGS:
            if candidate not in printed:
                return candidate
    return f"section-{index + 1}"


def wanted_slugs(document: Document) -> tuple[str, ...]:
    """Return the slug each of a document's sections asks for (see ``wanted_slug``)."""
    return tuple(wanted_slug(document, index) for index in range(len(document.sections)))


def _url_slug(record: SectionRecord, document: str) -> str:
    return _slug_of(record.url, document)


def _slug_of(url: str, document: str) -> str:
    return url[len(document) + 1:].strip("/")


def _used_slugs(record: SectionRecord, document: str) -> set[str]:
    """Return every slug a record has held: its id, its URL, its earlier URLs."""
    own = record.id[len(document) + 1:] if "/" in record.id else ""
    return {own, _url_slug(record, document)} | {_slug_of(u, document) for u in record.previous_urls}


def place_sections(documents: tuple[Document, ...], old_records: tuple[SectionRecord, ...],
                   votes: Mapping[tuple[str, int], Counter], wanted: Mapping[str, tuple[str, ...]]
                   ) -> tuple[tuple[PlacedSection, ...], tuple[SectionRecord, ...], SectionChanges]:
    """Return the placed sections (site order), the new section records and what changed.

    votes maps (document slug, section index) to a count of the old section ids
    its matched paragraphs came from; wanted maps a document slug to its
    ``wanted_slugs``.
    """
    placed: list[PlacedSection] = []
    records: list[SectionRecord] = []
    renamed, new, removed = [], [], []
    slugs = [d.slug for d in documents]
    # Grouped once: one pass per document over every record was quadratic in documents.
    olds_of: dict[str, list[SectionRecord]] = {}
    for r in old_records:
        olds_of.setdefault(r.id.split("/")[0], []).append(r)
    for document in documents:
        olds = olds_of.get(document.slug, [])
        chosen = _choose(document, olds, votes, wanted[document.slug])
        assigned: set[str] = set()
        used = [(r, _used_slugs(r, document.slug)) for r in olds]
        for index, section in enumerate(document.sections):
            asked = wanted[document.slug][index]
            old = chosen.get(index)
            taken = assigned.union(*(slugs for r, slugs in used if r is not old))
            if old is None:
                slug = unique_slug(asked or "introduction", taken) if asked in taken else asked
                key = section_key(document.slug, slug)
                record = SectionRecord(key, section_url(document.slug, slug), section.title or "")
                new.append(key)
            else:
                slug = unique_slug(asked, taken)
                url = section_url(document.slug, slug)
                record = replace(old, title=section.title or "", url=url)
                if url != old.url:
                    earlier = tuple(u for u in (*old.previous_urls, old.url) if u != url)
                    record = replace(record, status="renamed", previous_urls=tuple(dict.fromkeys(earlier)))
                    renamed.append((old.id, old.url, url))
                elif old.status == "removed":
                    record = replace(record, status="current")
            assigned.add(slug)
            records.append(record)
            section_id = record.id[len(document.slug) + 1:] if "/" in record.id else ""
            placed.append(PlacedSection(document.slug, index, section_id, record.url, slug, section.title))
        for old in sorted(set(r.id for r in olds) - {r.id for r in records}):
            record = next(r for r in olds if r.id == old)
            if record.status != "removed":
                removed.append(old)
                record = replace(record, status="removed")
            records.append(record)
    gone = sorted((r for r in old_records if r.id.split("/")[0] not in slugs), key=lambda r: r.id)
    for record in gone:
        if record.status != "removed":
            removed.append(record.id)
        records.append(replace(record, status="removed"))
    changes = SectionChanges(tuple(renamed), tuple(new), tuple(removed))
    return tuple(placed), tuple(records), changes


def _choose(document: Document, olds: list[SectionRecord],
            votes: Mapping[tuple[str, int], Counter], wanted: tuple[str, ...]) -> dict[int, SectionRecord]:
    """Return section index -> the old record it continues: same title slug, else the paragraphs' majority."""
    by_url_slug = {_url_slug(r, document.slug): r for r in olds}
    by_id = {r.id: r for r in olds}
    chosen: dict[int, SectionRecord] = {}
    for index in range(len(document.sections)):
        old = by_url_slug.get(wanted[index])
        if old is not None and old not in chosen.values():
            chosen[index] = old
    proposals = []
    for index in range(len(document.sections)):
        counted = votes.get((document.slug, index), Counter())
        for old_section, count in counted.items():
            key = section_key(document.slug, old_section)
            # An untitled page is the document page itself: it cannot be renamed away.
            if old_section and key in by_id and 2 * count >= sum(counted.values()):
                proposals.append((-count, index, key))
    for _, index, key in sorted(proposals):
        old = by_id[key]
        if index not in chosen and old not in chosen.values() and old.status != "removed":
            chosen[index] = old
    return chosen
