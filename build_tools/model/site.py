"""What the site is made from (the identified, annotated corpus) and made of (pages and
data files), with the look-ups every renderer shares."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

from build_tools.model.document import Document, label_wording
from build_tools.model.ids import HistoryEntry, PlacedParagraph, PlacedSection, Registry
from build_tools.model.notes import Annotations, ParagraphNotes
from build_tools.model.source import Glossary
from build_tools.model.versions import Version, document_versions

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


class RelatedTarget(NamedTuple):
    """What a link to a related paragraph is made from."""

    document: str
    name: str
    """How the paragraph is named within its document: 'Ukraine ¶ 4'."""
    url: str
    short_title: str
    """How links from other documents name its document."""


class ParagraphFacts(NamedTuple):
    """Everything any page shows of one published paragraph, the page itself aside: what
    its HTML and its rows on the aggregate pages and in the exports are made from."""

    id: str
    document: str
    section: str
    url: str
    """'doc/section/#id'."""
    label: str
    numbered: bool
    text: str
    items: tuple[tuple[str, str], ...]
    """(marker, text) of each item."""
    footnote_refs: tuple[str, ...]
    notes: ParagraphNotes
    history: tuple[HistoryEntry, ...]
    """Its registry record's history."""
    document_title: str
    section_title: str
    """The section's own title, '' when untitled."""
    section_topics: tuple[str, ...]
    """Topics of its whole section (the page lists them at its top)."""
    related: tuple[RelatedTarget, ...]
    """Its related paragraphs that are published, best first."""


class DocumentFacts(NamedTuple):
    """Everything a document's pages and its share of the aggregate pages are made from,
    besides the document itself."""

    slug: str
    title: str
    sections: tuple[tuple[str, str, str, tuple[str, ...]], ...]
    """(id, URL, heading, topics of the whole section) of each placed section."""
    paragraphs: tuple[ParagraphFacts, ...]
    """The facts of its paragraphs, in site order."""


@dataclass(frozen=True)
class LinkContext:
    """What a paragraph's links depend on besides its own notes: which glossary entries
    name a published document, and the topics' titles and URLs."""

    entry_documents: tuple[tuple[str, str], ...]
    """(glossary id, slug of the published document it names), sorted."""
    topics: tuple[TopicInfo, ...]

    @cached_property
    def document_of(self) -> dict[str, str]:
        """Glossary id → slug of the published document it names."""
        return dict(self.entry_documents)

    @cached_property
    def topic(self) -> dict[str, TopicInfo]:
        return {t.id: t for t in self.topics}


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
    def versions(self) -> dict[str, tuple[Version, ...]]:
        """Document slug → every version the site has published, oldest first (read once
        off the registry's history for the pages, the version pages and the changes page)."""
        return document_versions(self.registry)

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

    @cached_property
    def _records(self) -> dict:
        return {r.id: r for r in self.registry.paragraphs}

    @cached_property
    def link_context(self) -> LinkContext:
        """The site-wide facts a paragraph's links depend on besides its own notes."""
        return LinkContext(tuple(sorted(self.entry_documents.items())), self.topics)

    @cached_property
    def topic(self) -> dict[str, TopicInfo]:
        return {t.id: t for t in self.topics}

    @cached_property
    def _places(self) -> dict[tuple[str, str], tuple[str, str, tuple[str, ...]]]:
        """(document, section id) → what its paragraphs share: the document's title, the
        section's own title ('' when untitled) and the topics of the whole section."""
        return {(s.document, s.id): (self.document[s.document].title,
                                     self.document[s.document].sections[s.index].title or "",
                                     self.section_topics.get((s.document, s.id), ()))
                for s in self.sections}

    @cached_property
    def related_target(self) -> dict[str, RelatedTarget]:
        """Published paragraph id → what a link to it from a related list is made from."""
        targets, places = {}, self._places
        for p in self.paragraphs:
            document_title, section_title, _ = places[(p.document, p.section)]
            targets[p.id] = RelatedTarget(
                p.document, f"{section_title or document_title} {label_wording(p.paragraph.label, p.paragraph.numbered, short=True)}",
                self.paragraph_urls[p.id], self.short_titles.get(p.document, document_title))
        return targets

    @cached_property
    def facts(self) -> dict[str, ParagraphFacts]:
        """Published paragraph id → its facts."""
        facts = {}
        targets, notes_of = self.related_target, self.annotations.notes
        records, urls = self._records, self.paragraph_urls
        empty, places = ParagraphNotes(), self._places
        for p in self.paragraphs:
            para, record = p.paragraph, records.get(p.id)
            notes = notes_of.get(p.id, empty)
            facts[p.id] = ParagraphFacts(
                p.id, p.document, p.section, urls[p.id], para.label, para.numbered, para.text,
                tuple((i.marker, i.text) for i in para.items) if para.items else (),
                para.footnote_refs, notes, record.history if record else (),
                *places[(p.document, p.section)],
                tuple(targets[r] for r in notes.related if r in targets) if notes.related else ())
        return facts

    @cached_property
    def document_facts(self) -> dict[str, DocumentFacts]:
        """Document slug → its facts. Lists name a document's only, untitled section by the
        document (its short title), never 'Text'."""
        facts = self.facts
        return {doc.slug: DocumentFacts(
            doc.slug, doc.title,
            tuple((s.id, s.url, section_heading(doc.sections[s.index]) if s.id
                   else self.short_titles.get(doc.slug, doc.title),
                   self.section_topics.get((doc.slug, s.id), ())) for s in self.sections_of[doc.slug]),
            tuple(facts[p.id] for s in self.sections_of[doc.slug]
                  for p in self.paragraphs_of.get((doc.slug, s.id), ())))
            for doc in self.documents}


def term_url(entry_id: str) -> str:
    """Return the glossary URL of an entry."""
    return f"{GLOSSARY_URL}#{entry_id}"


def section_heading(section) -> str:
    """Return a section's title as readers name it ('Ukraine', 'Text' when untitled)."""
    return section.title or "Text"


@dataclass(frozen=True)
class Page:
    """A generated Markdown page."""

    url: str
    """Site-root-relative directory URL ('' for home)."""
    content: str
    """Front matter and body, exactly as written to disk by ``dump``."""

    @property
    def src_uri(self) -> str:
        return page_src_uri(self.url)


@dataclass(frozen=True)
class DataFile:
    """A file written into the built site as it is (exports, redirects, maps)."""

    path: str
    content: str


@dataclass(frozen=True)
class SearchPage:
    """One page of the site's search index: a section's paragraphs or a glossary entry, as
    HTML made for the indexer alone (see render.search_pages)."""

    url: str
    """Site-root-relative URL the page's results link to ('doc/section/', 'glossary/#id')."""
    html: str


def page_src_uri(url: str) -> str:
    """Return the Markdown source path of the page served at ``url`` ('' → 'index.md')."""
    return f"{url}index.md" if url else "index.md"
