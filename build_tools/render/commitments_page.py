"""The commitments page: every committing sentence, by document and by topic, with counts."""

from __future__ import annotations

from dataclasses import dataclass

from build_tools.render.env import Page, make_page, page_meta
from build_tools.render.topic_pages import excerpt
from build_tools.site_data import COMMITMENTS_URL, SiteData, section_heading


@dataclass(frozen=True)
class CommitmentView:
    url: str
    """'doc/section/#<paragraph id>.s<n>'."""
    where: str
    """'Ukraine ¶ 4, sentence 2'."""
    verb: str
    text: str


def commitment_views(site: SiteData) -> dict[str, list[tuple[str, CommitmentView]]]:
    """Return, per document slug, (paragraph id, commitment) in document order."""
    out: dict[str, list[tuple[str, CommitmentView]]] = {}
    for p in site.paragraphs:
        section = section_heading(site.section_of(p))
        page = site.paragraph_url(p.id).partition("#")[0]
        for c in site.annotations.for_paragraph(p.id).commitments:
            out.setdefault(p.document, []).append((p.id, CommitmentView(
                f"{page}#{c.anchor}", f"{section} ¶ {p.paragraph.label}, sentence {c.sentence}",
                c.verb, c.text)))
    return out


def commitments_page(site: SiteData) -> Page:
    """Return the commitments page."""
    views = commitment_views(site)
    documents = tuple((doc, tuple(v for _, v in views.get(doc.slug, ()))) for doc in site.documents)
    by_topic = []
    for topic in site.topics:
        items = tuple((site.document[site.paragraph[pid].document].title, v.where, v.url, excerpt(v.text, 14))
                      for doc_views in views.values() for pid, v in doc_views
                      if topic.id in site.annotations.for_paragraph(pid).topics)
        by_topic.append((topic, items))
    verbs: dict[str, int] = {}
    for doc_views in views.values():
        for _, v in doc_views:
            verbs[v.verb] = verbs.get(v.verb, 0) + 1
    meta = page_meta("Commitments", "commitments")
    return make_page(COMMITMENTS_URL, meta, "commitments.md.j2", documents=documents,
                     by_topic=tuple(by_topic), total=sum(len(v) for _, v in documents),
                     verbs=tuple(sorted(verbs.items(), key=lambda kv: (-kv[1], kv[0]))))
