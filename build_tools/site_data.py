"""The annotated corpus every renderer reads, with the look-ups they share."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from build_tools.annotate import Annotations
from build_tools.glossary import Glossary
from build_tools.identify import PlacedSection
from build_tools.model import Document, PlacedParagraph, Registry

GLOSSARY_URL = "glossary/"
TOPICS_URL = "topics/"
CHANGES_URL = "changes/"
COMMITMENTS_URL = "commitments/"
SEARCH_URL = "search/"


@dataclass(frozen=True)
class TopicInfo:
    """A cross-document topic as pages show it."""

    id: str
    title: str
    description: str = ""

    @property
    def url(self) -> str:
        return f"{TOPICS_URL}{self.id}/"


@dataclass(frozen=True)
class SiteData:
    """Everything the site is made from, after identify and annotate."""

    documents: tuple[Document, ...]
    """In site order."""
    sections: tuple[PlacedSection, ...]
    paragraphs: tuple[PlacedParagraph, ...]
    registry: Registry
    glossary: Glossary
    annotations: Annotations
    today: str
    topics: tuple[TopicInfo, ...] = ()
    section_topics: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)
    """(document slug, section id) → topic ids."""
    short_titles: dict[str, str] = field(default_factory=dict)
    """Document slug → how links from other documents name it."""
    entry_documents: dict[str, str] = field(default_factory=dict)
    """Glossary id → slug of the published document it names."""

    @cached_property
    def document(self) -> dict[str, Document]:
        return {d.slug: d for d in self.documents}

    @cached_property
    def sections_of(self) -> dict[str, tuple[PlacedSection, ...]]:
        grouped: dict[str, list[PlacedSection]] = defaultdict(list)
        for s in self.sections:
            grouped[s.document].append(s)
        return {k: tuple(v) for k, v in grouped.items()}

    @cached_property
    def paragraphs_of(self) -> dict[tuple[str, str], tuple[PlacedParagraph, ...]]:
        grouped: dict[tuple[str, str], list[PlacedParagraph]] = defaultdict(list)
        for p in self.paragraphs:
            grouped[(p.document, p.section)].append(p)
        return {k: tuple(v) for k, v in grouped.items()}

    @cached_property
    def paragraph(self) -> dict[str, PlacedParagraph]:
        return {p.id: p for p in self.paragraphs}

    @cached_property
    def section_url(self) -> dict[tuple[str, str], str]:
        return {(s.document, s.id): s.url for s in self.sections}

    @cached_property
    def paragraph_urls(self) -> dict[str, str]:
        """Paragraph id → 'doc/section/#id'."""
        return {p.id: f"{self.section_url[(p.document, p.section)]}#{p.id}" for p in self.paragraphs}

    def paragraph_url(self, paragraph_id: str) -> str:
        """Return 'doc/section/#id' for a published paragraph."""
        return self.paragraph_urls[paragraph_id]

    @cached_property
    def _parsed_sections(self) -> dict[tuple[str, str], object]:
        return {(s.document, s.id): self.document[s.document].sections[s.index] for s in self.sections}

    def section_of(self, p: PlacedParagraph):
        """Return the parsed Section a placed paragraph sits in."""
        return self._parsed_sections[(p.document, p.section)]

    @cached_property
    def _records(self) -> dict:
        return {r.id: r for r in self.registry.paragraphs}

    def registry_record(self, paragraph_id: str):
        """Return the registry record of an id, or None."""
        return self._records.get(paragraph_id)

    @cached_property
    def link_facts(self) -> tuple:
        """The site-wide facts a paragraph's links depend on besides its own notes."""
        return (tuple(sorted(self.entry_documents.items())), self.topics)

    @cached_property
    def topic(self) -> dict[str, TopicInfo]:
        return {t.id: t for t in self.topics}


def term_url(entry_id: str) -> str:
    """Return the glossary URL of an entry."""
    return f"{GLOSSARY_URL}#{entry_id}"


def section_heading(section) -> str:
    """Return a section's title as readers name it ('Ukraine', 'Text' when untitled)."""
    return section.title or "Text"
