"""A parsed text: its sections, paragraphs, list items and footnotes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

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
    about: str | None = None
    """What the text is, as its sidecar states it (shown on its pages)."""
    summary_of: str | None = None
    """Slug of the document it summarises, as its sidecar states it."""
    meeting_dates: str | None = None
    order: int | None = None
    applied_overrides: tuple[str, ...] = ()
    """Notes ('file:line: ...') of every sidecar statement the parser applied."""
    title_line: int = 0
    """Line of the printed title, 0 when the title is not printed."""
    dateline_line: int = 0
    """Line of the printed dateline, 0 when there is none."""



def label_wording(label: str, numbered: bool, short: bool = False) -> str:
    """Return how the site names a paragraph by its label, the one wording for every page,
    citation, export and search result.

    A number the text prints is '¶ 4'. A position, which the text does not print, is
    'para. 3 (unnumbered in the original)', or with ``short`` (the margin, lists of
    links) '¶ [3]': brackets, as editors mark what they supply."""
    if numbered:
        return f"¶ {label}"
    return f"¶ [{label}]" if short else f"para. {label} (unnumbered in the original)"


def paragraph_plain_text(paragraph: Paragraph) -> str:
    """Return a paragraph's text with its items, as plain text."""
    if not paragraph.items:
        return paragraph.text.strip()
    return plain_text(paragraph.text, tuple((i.marker, i.text) for i in paragraph.items))


def plain_text(text: str, items: tuple[tuple[str, str], ...]) -> str:
    """Return a paragraph's text and its items ((marker, text) pairs) as plain text."""
    return "\n".join([text, *(f"{marker} {item}".strip() for marker, item in items)]).strip()
