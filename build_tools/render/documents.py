"""Home, document and section pages."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from markupsafe import Markup

from build_tools import cache
from build_tools.model.document import Document, Section
from build_tools.model.ids import PlacedSection
from build_tools.model.site import Page, SiteData, section_heading
from build_tools.render.env import make_page, page_meta, templates_stamp
from build_tools.render.html import linked_text
from build_tools.render.paragraphs import footnote_id, link_context, paragraphs_html


def human_date(iso: str | None) -> str:
    """Return '11 October 2024' for '2024-10-11' ('' when unknown)."""
    if not iso:
        return ""
    try:
        return dt.date.fromisoformat(iso).strftime("%-d %B %Y")
    except ValueError:
        return iso


def document_facts(doc: Document) -> dict[str, str]:
    """Return the front-matter facts every page of a document carries."""
    return {"document": doc.slug, "document_title": doc.title,
            "document_date": human_date(doc.date), "document_place": doc.place or ""}


@dataclass(frozen=True)
class ContentsEntry:
    placed: PlacedSection
    heading: str
    part: str | None
    subtitle: str | None
    count: int


@dataclass(frozen=True)
class FootnoteView:
    id: str
    marker: str
    html: Markup
    back_id: str


@dataclass(frozen=True)
class RemovedView:
    id: str
    label: str
    date: str
    text: str


def footnotes_by_page(site: SiteData, doc: Document) -> dict[str, tuple[FootnoteView, ...]]:
    """Return the footnotes each page of a document shows.

    A footnote goes to the page of the first paragraph that refers to it; one
    no paragraph refers to goes to the document's last page.
    """
    sections = site.sections_of[doc.slug]
    first_ref: dict[str, str] = {}
    for s in sections:
        for p in site.paragraphs_of.get((doc.slug, s.id), ()):
            for marker in p.paragraph.footnote_refs:
                first_ref.setdefault(marker, s.url)
    pages: dict[str, list[FootnoteView]] = {}
    for f in doc.footnotes:
        url = first_ref.get(f.marker, sections[-1].url)
        back = f"fnref-{doc.slug}-{f.marker}" if f.marker in first_ref else ""
        pages.setdefault(url, []).append(
            FootnoteView(footnote_id(doc.slug, f.marker), f.marker, Markup(linked_text(f.text, ())), back))
    return {k: tuple(v) for k, v in pages.items()}


def removed_on_page(site: SiteData) -> dict[str, tuple[RemovedView, ...]]:
    """Return, per page URL, the notices of removed paragraphs that resolve there."""
    pages: dict[str, list[RemovedView]] = {}
    for record in site.registry.paragraphs:
        if record.status != "removed":
            continue
        page, _, _ = record.url.partition("#")
        date = record.history[-1].date if record.history else ""
        pages.setdefault(page, []).append(RemovedView(record.id, record.label, date, record.text))
    return {k: tuple(v) for k, v in pages.items()}


def section_page(site: SiteData, doc: Document, placed: PlacedSection, section: Section,
                 neighbours: tuple[PlacedSection | None, PlacedSection | None],
                 footnotes: dict, removed: dict) -> Page:
    """Return the page of one section: its heading, paragraphs and notices."""
    url = placed.url
    paragraphs = site.paragraphs_of.get((doc.slug, placed.id), ())
    sections = site.document[doc.slug].sections
    part_src = bool(section.part) and (getattr(section, "part_printed", False) or placed.index == 0
                                       or sections[placed.index - 1].part != section.part)
    topic_ids = site.section_topics.get((doc.slug, placed.id), ())
    prev, nxt = neighbours
    meta = page_meta(section_heading(section), "section", **document_facts(doc), section=placed.id,
                     part=section.part or "", previous=_link(site, prev), next=_link(site, nxt))
    return make_page(
        url, meta, "section.md.j2", doc=_head(doc), doc_date=human_date(doc.date), placed=placed,
        section=replace(section, paragraphs=()), heading=section_heading(section), part_src=part_src,
        topics=tuple(site.topic[t] for t in topic_ids if t in site.topic),
        paragraphs=paragraphs_html(site, paragraphs, url),
        removed=removed.get(url, ()), footnotes=footnotes.get(url, ()))


def _head(doc: Document) -> Document:
    """Return the document without its text: what a page template reads of it, and all a
    page's memo key needs to hold."""
    return replace(doc, sections=(), footnotes=(), removed=())


