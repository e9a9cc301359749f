"""Topic pages: per document, the sections and paragraphs on a topic, with excerpts."""

from __future__ import annotations

from dataclasses import dataclass

from build_tools.render.env import Page, make_page, page_meta
from build_tools.site_data import TOPICS_URL, SiteData, TopicInfo, section_heading

EXCERPT_WORDS = 28


def excerpt(text: str, words: int = EXCERPT_WORDS) -> str:
    """Return the first ``words`` words of a text, with an ellipsis when cut."""
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


@dataclass(frozen=True)
class TopicSection:
    url: str
    heading: str
    on_topic: bool
    """True when the whole section is on the topic, not only some paragraphs."""
    paragraphs: tuple[tuple[str, str, str], ...]
    """(url, label, excerpt) of its paragraphs on the topic."""


@dataclass(frozen=True)
class TopicDocument:
    title: str
    url: str
    sections: tuple[TopicSection, ...]


def topic_documents(site: SiteData, topic: TopicInfo) -> tuple[TopicDocument, ...]:
    """Return, per document, the sections and paragraphs on ``topic``."""
    out = []
    for doc in site.documents:
        sections = []
        for placed in site.sections_of[doc.slug]:
            whole = topic.id in site.section_topics.get((doc.slug, placed.id), ())
            paragraphs = tuple(
                (site.paragraph_url(p.id), p.paragraph.label, excerpt(p.paragraph.text))
                for p in site.paragraphs_of.get((doc.slug, placed.id), ())
                if topic.id in site.annotations.for_paragraph(p.id).topics)
            if whole or paragraphs:
                sections.append(TopicSection(placed.url, section_heading(doc.sections[placed.index]),
                                             whole, paragraphs))
        if sections:
            out.append(TopicDocument(doc.title, f"{doc.slug}/", tuple(sections)))
    return tuple(out)


def topic_pages(site: SiteData) -> tuple[Page, ...]:
    """Return the topics index and one page per topic."""
    pages = []
    counts = {}
    for topic in site.topics:
        documents = topic_documents(site, topic)
        counts[topic.id] = sum(len(s.paragraphs) for d in documents for s in d.sections)
        meta = page_meta(topic.title, "topic")
        pages.append(make_page(topic.url, meta, "topic.md.j2", topic=topic, documents=documents))
    meta = page_meta("Topics", "topics")
    index = make_page(TOPICS_URL, meta, "topics.md.j2", topics=site.topics, counts=counts)
    return (index, *pages) if site.topics else ()
