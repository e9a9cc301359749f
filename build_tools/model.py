"""The data model every pipeline stage reads and returns.

All classes are frozen: a stage never changes what it was given, it returns new
objects. Line numbers are 1-based lines of the source file, so that any error
or finding can name ``file:line``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple


# --------------------------------------------------------------------- read

@dataclass(frozen=True)
class HeadingSplit:
    """A sidecar statement of where a run-together heading splits."""

    heading: str
    """The heading line exactly as printed (whitespace-normalised)."""
    title: str
    """The words that form the section title."""
    subtitle: str | None = None
    """The words after the title, or None."""
    line: int = 0
    """Line of the statement in the sidecar."""


@dataclass(frozen=True)
class Sidecar:
    """What a text's optional ``<name>.yml`` sidecar states that no rule can know."""

    path: Path | None = None
    """The sidecar file, or None when the text has none."""
    title: str | None = None
    """Document title, for a text that prints none."""
    slug: str | None = None
    """URL slug of the document; defaults to the file name's stem."""
    source_url: str | None = None
    """Where the text was published."""
    place: str | None = None
    """Where the meeting took place."""
    date: str | None = None
    """ISO date (YYYY-MM-DD) of release, when the text does not print it."""
    meeting_dates: str | None = None
    """The meeting's dates as readers say them (e.g. '2-4 October 2024')."""
    kind: str | None = None
    """What the document is (communiqué, declaration, summary, ...)."""
    order: int | None = None
    """Position of the document on the home page and in navigation."""
    heading_splits: tuple[HeadingSplit, ...] = ()
    """Where run-together headings split into title and subtitle."""
    section_topics: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """(section slug, topic ids) overrides of topic membership."""
    key_lines: tuple[tuple[str, int], ...] = ()
    """(key, line) of every top-level key, for findings that name a line."""
    anchor_prefix: str | None = None
    """Short readable prefix of the document's paragraph ids; defaults to the slug."""
    short_title: str | None = None
    """How links from other documents name this one ('Apulia Leaders 2024')."""


@dataclass(frozen=True)
class SourceText:
    """One text of ``source/texts/`` as read from disk."""

    path: Path
    """The text file, as given (used in every message)."""
    slug: str
    """Document slug: sidecar ``slug`` or the file name's stem."""
    text: str
    """The decoded text, BOM removed, line endings normalised to ``\\n``."""
    sidecar: Sidecar = field(default_factory=Sidecar)


# -------------------------------------------------------------------- parse

@dataclass(frozen=True)
class RemovedLine:
    """A line of web chrome the parser removed, and why."""

    line: int
    text: str
    reason: str


@dataclass(frozen=True)
class Item:
    """A block of a paragraph after its first: a list item, or a further block of text.

    A printed number is the unit of citation, so a paragraph may hold, after its
    lead-in, a list, a sentence going on after the list and a closing sentence:
    in printed order, each an Item.
    """

    marker: str
    """The item's marker as printed: '-', '•', 'i)', '(ii)', 'a)', '(1)'; '' for a
    block of text that is not a list item (printed after or between the lists)."""
    text: str
    line: int


@dataclass(frozen=True)
class Footnote:
    """A footnote printed after a rule at the end of a text."""

    marker: str
    """The footnote's marker as printed ('1', '*')."""
    text: str
    line: int


@dataclass(frozen=True)
class Paragraph:
    """One paragraph with the list items that belong to it."""

    label: str
    """What readers see and say: the printed number ('4'; '4bis' when a section
    prints it twice), or the position ('3'; 'P3' in a text that prints numbers)."""
    numbered: bool
    """True when the label is a number the source prints; False when it is a
    position. The one source of truth for every page and export; it always
    agrees with number_text."""
    number_text: str
    """The number exactly as printed ('11,', '24.'), '' when unnumbered."""
    text: str
    """The paragraph's first block, without its number: its lead-in when it has a list."""
    items: tuple[Item, ...] = ()
    """The paragraph's further blocks in printed order: list items, and text
    printed after or between them."""
    footnote_refs: tuple[str, ...] = ()
    """Markers of footnotes referred to right after the number."""
    line: int = 0

    def __post_init__(self) -> None:
        if self.numbered != bool(self.number_text):
            raise ValueError(f"paragraph {self.label!r}: numbered={self.numbered} but "
                             f"number_text={self.number_text!r}")


@dataclass(frozen=True)
class Section:
    """A heading and the paragraphs under it: one page of the site."""

    title: str | None
    """Section title, or None for a text without headings."""
    subtitle: str | None = None
    part: str | None = None
    """Title of the part the section belongs to (a heading shared by sections)."""
    heading_number: str = ""
    """A heading's printed number ('1.'), '' when none."""
    paragraphs: tuple[Paragraph, ...] = ()
    line: int = 0
    part_printed: bool = False
    """True when this section's printed heading line includes the part's words."""
    part_line: int = 0
    """Line where the part's words are printed (its own heading line or the section's), 0 if none."""


@dataclass(frozen=True)
class Document:
    """A parsed text."""

    slug: str
    title: str
    path: Path
    title_printed: bool = True
    """False when the title comes from the sidecar or the file name."""
    date: str | None = None
    """ISO date (YYYY-MM-DD) of release, if known."""
    dateline: str | None = None
    """The date or place/date line exactly as printed, if any."""
    place: str | None = None
    source_url: str | None = None
    sections: tuple[Section, ...] = ()
    footnotes: tuple[Footnote, ...] = ()
    removed: tuple[RemovedLine, ...] = ()
    """Chrome the parser removed, for the build report."""
    numbering: str = "none"
    """'per-section', 'continuous' or 'none'."""
    kind: str | None = None
    meeting_dates: str | None = None
    order: int | None = None
    applied_overrides: tuple[str, ...] = ()
    """Notes ('file:line: ...') of every sidecar statement the parser applied."""
    title_line: int = 0
    """Line of the printed title, 0 when the title is not printed."""
    dateline_line: int = 0
    """Line of the printed dateline, 0 when there is none."""


# ----------------------------------------------------------------- identify

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

    A named tuple, not a dataclass: every paragraph's memo keys hold its history,
    and a tuple hashes and compares in C.
    """

    date: str
    """ISO date of the build that recorded the event."""
    text: str
    label: str
    url: str
    event: str
    """'published', 'renumbered', 'moved', 'amended', 'split', 'merged',
    'restored' or 'removed'."""


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
