"""Permanent ids: paragraphs and sections placed on the site, the anchor registry that
binds every id ever published, and what identify found since the registry was written."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, NamedTuple

from build_tools.model.document import Paragraph

PUBLISHED_STATUSES = frozenset({"current", "amended", "moved", "split"})
"""Record statuses whose id is on a page now; 'merged' and 'removed' ids are not."""


@dataclass(frozen=True)
class PlacedParagraph:
    """A paragraph with its permanent id and where it is published."""

    id: str
    """Permanent URL fragment, unique across the site."""
    document: str
    """Document slug."""
    section: str
    """Section page id within the document ('' for a document's only, untitled section)."""
    paragraph: Paragraph
    status: str = "current"
    """What matching found in this build: 'current' (same words), 'renumbered',
    'new', 'amended', 'moved', 'split', 'merged' (absorbed other ids), 'restored'."""
    url: str = ""
    """Site-root-relative page URL with '#id'."""


class HistoryEntry(NamedTuple):
    """One published state of a paragraph: its state right after the event.

    A named tuple: a paragraph's facts hold its history, and a rebuild compares them
    (see ``model.cache``); a tuple compares in C.
    """

    date: str
    """ISO date of the build that recorded the event."""
    text: str
    label: str
    url: str
    event: str
    """'published', 'renumbered', 'moved', 'amended', 'split', 'merged',
    'restored' or 'removed'."""
    seq: int = 1
    """Which build of that date recorded it, among the builds that changed the document
    (1, 2, …): the date and this name the document's version (see ``model.versions``).
    Registries written before it was recorded hold 1: one version a day."""


@dataclass(frozen=True)
class AnchorRecord:
    """A registry entry: one id ever published."""

    id: str
    status: str
    """The last change: 'current' (never changed, or restored), 'moved',
    'amended', 'split' (the id names the first part), 'merged' (the id was
    merged into its successor) or 'removed'."""
    url: str
    """Site-root-relative path with '#fragment' where the id resolves now."""
    fingerprint: str
    """First 16 hex digits of the sha256 of the normalised text."""
    text: str
    """Last published text; list items on their own lines."""
    document: str
    section: str
    """Section page id within the document where the paragraph was last published."""
    label: str
    successors: tuple[str, ...] = ()
    """For 'split': every part's id, this one first (kept through later moves and
    amendments); for 'merged': the id it went into."""
    history: tuple[HistoryEntry, ...] = ()


@dataclass(frozen=True)
class SectionRecord:
    """A registry entry for a section page id."""

    id: str
    """'<document>/<section slug>' as first published; '<document>' for the
    untitled section of a one-section document (its page is the document page)."""
    url: str
    """Current (or, when removed, last) site-root-relative URL of the page."""
    title: str
    status: str = "current"
    """'current', 'renamed' or 'removed'."""
    previous_urls: tuple[str, ...] = ()
    """Earlier URLs of the page, each of which gets a redirect page."""


@dataclass(frozen=True)
class Registry:
    """Every id ever published; the committed file ``source/anchor-registry.json``."""

    paragraphs: tuple[AnchorRecord, ...] = ()
    sections: tuple[SectionRecord, ...] = ()


@dataclass(frozen=True)
class PlacedSection:
    """A section with its permanent page id and its URL."""

    document: str
    """Document slug."""
    index: int
    """Position in Document.sections."""
    id: str
    """Permanent page id within the document; '' for the untitled section of a
    one-section document, whose paragraphs live on the document page."""
    url: str
    """Site-root-relative, no leading slash: '<doc>/<slug>/', or '<doc>/' when id == ''."""
    slug: str = ""
    """The URL's last segment (follows the current title); equals id until renamed."""
    title: str | None = None

    @property
    def key(self) -> str:
        """Return the registry id: '<document>/<id>', or '<document>' when id == ''."""
        return section_key(self.document, self.id)


@dataclass(frozen=True)
class SectionChanges:
    """Section pages that changed, by registry id."""

    renamed: tuple[tuple[str, str, str], ...] = ()
    """(id, old url, new url)."""
    new: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()

    def summary_lines(self) -> Iterator[str]:
        """Yield one line per non-empty kind of change, naming at most 10 sections."""
        renamed = tuple(f"{key} ({old} -> {new})" for key, old, new in self.renamed)
        for name, listed in (("renamed", renamed), ("new", self.new), ("removed", self.removed)):
            if listed:
                yield f"sections {name} {len(listed)}: " + shortened(listed)


def shortened(names: tuple[str, ...], most: int = 10) -> str:
    """Return the first names joined by commas, with '...' when there are more."""
    return ", ".join(names[:most]) + (", ..." if len(names) > most else "")


@dataclass(frozen=True)
class MatchReport:
    """What changed since the registry was written, as ids per category."""

    kept: tuple[str, ...] = ()
    renumbered: tuple[str, ...] = ()
    """Same words and page, new label."""
    moved: tuple[str, ...] = ()
    amended: tuple[str, ...] = ()
    """Changed words (merge survivors included)."""
    split: tuple[str, ...] = ()
    """Ids now naming the first part of a split paragraph."""
    merged: tuple[str, ...] = ()
    """Ids merged into another paragraph."""
    restored: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    new: tuple[str, ...] = ()
    sections: SectionChanges = SectionChanges()

    def summary(self) -> str:
        """Return one line per non-empty category, ids listed except for 'kept'."""
        lines = [f"kept {len(self.kept)}"]
        for name in ("renumbered", "moved", "amended", "split", "merged", "restored", "removed", "new"):
            ids = getattr(self, name)
            if ids:
                lines.append(f"{name} {len(ids)}: {shortened(ids)}")
        return "\n".join(lines + list(self.sections.summary_lines()))


@dataclass(frozen=True)
class Identified:
    """The result of stage 3."""

    sections: tuple[PlacedSection, ...]
    """Every section, in site order."""
    paragraphs: tuple[PlacedParagraph, ...]
    """Every paragraph with its id, in site order."""
    registry: Registry
    """The registry to write once the build has succeeded."""
    report: MatchReport


def section_key(document: str, section_id: str) -> str:
    """Return the registry id of a section page."""
    return f"{document}/{section_id}" if section_id else document