def _link(site: SiteData, placed: PlacedSection | None) -> dict | None:
    if placed is None:
        return None
    section = site.document[placed.document].sections[placed.index]
    return {"url": placed.url, "title": section_heading(section)}


def document_page(site: SiteData, doc: Document, footnotes: dict, removed: dict) -> Page:
    """Return a document's overview page; a text without headings is shown here in full."""
    url = f"{doc.slug}/"
    placed_sections = site.sections_of[doc.slug]
    contents = tuple(
        ContentsEntry(s, section_heading(doc.sections[s.index]), doc.sections[s.index].part,
                      doc.sections[s.index].subtitle,
                      len(site.paragraphs_of.get((doc.slug, s.id), ())))
        for s in placed_sections)
    inline = tuple(p for s in placed_sections if s.url == url
                   for p in site.paragraphs_of.get((doc.slug, s.id), ()))
    first = next((s for s in placed_sections if s.url != url), None)
    meta = page_meta(doc.title, "document", **document_facts(doc), next=_link(site, first))
    return make_page(
        url, meta, "document.md.j2", doc=_head(doc), doc_date=human_date(doc.date), contents=contents,
        paragraph_count=sum(c.count for c in contents),
        paragraphs=paragraphs_html(site, inline, url),
        removed=removed.get(url, ()), footnotes=footnotes.get(url, ()))


def document_pages(site: SiteData) -> tuple[Page, ...]:
    """Return every document's overview page and its section pages, in site order.

    A document's pages are memoised by everything they show: the document, its facts,
    its sections, the notices on its pages, the site-wide link facts and the templates.
    """
    removed: dict[str, list] = {}
    for url, notices in removed_on_page(site).items():
        removed.setdefault(url.partition("/")[0], []).append((url, notices))
    context, stamp = link_context(site), templates_stamp()
    pages: list[Page] = []
    for doc in site.documents:
        key = (doc, site.document_facts[doc.slug], site.sections_of[doc.slug],
               tuple(removed.get(doc.slug, ())), context, stamp)
        pages += _PAGES.get(key, lambda: _pages_of(site, doc, dict(removed.get(doc.slug, ()))))
    return tuple(pages)


def _pages_of(site: SiteData, doc: Document, removed: dict) -> tuple[Page, ...]:
    """Return a document's overview page and its section pages (no memo)."""
    footnotes = footnotes_by_page(site, doc)
    pages = [document_page(site, doc, footnotes, removed)]
    own = tuple(s for s in site.sections_of[doc.slug] if s.url != f"{doc.slug}/")
    for i, placed in enumerate(own):
        neighbours = (own[i - 1] if i else None, own[i + 1] if i + 1 < len(own) else None)
        pages.append(section_page(site, doc, placed, doc.sections[placed.index],
                                  neighbours, footnotes, removed))
    return tuple(pages)


_PAGES = cache.Memo(maxsize=cache.DOCUMENTS)
"""A document's pages by everything they show."""


def withdrawn_pages(site: SiteData, served: set[str]) -> tuple[Page, ...]:
    """Return a notice page at each URL where removed paragraphs resolve but no page is served.

    A text taken off the site leaves its paragraph links behind: each still
    lands on its last published words.
    """
    pages = []
    for url, notices in sorted(removed_on_page(site).items()):
        if url in served:
            continue
        meta = page_meta("Text withdrawn", "withdrawn")
        pages.append(make_page(url, meta, "withdrawn.md.j2", removed=notices))
    return tuple(pages)


def home_page(site: SiteData) -> Page:
    """Return the home page: documents with their sections, then topics."""
    meta = page_meta("G7 texts", "home")
    docs = tuple(
        (_head(doc), human_date(doc.date), tuple((s, section_heading(doc.sections[s.index]))
                                          for s in site.sections_of[doc.slug] if s.id))
        for doc in site.documents)
    return make_page("", meta, "home.md.j2", docs=docs, topics=site.topics,
                     paragraph_total=len(site.paragraphs))
