"""Home, document and section pages."""

from __future__ import annotations

from dataclasses import dataclass, replace

from build_tools.model.cache import BuildCache, cached
from build_tools.model.document import Document, label_wording
from build_tools.model.ids import PlacedSection
from build_tools.model.versions import Version, full_text_url, human_date, versions_url
from build_tools.model.site import (DocumentFacts, LinkContext, Page, ParagraphFacts, SiteData,
                                    section_heading)
from build_tools.render.env import Md, Templates, cached_page, make_page, page_meta
from build_tools.render.footnotes import PageFootnotes, footnotes_by_page
from build_tools.render.paragraphs import paragraph_block, positions_note


def document_meta(doc: Document, versions: tuple[Version, ...] = ()) -> dict[str, str]:
    """Return the front-matter facts every page of a document carries: its official date as
    readers see it and in ISO, and the site version a citation names (its latest)."""
    latest = versions[-1] if versions else None
    return {"document": doc.slug, "document_title": doc.title,
            "document_date": human_date(doc.date), "document_date_iso": doc.date or "",
            "document_place": doc.place or "",
            "document_version": latest.name if latest else "",
            "document_version_id": latest.id if latest else "",
            # How citations word a label (the citation tools fill in the label).
            "cite_printed": label_wording("{label}", True), "cite_position": label_wording("{label}", False)}


@dataclass(frozen=True)
class ContentsEntry:
    placed: PlacedSection
    heading: str
    part: str | None
    subtitle: str | None
    count: int


@dataclass(frozen=True)
class RemovedView:
    id: str
    label: str
    date: str
    text: str


def removed_on_page(site: SiteData) -> dict[str, tuple[RemovedView, ...]]:
    """Return, per page URL, the notices of removed paragraphs that resolve there."""
    pages: dict[str, list[RemovedView]] = {}
    for record in site.registry.paragraphs:
        if record.status != "removed":
            continue
        page, _, _ = record.url.partition("#")
        date = record.history[-1].date if record.history else ""
        pages.setdefault(page, []).append(RemovedView(record.id, record.label, human_date(date), record.text))
    return {k: tuple(v) for k, v in pages.items()}


def section_page(templates: Templates, doc: Document, placed: PlacedSection,
                 neighbours: tuple[PlacedSection | None, PlacedSection | None],
                 paragraphs: tuple[ParagraphFacts, ...], topic_ids: tuple[str, ...],
                 context: LinkContext, footnotes: dict, removed: dict,
                 versions: tuple[Version, ...] = ()) -> Page:
    """Return the page of one section: its heading, paragraphs and notices."""
    url = placed.url
    section = doc.sections[placed.index]
    # The part's words are the source's on the page of the section they are printed with.
    part_src = bool(section.part) and (section.part_printed or placed.index == 0
                                       or doc.sections[placed.index - 1].part != section.part)
    prev, nxt = neighbours
    meta = page_meta(section_heading(section), "section", **document_meta(doc, versions), section=placed.id,
                     part=section.part or "", previous=_link(doc, prev), next=_link(doc, nxt))
    return make_page(
        templates, url, meta, "section.md.j2", doc=_head(doc), doc_date=human_date(doc.date),
        placed=placed, section=replace(section, paragraphs=()), heading=section_heading(section),
        part_src=part_src, topics=tuple(context.topic[t] for t in topic_ids if t in context.topic),
        paragraphs=paragraphs_markdown(paragraphs, url, context, footnotes.get(url)),
        positions=Md(positions_note(paragraphs)),
        removed=removed.get(url, ()), footnotes=_footnote_block(footnotes.get(url)))


def paragraphs_markdown(paragraphs: tuple[ParagraphFacts, ...], page_url: str, context: LinkContext,
                        footnotes: PageFootnotes | None) -> Md:
    """Return the Markdown of ``paragraphs`` on the page at ``page_url``, a blank line apart."""
    refs = footnotes.refs if footnotes is not None else {}
    return Md("\n\n".join(paragraph_block(p, page_url, context, refs.get(p.id, ())) for p in paragraphs))


def _footnote_block(footnotes: PageFootnotes | None) -> Md:
    return Md(footnotes.block if footnotes is not None else "")


def _head(doc: Document) -> Document:
    """Return the document without its text: what a page template reads of it."""
    return replace(doc, sections=(), footnotes=(), removed=())


def _link(doc: Document, placed: PlacedSection | None) -> dict | None:
    if placed is None:
        return None
    return {"url": placed.url, "title": section_heading(doc.sections[placed.index])}


