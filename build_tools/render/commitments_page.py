"""Commitment pages: an index with counts by document, topic and verb, then one page
per document and one per topic listing every committing sentence.

Splitting keeps each page's size in proportion to its own share of the corpus,
so no page grows with the whole site.
"""

from __future__ import annotations

from dataclasses import dataclass

from build_tools.render.env import Page, make_page, page_meta
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
        documents=tuple((d, document_url(d.slug), len(by_document[d.slug])) for d in site.documents),
        topics=tuple((t, topic_url(t.id), len(by_topic[t.id])) for t in site.topics if by_topic[t.id]),
        total=len(views), verbs=tuple(sorted(verbs.items(), key=lambda kv: (-kv[1], kv[0]))))
    titles = {d.slug: d.title for d in site.documents}
    pages = [index]
    for doc in site.documents:
        pages.append(make_page(document_url(doc.slug), page_meta(f"Commitments: {doc.title}", "commitments"),
                               "commitment_list.md.j2", heading=doc.title, items=tuple(by_document[doc.slug]),
                               titles={}))
    for topic in site.topics:
        if by_topic[topic.id]:
            pages.append(make_page(topic_url(topic.id), page_meta(f"Commitments: {topic.title}", "commitments"),
                                   "commitment_list.md.j2", heading=topic.title, items=tuple(by_topic[topic.id]),
                                   titles=titles))
    return tuple(pages)
