"""Topic pages: per document, the sections and paragraphs on a topic, with excerpts."""

from __future__ import annotations

from typing import NamedTuple

from markupsafe import escape

from build_tools import cache
from build_tools.cache import memoised
from build_tools.render.env import Joined, Page, make_page, page_meta
from build_tools.site_data import TOPICS_URL, SiteData, section_heading
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
    the number of paragraphs listed. One pass over the corpus serves every topic."""
    found: dict[str, list[TopicDocument]] = {t.id: [] for t in site.topics}
    counts = dict.fromkeys(found, 0)
    for doc in site.documents:
        sections: dict[str, list[TopicSection]] = {}
        for placed in site.sections_of[doc.slug]:
            whole = site.section_topics.get((doc.slug, placed.id), ())
            items: dict[str, list[str]] = {}
            for p in site.paragraphs_of.get((doc.slug, placed.id), ()):
                topics = site.annotations.for_paragraph(p.id).topics
                if not topics:
                    continue
                # The same on every topic page, after the page's way to the site root.
                item = topic_item(site.paragraph_url(p.id), p.paragraph.label, p.paragraph.text)
                for topic_id in topics:
                    if topic_id in found:
                        items.setdefault(topic_id, []).append(item)
            heading = section_heading(doc.sections[placed.index])
            for topic_id in found:
                if topic_id in whole or topic_id in items:
                    rows = items.get(topic_id, ())
                    counts[topic_id] += len(rows)
                    lead = f'<li><a href="{root_prefix(site.topic[topic_id].url)}'
                    sections.setdefault(topic_id, []).append(TopicSection(
                        placed.url, heading, topic_id in whole, Joined(tuple(rows), lead=lead)))
        for topic_id, topic_sections in sections.items():
            found[topic_id].append(TopicDocument(doc.title, f"{doc.slug}/", tuple(topic_sections)))
    return {k: tuple(v) for k, v in found.items()}, counts


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
