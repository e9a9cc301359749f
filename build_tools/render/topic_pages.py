"""Topic pages: per document, the sections and paragraphs on a topic, with excerpts.

A topic's list grows with the corpus, so it is cut into pages holding whole
documents (``render.list_pages``): a corrected text changes the page holding it.
"""

from __future__ import annotations

from typing import NamedTuple

from build_tools.model.cache import BuildCache, cached
from build_tools.model.document import label_wording
from build_tools.model.site import TOPICS_URL, DocumentFacts, Page, SiteData, TopicInfo
from build_tools.render.env import Md, Templates, cached_page, make_page, page_meta
from build_tools.render.list_pages import ListPage, split_list
from build_tools.render.markdown import md_link, md_text
from build_tools.render.urls import md_url

EXCERPT_WORDS = 28
TOPIC_PARAGRAPHS_PER_PAGE = 400
"""Paragraphs listed on one page of a topic (a page of about 200 KB)."""


def excerpt(text: str, words: int = EXCERPT_WORDS) -> str:
    """Return the first ``words`` words of a text, with an ellipsis when cut."""
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def topic_items(rows: tuple[tuple[str, str, str], ...], page_url: str) -> Md:
    """Return a topic page's list of paragraphs ((URL, label, text) each) on the page at
    ``page_url``: a link named by the label, then an excerpt."""
    return Md("\n".join(f"- {md_link(label, md_url(page_url, url))} {md_text(excerpt(text))}"
                         for url, label, text in rows))


class TopicSection(NamedTuple):
    url: str
    heading: str
    on_topic: bool
    """True when the whole section is on the topic, not only some paragraphs."""
    paragraphs: tuple[tuple[str, str, str], ...]
    """(URL, label, text) of its paragraphs on the topic."""


class TopicDocument(NamedTuple):
    title: str
    url: str
    sections: tuple[TopicSection, ...]


def topics_documents(site: SiteData, cache: BuildCache | None = None
                     ) -> tuple[dict[str, tuple[TopicDocument, ...]], dict[str, int]]:
    """Return, per topic id, the documents with their sections and paragraphs on it, and
    the number of paragraphs listed."""
    found: dict[str, list[TopicDocument]] = {t.id: [] for t in site.topics}
    counts = dict.fromkeys(found, 0)
    topic_ids = tuple(t.id for t in site.topics)
    for doc in site.documents:
        share = cached(cache, ("topic share", doc.slug), document_share, site.document_facts[doc.slug], topic_ids)
        for topic_id, document, count in share:
            found[topic_id].append(document)
            counts[topic_id] += count
    return {k: tuple(v) for k, v in found.items()}, counts


def document_share(doc: DocumentFacts, topic_ids: tuple[str, ...]
                   ) -> tuple[tuple[str, TopicDocument, int], ...]:
    """Return (topic id, the document as its page lists it, paragraphs listed) for each
    of the site's topics (``topic_ids``) the document's sections or paragraphs are on."""
    known = set(topic_ids)
    sections: dict[str, list[TopicSection]] = {}
    counts: dict[str, int] = {}
    by_section: dict[str, list] = {}
    for paragraph in doc.paragraphs:
        by_section.setdefault(paragraph.section, []).append(paragraph)
    for section_id, url, heading, whole in doc.sections:
        items: dict[str, list[tuple[str, str, str]]] = {}
        for p in by_section.get(section_id, ()):
            if not p.notes.topics:
                continue
            item = (p.url, label_wording(p.label, p.numbered, short=True), p.text)
            for topic_id in p.notes.topics:
                if topic_id in known:
                    items.setdefault(topic_id, []).append(item)
        for topic_id in topic_ids:
            if topic_id in whole or topic_id in items:
                rows = items.get(topic_id, ())
                counts[topic_id] = counts.get(topic_id, 0) + len(rows)
                sections.setdefault(topic_id, []).append(TopicSection(
                    url, heading, topic_id in whole, tuple(rows)))
    return tuple((topic_id, TopicDocument(doc.title, f"{doc.slug}/", tuple(topic_sections)),
                  counts[topic_id]) for topic_id, topic_sections in sections.items())


def _listed(row: tuple[TopicDocument, TopicSection]) -> int:
    """Return what a section counts on a page: its paragraphs listed, at least its heading."""
    return max(1, len(row[1].paragraphs))


def _documents_on(rows: tuple[tuple[TopicDocument, TopicSection], ...], url: str) -> tuple[TopicDocument, ...]:
    """Return a page's (document, section) rows as documents with the sections on it, their
    paragraph lists written for the page at ``url``."""
    documents: list[tuple[TopicDocument, list]] = []
    for document, section in rows:
        if not documents or documents[-1][0] is not document:
            documents.append((document, []))
        documents[-1][1].append(section._replace(paragraphs=topic_items(section.paragraphs, url)))
    return tuple(document._replace(sections=tuple(sections)) for document, sections in documents)


def one_topic_pages(templates: Templates, topic: TopicInfo, documents: tuple[TopicDocument, ...],
                    per_page: int, cache: BuildCache | None = None) -> tuple[Page, ...]:
    """Return the pages of one topic, each kept in ``cache`` by its URL (an edit to one
    document renders again only the page listing it, and a first page whose count changed)."""
    groups = [[(document, section) for section in document.sections] for document in documents]
    return tuple(cached(cache, ("topic page", part.url), topic_page, templates, topic, part)
                 for part in split_list(topic.url, groups, per_page, size=_listed))


def topic_page(templates: Templates, topic: TopicInfo, part: ListPage) -> Page:
    """Return one page of a topic's list."""
    return make_page(templates, part.url, page_meta(part.titled(topic.title), "topic"), "topic.md.j2",
                     topic=topic, documents=_documents_on(part.rows, part.url), part=part._replace(rows=()))


def topic_pages(site: SiteData, templates: Templates, per_page: int | None = None,
                cache: BuildCache | None = None) -> tuple[Page, ...]:
    """Return the topics index and each topic's page, cut into pages of at most
    ``per_page`` paragraphs (``TOPIC_PARAGRAPHS_PER_PAGE`` when not given)."""
    per_page = TOPIC_PARAGRAPHS_PER_PAGE if per_page is None else per_page
    pages = []
    by_topic, counts = topics_documents(site, cache)
    for topic in site.topics:
        pages += one_topic_pages(templates, topic, by_topic[topic.id], per_page, cache)
    meta = page_meta("Topics", "topics")
    index = cached_page(cache, templates, TOPICS_URL, meta, "topics.md.j2", topics=site.topics, counts=counts)
    return (index, *pages) if site.topics else ()
