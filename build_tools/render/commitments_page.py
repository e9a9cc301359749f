"""Commitment pages: an index with counts by document, topic and verb, then one page
per document and one per topic listing every committing sentence.

Splitting keeps each page's size in proportion to its own share of the corpus,
so no page grows with the whole site.
"""

from __future__ import annotations

from dataclasses import dataclass

from functools import lru_cache
from html import escape

from markupsafe import Markup

from build_tools.render.env import Page, make_page, page_meta
from build_tools.urls import relative_url
from build_tools.site_data import COMMITMENTS_URL, SiteData, section_heading


@dataclass(frozen=True)
class CommitmentView:
    url: str
    """'doc/section/#<paragraph id>.s<n>'."""
    where: str
    """'Ukraine ¶ 4, sentence 2'."""
    verb: str
    text: str
    document: str
    """Document slug."""
    topics: tuple[str, ...]


def commitment_views(site: SiteData) -> tuple[CommitmentView, ...]:
    """Return every commitment of the site, in site order."""
    out: list[CommitmentView] = []
    for p in site.paragraphs:
        notes = site.annotations.for_paragraph(p.id)
        if not notes.commitments:
            continue
        section = section_heading(site.section_of(p))
        page = site.paragraph_url(p.id).partition("#")[0]
        out += [CommitmentView(f"{page}#{c.anchor}", f"{section} ¶ {p.paragraph.label}, sentence {c.sentence}",
                               c.verb, c.text, p.document, notes.topics)
                for c in notes.commitments]
    return tuple(out)


def document_url(slug: str) -> str:
    return f"{COMMITMENTS_URL}{slug}/"


def topic_url(topic_id: str) -> str:
    return f"{COMMITMENTS_URL}topic-{topic_id}/"


def commitment_rows(items: tuple[CommitmentView, ...], page_url: str,
                    titles: dict[str, str]) -> Markup:
    """Return the list items of a commitments page (built here: one page holds thousands)."""
    return Markup("\n".join(
        _row(c, page_url, f"{titles[c.document]}: {c.where}" if titles else c.where) for c in items))


@lru_cache(maxsize=None)
def _row(c: CommitmentView, page_url: str, where: str) -> str:
    # Memoised: a rebuild after a small edit renders the same rows again.
    return (f'<li><a href="{escape(relative_url(page_url, c.url))}">{escape(where)}</a> '
            f'<span class="verb">{escape(c.verb)}</span><br>'
            f'<span class="commitment-text">{escape(c.text)}</span></li>')


def commitments_pages(site: SiteData) -> tuple[Page, ...]:
    """Return the commitments index, one page per document and one per topic."""
    views = commitment_views(site)
    by_document: dict[str, list[CommitmentView]] = {d.slug: [] for d in site.documents}
    by_topic: dict[str, list[CommitmentView]] = {t.id: [] for t in site.topics}
    verbs: dict[str, int] = {}
    for v in views:
        by_document[v.document].append(v)
        for topic in v.topics:
            by_topic.setdefault(topic, []).append(v)
        verbs[v.verb] = verbs.get(v.verb, 0) + 1
    index = make_page(
        COMMITMENTS_URL, page_meta("Commitments", "commitments"), "commitments.md.j2",
        documents=tuple((d.title, document_url(d.slug), len(by_document[d.slug])) for d in site.documents),
        topics=tuple((t.title, topic_url(t.id), len(by_topic[t.id])) for t in site.topics if by_topic[t.id]),
        total=len(views), verbs=tuple(sorted(verbs.items(), key=lambda kv: (-kv[1], kv[0]))))
    titles = {d.slug: d.title for d in site.documents}
    pages = [index]
    for doc in site.documents:
        url = document_url(doc.slug)
        items = tuple(by_document[doc.slug])
        pages.append(make_page(url, page_meta(f"Commitments: {doc.title}", "commitments"),
                               "commitment_list.md.j2", heading=doc.title, count=len(items),
                               rows=commitment_rows(items, url, {})))
    for topic in site.topics:
        if by_topic[topic.id]:
            url = topic_url(topic.id)
            items = tuple(by_topic[topic.id])
            pages.append(make_page(url, page_meta(f"Commitments: {topic.title}", "commitments"),
                                   "commitment_list.md.j2", heading=topic.title, count=len(items),
                                   rows=commitment_rows(items, url, titles)))
    return tuple(pages)