def document_page(templates: Templates, doc: Document, sections: tuple[PlacedSection, ...],
                  by_section: dict[str, tuple[ParagraphFacts, ...]], context: LinkContext,
                  footnotes: dict, removed: dict, versions: tuple[Version, ...] = (),
                  summarised: Document | None = None) -> Page:
    """Return a document's overview page; a text without headings is shown here in full."""
    url = f"{doc.slug}/"
    contents = tuple(
        ContentsEntry(s, section_heading(doc.sections[s.index]), doc.sections[s.index].part,
                      doc.sections[s.index].subtitle, len(by_section.get(s.id, ())))
        for s in sections)
    inline = tuple(p for s in sections if s.url == url for p in by_section.get(s.id, ()))
    first = next((s for s in sections if s.url != url), None)
    meta = page_meta(doc.title, "document", **document_meta(doc, versions), next=_link(doc, first))
    return make_page(
        templates, url, meta, "document.md.j2", doc=_head(doc), doc_date=human_date(doc.date),
        contents=contents, paragraph_count=sum(c.count for c in contents), version_count=len(versions),
        versions_url=versions_url(doc.slug), full_text_url=full_text_url(doc.slug), summarised=summarised,
        paragraphs=paragraphs_markdown(inline, url, context, footnotes.get(url)),
        positions=Md(positions_note(inline)),
        removed=removed.get(url, ()), footnotes=_footnote_block(footnotes.get(url)))


def document_pages(site: SiteData, templates: Templates, cache: BuildCache | None = None
                   ) -> tuple[Page, ...]:
    """Return every document's overview page and its section pages, in site order (each
    document's kept in ``cache``)."""
    removed: dict[str, list] = {}
    for url, notices in removed_on_page(site).items():
        removed.setdefault(url.partition("/")[0], []).append((url, notices))
    versions = site.versions
    pages: list[Page] = []
    for doc in site.documents:
        pages += cached(cache, ("document pages", doc.slug), pages_of_document, templates, doc,
                        site.document_facts[doc.slug], site.sections_of[doc.slug],
                        tuple(removed.get(doc.slug, ())), site.link_context, versions.get(doc.slug, ()),
                        _summarised(site, doc))
    return tuple(pages)


def _summarised(site: SiteData, doc: Document) -> Document | None:
    """Return the head of the published document ``doc`` summarises (its sidecar's
    ``summary_of``), None when it names none or one not published."""
    target = site.document.get(doc.summary_of) if doc.summary_of else None
    return _head(target) if target is not None else None


def pages_of_document(templates: Templates, doc: Document, facts: DocumentFacts,
                      sections: tuple[PlacedSection, ...],
                      removed: tuple[tuple[str, tuple[RemovedView, ...]], ...],
                      context: LinkContext, versions: tuple[Version, ...] = (),
                      summarised: Document | None = None) -> tuple[Page, ...]:
    """Return a document's overview page and its section pages: a function of the document,
    its facts and sections, the notices of removed paragraphs on its pages ((URL, notices)
    each), the link context, its versions and the templates, and of nothing else."""
    by_section: dict[str, list[ParagraphFacts]] = {}
    for p in facts.paragraphs:
        by_section.setdefault(p.section, []).append(p)
    paragraphs = {section: tuple(found) for section, found in by_section.items()}
    topics = {section: topic_ids for section, _, _, topic_ids in facts.sections}
    footnotes = footnotes_by_page(doc, sections, facts.paragraphs)
    notices = dict(removed)
    pages = [document_page(templates, doc, sections, paragraphs, context, footnotes, notices, versions,
                           summarised)]
    own = tuple(s for s in sections if s.url != f"{doc.slug}/")
    for i, placed in enumerate(own):
        neighbours = (own[i - 1] if i else None, own[i + 1] if i + 1 < len(own) else None)
        pages.append(section_page(templates, doc, placed, neighbours, paragraphs.get(placed.id, ()),
                                  topics.get(placed.id, ()), context, footnotes, notices, versions))
    return tuple(pages)


def withdrawn_pages(site: SiteData, served: set[str], templates: Templates,
                    cache: BuildCache | None = None) -> tuple[Page, ...]:
    """Return a notice page at each URL where removed paragraphs resolve but no page is served.

    A text taken off the site leaves its paragraph links behind: each still
    lands on its last published words.
    """
    pages = []
    for url, notices in sorted(removed_on_page(site).items()):
        if url in served:
            continue
        meta = page_meta("Text withdrawn", "withdrawn")
        pages.append(cached_page(cache, templates, url, meta, "withdrawn.md.j2", removed=notices))
    return tuple(pages)


def home_page(site: SiteData, templates: Templates, cache: BuildCache | None = None) -> Page:
    """Return the home page: documents with their sections, then topics."""
    meta = page_meta("G7 texts", "home")
    docs = tuple(
        (_head(doc), human_date(doc.date), tuple((s, section_heading(doc.sections[s.index]))
                                          for s in site.sections_of[doc.slug] if s.id))
        for doc in site.documents)
    return cached_page(cache, templates, "", meta, "home.md.j2", docs=docs, topics=site.topics,
                     paragraph_total=len(site.paragraphs))
