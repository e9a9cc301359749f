"""What annotation finds in the corpus: glossary mentions, topics, related paragraphs,
references to parts of other documents, commitment sentences."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping, NamedTuple


class Mention(NamedTuple):
    """A glossary term found in a text: ``text[start:end]`` names ``entry_id``.

    A named tuple, as the other notes are: a paragraph's facts hold dozens of
    mentions, and a rebuild compares them (see ``model.cache``); a tuple compares in C.
    """

    start: int
    end: int
    entry_id: str


class PieceMentions(NamedTuple):
    """Mentions in one piece of a paragraph: its text (item -1) or one item."""

    item: int
    """-1 for the paragraph's own text, else the index of the item."""
    mentions: tuple[Mention, ...]


class ParagraphNotes(NamedTuple):
    """What annotation found in one paragraph (a named tuple, as the pieces are)."""

    pieces: tuple[PieceMentions, ...] = ()
    terms: tuple[str, ...] = ()
    """Glossary ids mentioned, in order of first mention."""
    topics: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    """Ids of the most similar paragraphs elsewhere, best first."""
    commitments: tuple["Commitment", ...] = ()
    part_links: tuple[tuple[int, int, str], ...] = ()
    """(item, mention start, URL) of document mentions that name a part of the document."""


class Commitment(NamedTuple):
    """A sentence in which the authors commit, with its anchor inside the paragraph."""

    anchor: str
    """'<paragraph id>.s<n>': n counts the paragraph's sentences from 1."""
    sentence: int
    text: str
    verb: str
    """The commitment phrase that qualified the sentence ('will', 'call on')."""
    start: int = 0
    end: int = 0
    """Where the sentence is in the paragraph's text: ``text == paragraph.text[start:end]``."""


@dataclass(frozen=True)
class Annotations:
    """Annotations of the whole corpus, by paragraph id."""

    notes: Mapping[str, ParagraphNotes] = field(default_factory=dict)
    mentions_by_term: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Glossary id → ids of the paragraphs mentioning it, in site order."""

    def for_paragraph(self, paragraph_id: str) -> ParagraphNotes:
        notes = self.notes.get(paragraph_id)
        return notes if notes is not None else ParagraphNotes()


@dataclass(frozen=True)
class AnnotatedCorpus:
    """Everything annotation found over the corpus."""

    annotations: Annotations
    section_topics: Mapping[tuple[str, str], tuple[str, ...]]
    """(document slug, section id) → topic ids."""
    entry_documents: Mapping[str, str]
    """Glossary id → slug of the published document it names."""


@dataclass(frozen=True)
class PartReference:
    """A mention that names a part of a published document."""

    item: int
    """-1 for the paragraph text, else the item index."""
    start: int
    """Start of the mention in that text."""
    url: str
    """Site-root-relative URL of the part."""
