"""Commitment pages: an index with counts by document, topic and verb, then one page
per document and one per topic listing every committing sentence.

Splitting keeps each page's size in proportion to its own share of the corpus,
so no page grows with the whole site.
"""

from __future__ import annotations

from html import escape
from typing import NamedTuple

from build_tools import cache
from build_tools.model import PlacedParagraph
from build_tools.render.env import Joined, Page, make_page, page_meta
from build_tools.site_data import COMMITMENTS_URL, SiteData, section_heading
from build_tools.urls import root_prefix


class CommitmentView(NamedTuple):
    url: str
    """'doc/section/#<paragraph id>.s<n>'."""
    where: str
    """'Ukraine ¶ 4, sentence 2'."""
    verb: str
    text: str
    document: str
    """Document slug."""
    topics: tuple[str, ...]


def _paragraph_commitments(site: SiteData, p: PlacedParagraph) -> tuple[tuple[CommitmentView, str, str], ...]:
    """Return each commitment of a paragraph with its two rows (see ``row``): plain,
    and naming the document. Memoised by what they are made from."""
    notes = site.annotations.for_paragraph(p.id)
    if not notes.commitments:
        return ()
    page = site.paragraph_url(p.id).partition("#")[0]
    key = (page, section_heading(site.section_of(p)), p.paragraph.label, p.document,
           site.document[p.document].title, notes.commitments, notes.topics)
    return _ROWS.get(key, lambda: _commitments_of(*key))


def _commitments_of(page: str, section: str, label: str, slug: str, title: str,
                    commitments: tuple, topics: tuple[str, ...]) -> tuple[tuple[CommitmentView, str, str], ...]:
    """Return the views and rows of one paragraph's commitments (no memo)."""
    views = [CommitmentView(f"{page}#{c.anchor}", f"{section} ¶ {label}, sentence {c.sentence}",
                            c.verb, c.text, slug, topics) for c in commitments]
    return tuple((v, row(v), row(v, title)) for v in views)


_ROWS = cache.Memo(maxsize=cache.TEXTS)
"""A paragraph's commitment views and rows by what they are made from."""


def document_url(slug: str) -> str:
    return f"{COMMITMENTS_URL}{slug}/"


def topic_url(topic_id: str) -> str:
    return f"{COMMITMENTS_URL}topic-{topic_id}/"


def commitment_rows(rows: list[str], page_url: str) -> Joined:
    """Return the list items of a commitments page from rows made by ``row``."""
    return Joined(tuple(rows), lead=f'<li><a href="{root_prefix(page_url)}')


def row(c: CommitmentView, document_title: str = "") -> str:
    """Return a row after '<li><a href="' and the page's way to the site root: the
    sentence's address, where (after the document's title when given), verb and sentence."""
    where = f"{document_title}: {c.where}" if document_title else c.where
    return (f'{escape(c.url)}">{escape(where)}</a> <span class="verb">{escape(c.verb)}</span><br>'
            f'<span class="commitment-text">{escape(c.text)}</span></li>')


def commitments_pages(site: SiteData) -> tuple[Page, ...]:
    """Return the commitments index, one page per document and one per topic."""
    views = [found for p in site.paragraphs for found in _paragraph_commitments(site, p)]
    by_document: dict[str, list[str]] = {d.slug: [] for d in site.documents}
    by_topic: dict[str, list[str]] = {t.id: [] for t in site.topics}
    verbs: dict[str, int] = {}
    for v, plain, named in views:
        by_document[v.document].append(plain)
        for topic in v.topics:
            by_topic.setdefault(topic, []).append(named)
        verbs[v.verb] = verbs.get(v.verb, 0) + 1
    index = make_page(
        COMMITMENTS_URL, page_meta("Commitments", "commitments"), "commitments.md.j2",
        documents=tuple((d.title, document_url(d.slug), len(by_document[d.slug])) for d in site.documents),
        topics=tuple((t.title, topic_url(t.id), len(by_topic[t.id])) for t in site.topics if by_topic[t.id]),
        total=len(views), verbs=tuple(sorted(verbs.items(), key=lambda kv: (-kv[1], kv[0]))))
    pages = [index]
    for doc in site.documents:
        url = document_url(doc.slug)
        items = by_document[doc.slug]
        pages.append(make_page(url, page_meta(f"Commitments: {doc.title}", "commitments"),
                               "commitment_list.md.j2", heading=doc.title, count=len(items),
                               rows=commitment_rows(items, url)))
    for topic in site.topics:
        if by_topic[topic.id]:
            url = topic_url(topic.id)
            items = by_topic[topic.id]
            pages.append(make_page(url, page_meta(f"Commitments: {topic.title}", "commitments"),
                                   "commitment_list.md.j2", heading=topic.title, count=len(items),
                                   rows=commitment_rows(items, url)))
    return tuple(pages)
