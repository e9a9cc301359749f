"""Topic pages: per document, the sections and paragraphs on a topic, with excerpts."""

from __future__ import annotations

from typing import NamedTuple

from markupsafe import escape

from build_tools import cache
from build_tools.cache import memoised
from build_tools.render.env import Joined, Page, make_page, page_meta
from build_tools.site_data import TOPICS_URL, SiteData
from build_tools.urls import root_prefix

EXCERPT_WORDS = 28


def excerpt(text: str, words: int = EXCERPT_WORDS) -> str:
    """Return the first ``words`` words of a text, with an ellipsis when cut."""
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


@memoised(cache.TEXTS)
def topic_item(url: str, label: str, text: str) -> str:
    """Return a topic page's list item for a paragraph, after '<li><a href="' and the
    page's way to the site root: its address, label and excerpt."""
    return (f'{escape(url)}">¶ {escape(label)}</a>'
            f' <span class="excerpt">{escape(excerpt(text))}</span></li>')


class TopicSection(NamedTuple):
    url: str
    heading: str
    on_topic: bool
    """True when the whole section is on the topic, not only some paragraphs."""
    paragraphs: Joined
    """The list items of its paragraphs on the topic (link, label, excerpt), one per line."""


class TopicDocument(NamedTuple):
    title: str
    url: str
    sections: tuple[TopicSection, ...]


def topics_documents(site: SiteData) -> tuple[dict[str, tuple[TopicDocument, ...]], dict[str, int]]:
    """Return, per topic id, the documents with their sections and paragraphs on it, and
    the number of paragraphs listed. Each document's share is memoised by its facts."""
    found: dict[str, list[TopicDocument]] = {t.id: [] for t in site.topics}
    counts = dict.fromkeys(found, 0)
    leads = tuple((t.id, f'<li><a href="{root_prefix(t.url)}') for t in site.topics)
    for doc in site.documents:
        key = (site.document_facts[doc.slug], leads)
        for topic_id, document, count in _SHARES.get(key, lambda: _document_share(*key)):
            found[topic_id].append(document)
            counts[topic_id] += count
    return {k: tuple(v) for k, v in found.items()}, counts


def _document_share(facts: cache.Frozen, leads: tuple[tuple[str, str], ...]
                    ) -> tuple[tuple[str, TopicDocument, int], ...]:
    """Return (topic id, the document as its page lists it, paragraphs listed) for each
    topic the document's sections or paragraphs are on; ``leads`` opens each topic
    page's list items."""
    doc = facts.value
    lead_of = dict(leads)
    sections: dict[str, list[TopicSection]] = {}
    counts: dict[str, int] = {}
    by_section: dict[str, list] = {}
    for paragraph in doc.paragraphs:
        by_section.setdefault(paragraph.value.section, []).append(paragraph.value)
    for section_id, url, heading, whole in doc.sections:
        items: dict[str, list[str]] = {}
        for p in by_section.get(section_id, ()):
            if not p.notes.topics:
                continue
            # The same on every topic page, after the page's way to the site root.
            item = topic_item(p.url, p.label, p.text)
            for topic_id in p.notes.topics:
                if topic_id in lead_of:
                    items.setdefault(topic_id, []).append(item)
        for topic_id, lead in leads:
            if topic_id in whole or topic_id in items:
                rows = items.get(topic_id, ())
                counts[topic_id] = counts.get(topic_id, 0) + len(rows)
                sections.setdefault(topic_id, []).append(TopicSection(
                    url, heading, topic_id in whole, Joined(tuple(rows), lead=lead)))
    return tuple((topic_id, TopicDocument(doc.title, f"{doc.slug}/", tuple(topic_sections)),
                  counts[topic_id]) for topic_id, topic_sections in sections.items())


_SHARES = cache.Memo(maxsize=cache.DOCUMENTS)
"""A document's share of the topic pages by its facts and the topics."""


def topic_pages(site: SiteData) -> tuple[Page, ...]:
    """Return the topics index and one page per topic."""
    pages = []
    by_topic, counts = topics_documents(site)
    for topic in site.topics:
        documents = by_topic[topic.id]
        meta = page_meta(topic.title, "topic")
        pages.append(make_page(topic.url, meta, "topic.md.j2", topic=topic, documents=documents))
    meta = page_meta("Topics", "topics")
    index = make_page(TOPICS_URL, meta, "topics.md.j2", topics=site.topics, counts=counts)
    return (index, *pages) if site.topics else ()
