"""View models of paragraphs: escaped text with glossary links, items, footnotes."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from build_tools.model import PlacedParagraph
from build_tools.render.html import Anchor, Span, anchored_text_html, text_html
from build_tools.sentences import split_sentences
from build_tools.site_data import SiteData, term_url
from build_tools.urls import relative_url


@dataclass(frozen=True)
class LinkView:
    url: str
    name: str


@dataclass(frozen=True)
class ItemView:
    marker: str
    html: Markup


@dataclass(frozen=True)
class FootnoteRef:
    marker: str
    id: str
    back_id: str


@dataclass(frozen=True)
class ParagraphView:
    """What the paragraph macro needs, all text escaped."""

    id: str
    label: str
    numbered: bool
    text_html: Markup
    items: tuple[ItemView, ...]
    footnote_refs: tuple[FootnoteRef, ...]
    amended: str = ""
    history: tuple = ()
    topics: tuple = ()
    related: tuple[LinkView, ...] = ()

    @property
    def links(self) -> bool:
        return bool(self.topics or self.related)


def footnote_id(document: str, marker: str) -> str:
    """Return the element id of a document's footnote."""
    return f"fn-{document}-{marker}"


def term_target(site: SiteData, entry_id: str) -> str:
    """Return where a mention links: the published document it names, else the glossary."""
    document = site.entry_documents.get(entry_id)
    return f"{document}/" if document else term_url(entry_id)


def term_spans(site: SiteData, placed: PlacedParagraph, page_url: str) -> dict[int, tuple[Span, ...]]:
    """Return link spans per piece (-1 = text, i = item): the first mention of each entry."""
    seen: set[str] = set()
    spans: dict[int, list[Span]] = {}
    notes = site.annotations.for_paragraph(placed.id)
    parts = {(item, start): url for item, start, url in notes.part_links}
    for piece in notes.pieces:
        for mention in piece.mentions:
            if mention.entry_id in seen:
                continue
            seen.add(mention.entry_id)
            entry = site.glossary.by_id[mention.entry_id]
            target = parts.get((piece.item, mention.start)) or term_target(site, entry.id)
            spans.setdefault(piece.item, []).append(Span(
                mention.start, mention.end, relative_url(page_url, target),
                "term", title=entry.name, data_term=entry.id))
    return {k: tuple(v) for k, v in spans.items()}


def paragraph_view(site: SiteData, placed: PlacedParagraph, page_url: str) -> ParagraphView:
    """Return the view model of one published paragraph on the page at ``page_url``.

    Topics its section already lists at the top of the page are not repeated.
    """
    para = placed.paragraph
    spans = term_spans(site, placed, page_url)
    notes = site.annotations.for_paragraph(placed.id)
    record = site.registry_record(placed.id)
    amended = ""
    history: tuple = ()
    if record is not None:
        earlier = tuple(h for h in record.history if h.event == "amended")
        if earlier:
            amended = earlier[-1].date
            history = tuple(reversed(record.history))
    return ParagraphView(
        id=placed.id,
        label=para.label,
        numbered=para.numbered,
        text_html=anchored_text_html(para.text, spans.get(-1, ()),
                                     commitment_anchors(para.text, notes.commitments)),
        items=tuple(ItemView(item.marker, text_html(item.text, spans.get(i, ())))
                    for i, item in enumerate(para.items)),
        footnote_refs=tuple(FootnoteRef(m, footnote_id(placed.document, m),
                                        f"fnref-{placed.document}-{m}") for m in para.footnote_refs),
        amended=amended,
        history=history,
        topics=tuple(site.topic[t] for t in notes.topics
                     if t in site.topic and t not in site.section_topics.get((placed.document, placed.section), ())),
        related=tuple(LinkView(site.paragraph_url(r), related_name(site, r, placed.document))
                      for r in notes.related if r in site.paragraph),
    )


def commitment_anchors(text: str, commitments) -> tuple[Anchor, ...]:
    """Return an anchor around each commitment sentence ('<paragraph id>.s<n>')."""
    if not commitments:
        return ()
    sentences = split_sentences(text)
    return tuple(Anchor(*sentences[c.sentence - 1], c.anchor, "")
                 for c in commitments if c.sentence <= len(sentences))


def related_name(site: SiteData, paragraph_id: str, from_document: str) -> str:
    """Return how a related paragraph is named: 'Ukraine ¶ 4', with its document's
    short title when it is in another document ('Apulia Leaders 2024: Ukraine ¶ 4')."""
    p = site.paragraph[paragraph_id]
    document = site.document[p.document]
    where = site.section_of(p).title or document.title
    name = f"{where} ¶ {p.paragraph.label}"
    if p.document == from_document:
        return name
    return f"{site.short_titles.get(p.document, document.title)}: {name}"
