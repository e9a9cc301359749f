"""Commitment pages: an index with counts by document, topic and verb, then one page
per document and one per topic listing every committing sentence.

A document's list stays the size of its document. A topic's list grows with the
corpus, so it is split into pages of at most ``TOPIC_ROWS_PER_PAGE`` sentences,
each document's sentences on one page (``list_pages``): no page grows with the
whole site.
"""

from __future__ import annotations

from typing import NamedTuple

from build_tools.model.cache import BuildCache, cached
from build_tools.model.document import label_wording
from build_tools.model.site import COMMITMENTS_URL, DocumentFacts, Page, SiteData
from build_tools.read.routes import TOPIC_COMMITMENTS_PREFIX
from build_tools.render.env import Md, Templates, cached_page, page_meta
from build_tools.render.list_pages import split_list
from build_tools.render.markdown import md_link, md_text
from build_tools.render.urls import md_url


class CommitmentView(NamedTuple):
    url: str
    """'doc/section/#<paragraph id>.s<n>'."""
    where: str
    """'Ukraine ¶ 4, sentence 2'."""
    verb: str
    text: str


class DocumentCommitments(NamedTuple):
    """A document's share of the commitment pages."""

    rows: tuple[CommitmentView, ...]
    """Its commitments as its own page lists them."""
    by_topic: tuple[tuple[str, tuple[CommitmentView, ...]], ...]
    """(topic id, its commitments on the topic as the topic's page lists them: named after
    the document)."""
    verbs: tuple[str, ...]
    """The verb of each commitment."""


def document_commitments(doc: DocumentFacts) -> DocumentCommitments:
    """Return a document's share of the commitment pages."""
    rows: list[CommitmentView] = []
    by_topic: dict[str, list[CommitmentView]] = {}
    verbs: list[str] = []
    for p in doc.paragraphs:
        if not p.notes.commitments:
            continue
        page = p.url.partition("#")[0]
        for c in p.notes.commitments:
            view = CommitmentView(f"{page}#{c.anchor}",
                                  " ".join(filter(None, (p.section_title, label_wording(p.label, p.numbered, short=True))))
                                  + f", sentence {c.sentence}",
                                  c.verb, c.text)
            rows.append(view)
            named = view._replace(where=f"{doc.title}: {view.where}")
            for topic in p.notes.topics:
                by_topic.setdefault(topic, []).append(named)
            verbs.append(c.verb)
    return DocumentCommitments(tuple(rows), tuple((t, tuple(r)) for t, r in by_topic.items()),
                               tuple(verbs))


TOPIC_ROWS_PER_PAGE = 100
"""Most sentences one page of a topic's list holds (about 45 KB of Markdown). A preview
renders again the page an edit changes, one for each topic a committing sentence is on
(four to seven at 200 synthetic documents): MkDocs took 0.07 to 0.14 s for each at 250
sentences a page (about 110 KB), 0.02 to 0.06 s at 100 (2026-12-01)."""


def document_url(slug: str) -> str:
    return f"{COMMITMENTS_URL}{slug}/"


def topic_url(topic_id: str) -> str:
    return f"{COMMITMENTS_URL}{TOPIC_COMMITMENTS_PREFIX}{topic_id}/"


def commitment_rows(rows: tuple[CommitmentView, ...] | list[CommitmentView], page_url: str) -> Md:
    """Return the list of a commitments page, on the page at ``page_url``: per sentence,
    a link to it named by where it is, its verb, and the sentence."""
    # The sentence starts on a line of its own: a Markdown line break (two trailing spaces).
    return Md("\n".join(f"1. {md_link(c.where, md_url(page_url, c.url))} *{md_text(c.verb)}*{{ .verb }}  \n"
                         f"   {md_text(c.text)}" for c in rows))


def commitments_pages(site: SiteData, templates: Templates, per_page: int | None = None,
                      cache: BuildCache | None = None) -> tuple[Page, ...]:
    """Return the commitments index, one page per document, and each topic's list in
    pages of at most ``per_page`` sentences (``TOPIC_ROWS_PER_PAGE`` when not given)."""
    per_page = TOPIC_ROWS_PER_PAGE if per_page is None else per_page
    by_document: dict[str, tuple[CommitmentView, ...]] = {}
    # Topic id → each document's rows on it, in site order.
    by_topic: dict[str, list[tuple[CommitmentView, ...]]] = {t.id: [] for t in site.topics}
    verbs: dict[str, int] = {}
    for doc in site.documents:
        share = cached(cache, ("commitment share", doc.slug), document_commitments,
                       site.document_facts[doc.slug])
        by_document[doc.slug] = share.rows
        for topic, rows in share.by_topic:
            by_topic.setdefault(topic, []).append(rows)
        for verb in share.verbs:
            verbs[verb] = verbs.get(verb, 0) + 1
    topic_counts = {topic: sum(map(len, documents)) for topic, documents in by_topic.items()}
    index = cached_page(
        cache, templates, COMMITMENTS_URL, page_meta("Commitments", "commitments"), "commitments.md.j2",
        documents=tuple((d.title, document_url(d.slug), len(by_document[d.slug])) for d in site.documents),
        topics=tuple((t.title, topic_url(t.id), topic_counts[t.id]) for t in site.topics if by_topic[t.id]),
        total=sum(verbs.values()), verbs=tuple(sorted(verbs.items(), key=lambda kv: (-kv[1], kv[0]))))
    pages = [index]
    for doc in site.documents:
        url = document_url(doc.slug)
        items = by_document[doc.slug]
        pages.append(cached_page(cache, templates, url, page_meta(f"Commitments: {doc.title}", "commitments"),
                               "commitment_list.md.j2", heading=doc.title, count=len(items),
                               rows=cached(cache, ("commitment rows", url), commitment_rows, items, url),
                               part=None))
    for topic in site.topics:
        documents = by_topic[topic.id]
        if not documents:
            continue
        # A document's rows stay on one page, so an edit rewrites its own page and no other.
        # A list of several pages shows no total (the index does): on its first page, any
        # edit would change it, and a preview would render that page again too.
        for part in split_list(topic_url(topic.id), documents, per_page):
            pages.append(cached_page(cache, templates, part.url,
                                   page_meta(part.titled(f"Commitments: {topic.title}"), "commitments"),
                                   "commitment_list.md.j2", heading=topic.title,
                                   count=topic_counts[topic.id] if part.count == 1 else None,
                                   rows=cached(cache, ("commitment rows", part.url), commitment_rows,
                                               part.rows, part.url),
                                   part=part._replace(rows=())))
    return tuple(pages)
