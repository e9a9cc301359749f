"""A document's versions, read off the anchor registry's history.

A version is the text of a document as one build that changed it published it. The
registry records every published state of every paragraph with the date of the build
and, for a day's second build and later, its number (``HistoryEntry.seq``), so the
entries of one version are those of one (date, number) in that document. The text as
it stood at a version is, for every paragraph the document ever held, its last state
recorded at or before that version, unless that state was its removal or its merger
into another.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from build_tools.model.ids import AnchorRecord, HistoryEntry, Registry

GONE_EVENTS = frozenset({"removed", "merged"})
"""Events after which a paragraph is no longer in its document's text."""


def human_date(iso: str | None) -> str:
    """Return '11 October 2024' for '2024-10-11' ('' when unknown): the one style in which
    a reader sees a date (ISO dates stay in data and ``datetime`` attributes)."""
    if not iso:
        return ""
    try:
        return dt.date.fromisoformat(iso).strftime("%-d %B %Y")
    except ValueError:
        return iso


class Version(NamedTuple):
    """One version of a document: the date of the build that published it and its number
    among that day's builds that changed the document."""

    date: str
    """ISO date."""
    seq: int = 1

    @property
    def id(self) -> str:
        """Return the version's name in URLs and data: '2026-11-22', '2026-11-22-2'."""
        return self.date if self.seq == 1 else f"{self.date}-{self.seq}"

    @property
    def name(self) -> str:
        """Return how a reader sees the version: '22 November 2026', '22 November 2026 (2)'."""
        return human_date(self.date) + ("" if self.seq == 1 else f" ({self.seq})")


VERSIONS_URL = "versions/"
FULL_TEXT_URL = "full-text/"


def versions_url(document: str, version: Version | None = None) -> str:
    """Return the URL of a document's versions list, or of the text at one version."""
    return f"{VERSIONS_URL}{document}/" + (f"{version.id}/" if version else "")


def compare_url(document: str) -> str:
    """Return the URL of a document's page comparing two of its versions."""
    return f"{VERSIONS_URL}{document}/compare/"


def full_text_url(document: str) -> str:
    """Return the URL of a document whole on one page."""
    return f"{FULL_TEXT_URL}{document}/"


def label_printed(printed: dict[str, bool], paragraph_id: str, label: str, prints_numbers: bool) -> bool:
    """Return True when a paragraph's label is a number its text prints: as ``printed`` (id →
    printed, for the paragraphs on the site) says; for a paragraph no longer on the site, when
    its label is a number and its text prints numbers."""
    return printed.get(paragraph_id, prints_numbers and label[:1].isdigit())


def entry_document(entry: HistoryEntry) -> str:
    """Return the slug of the document a history entry places its paragraph in."""
    return entry.url.partition("/")[0]


def entry_version(entry: HistoryEntry) -> Version:
    return Version(entry.date, entry.seq)


def document_versions(registry: Registry) -> dict[str, tuple[Version, ...]]:
    """Return, per document slug, every version the site has published, oldest first."""
    found: dict[str, set[Version]] = {}
    for record in registry.paragraphs:
        for entry in record.history:
            found.setdefault(entry_document(entry), set()).add(entry_version(entry))
    return {slug: tuple(sorted(versions)) for slug, versions in found.items()}


class VersionParagraph(NamedTuple):
    """A paragraph as it stood in a version of its document."""

    id: str
    """Its permanent id (pages of a version give it an element id of their own)."""
    label: str
    section_url: str
    """Site-root-relative URL of the section page it stood on then."""
    text: str
    """Its text then; list items on their own lines."""
    changed: bool
    """True when this version changed it (published, amended, moved, renumbered…)."""


def _label_key(label: str) -> tuple:
    """Return a sort key putting labels in reading order: P1 < P2 < 1 < 2 < 2bis < 10."""
    match = re.fullmatch(r"(P?)(\d+)(.*)", label)
    if not match:
        return (2, 0, label)
    return (0 if match.group(1) else 1, int(match.group(2)), match.group(3))


def text_at(records: tuple[AnchorRecord, ...], document: str, version: Version,
            section_order: dict[str, int]) -> tuple[VersionParagraph, ...]:
    """Return the paragraphs of ``document`` as they stood at ``version``, in reading order:
    by section (``section_order`` ranks section URLs; others follow), then by label (labels
    are numbers or positions, so their order is the text's)."""
    found: list[VersionParagraph] = []
    for record in records:
        state = None
        for entry in record.history:
            if entry_version(entry) > version:
                break
            state = entry
        if state is None or state.event in GONE_EVENTS or entry_document(state) != document:
            continue
        section_url = state.url.partition("#")[0]
        found.append(VersionParagraph(record.id, state.label, section_url, state.text,
                                      entry_version(state) == version))
    return tuple(sorted(found, key=lambda p: (section_order.get(p.section_url, len(section_order)),
                                              p.section_url, _label_key(p.label))))
