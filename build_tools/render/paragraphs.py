"""Paragraphs as Markdown: each paragraph's inputs resolved to plain values, then written
as whole Markdown blocks.

``paragraph_view`` resolves everything a paragraph's Markdown depends on (its text,
id and label, glossary links, commitment anchors, history, topic and related links,
all relative to the page) into a ``ParagraphView``; ``paragraph_markdown`` writes it.
A paragraph's Markdown is a function of its facts, the page and the site-wide link
context, and of nothing else.

The form (see "The page format" in the README):

- a paragraph of one block is one Markdown paragraph carrying its id, class and label
  in an attribute list: ``[¶ 4](#id){ .para-label } text…`` then ``{ #id .para
  data-label="4" }``;
- a paragraph holding a list or further blocks is the one wrapper,
  ``<div markdown class="para" id=… data-label=…>``, around its lead-in, its list
  (``- item``; an item whose marker is printed keeps it in its text and says so in
  ``data-marker``) and its further blocks, each a Markdown paragraph;
- glossary and cross-document links are Markdown links to ``.md`` files;
- a commitment sentence is ``<span id="<id>.s2">…</span>``: the one place Markdown has
  no form for an id on a run of text;
- its earlier texts (amended) follow in a ``<details markdown>``, its topics and
  related paragraphs in a paragraph of class ``para-links``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from build_tools.model.document import label_wording
from build_tools.model.versions import Version, entry_document, versions_url
from build_tools.model.notes import Commitment, ParagraphNotes
from build_tools.model.site import LinkContext, ParagraphFacts, term_url
from build_tools.render.markdown import attr_text, attr_value, md_link, md_text
from build_tools.render.urls import md_url

BULLETS = frozenset({"-", "•", "*", "–", "—"})
"""Item markers that are bullets, not printed labels."""

SpanKey = tuple[int, int, str, str]
"""(start, end, link target, glossary id) of a term link over ``text[start:end]``."""
AnchorKey = tuple[int, int, str]
"""(start, end, id) of a commitment sentence ``text[start:end]``."""


class LinkView(NamedTuple):
    url: str
    """A ``.md`` link relative to the page showing it."""
    name: str


@dataclass(frozen=True)
class ItemView:
    marker: str
    text: str
    spans: tuple[SpanKey, ...] = ()


@dataclass(frozen=True)
class ParagraphView:
    """Everything one paragraph's Markdown depends on, as plain values."""

    id: str
    label: str
    numbered: bool
    """The label is a number the source prints (its class says so: ``src``)."""
    text: str
    spans: tuple[SpanKey, ...]
    anchors: tuple[AnchorKey, ...]
    items: tuple[ItemView, ...]
    footnote_refs: tuple[str, ...]
    """The Markdown of each footnote reference (see ``render.footnotes``)."""
    amended: str = ""
    """ISO date of the last amendment (data: the paragraph's data-amended)."""
    amended_name: str = ""
    """The version of the last amendment as readers see it ('1 March 2026')."""
    history: tuple[tuple[str, str, str, str], ...] = ()
    """(version name, link to the text at that version, event, text), newest first."""
    topics: tuple[LinkView, ...] = ()
    related: tuple[LinkView, ...] = ()


def term_target(context: LinkContext, entry_id: str) -> str:
    """Return where a mention links: the published document it names, else the glossary."""
    document = context.document_of.get(entry_id)
    return f"{document}/" if document else term_url(entry_id)


def term_spans(context: LinkContext, notes: ParagraphNotes, page_url: str
               ) -> dict[int, tuple[SpanKey, ...]]:
    """Return link spans per piece (-1 = text, i = item): the first mention of each entry."""
    if not notes.pieces:
        return {}
    seen: set[str] = set()
    spans: dict[int, list[SpanKey]] = {}
    parts = {(item, start): url for item, start, url in notes.part_links}
    for piece in notes.pieces:
        for mention in piece.mentions:
            entry_id = mention.entry_id
            if entry_id in seen:
                continue
            seen.add(entry_id)
            target = parts.get((piece.item, mention.start)) or term_target(context, entry_id)
            spans.setdefault(piece.item, []).append(
                (mention.start, mention.end, md_url(page_url, target), entry_id))
    return {k: tuple(v) for k, v in spans.items()}


def paragraph_view(context: LinkContext, facts: ParagraphFacts, page_url: str,
                   footnote_refs: tuple[str, ...] = ()) -> ParagraphView:
    """Return the view of one published paragraph, from its facts, on the page at ``page_url``,
    its links resolved in ``context``. Topics its section already lists at the top of the
    page are not repeated."""
    notes = facts.notes
    spans = term_spans(context, notes, page_url)
    amended = amended_name = ""
    history: tuple = ()
    if any(h.event == "amended" for h in facts.history):
        last = next(h for h in reversed(facts.history) if h.event == "amended")
        amended, amended_name = last.date, Version(last.date, last.seq).name
        history = tuple((Version(h.date, h.seq).name,
                         md_url(page_url, versions_url(entry_document(h), Version(h.date, h.seq))),
                         h.event, h.text) for h in reversed(facts.history))
    topic = context.topic
    topics = tuple(LinkView(md_url(page_url, topic[t].url), topic[t].title)
                   for t in notes.topics if t in topic and t not in facts.section_topics)
    return ParagraphView(
        id=facts.id,
        label=facts.label,
        numbered=facts.numbered,
        text=facts.text,
        spans=spans.get(-1, ()),
        anchors=commitment_anchors(notes.commitments),
        items=tuple(ItemView(marker, text, spans.get(i, ())) for i, (marker, text) in enumerate(facts.items)),
        footnote_refs=footnote_refs,
        amended=amended,
        amended_name=amended_name,
        history=history,
        topics=topics,
        related=related_links(facts, page_url),
    )


def related_links(facts: ParagraphFacts, page_url: str) -> tuple[LinkView, ...]:
    """Return the links to a paragraph's related paragraphs, from the page at ``page_url``:
    named 'Ukraine ¶ 4', after the document's short title when it is another document
    ('Apulia Leaders 2024: Ukraine ¶ 4')."""
    return tuple(LinkView(md_url(page_url, t.url),
                          t.name if t.document == facts.document else f"{t.short_title}: {t.name}")
                 for t in facts.related)


def commitment_anchors(commitments: tuple[Commitment, ...]) -> tuple[AnchorKey, ...]:
    """Return an anchor around each commitment sentence ('<paragraph id>.s<n>'), at the
    sentence's place in the paragraph's text as annotation found it."""
    return tuple((c.start, c.end, c.anchor) for c in commitments)


def linked_text(text: str, spans: tuple[SpanKey, ...], first: bool = True, last: bool = True) -> str:
    """Return ``text`` as Markdown, each span a term link (spans sorted, not overlapping);
    ``first``/``last``: the text opens/ends its line (see ``md_text``)."""
    if not spans:
        return md_text(text, first, last)
    out: list[str] = []
    cursor = 0
    for start, end, target, term in spans:
        if start < cursor:
            raise ValueError(f"overlapping link spans at {start}")
        out.append(md_text(text[cursor:start], first and cursor == 0, False))
        out.append(md_link(text[start:end], target, f'.term data-term="{attr_value(term)}"'))
        cursor = end
    out.append(md_text(text[cursor:], False, last))
    return "".join(out)


def anchored_text(text: str, spans: tuple[SpanKey, ...], anchors: tuple[AnchorKey, ...]) -> str:
    """Return ``text`` as Markdown with commitment anchors around their sentences, links
    inside them. A link that would cross an anchor's edge is left out rather than nested
    wrongly."""
    if not anchors:
        return linked_text(text, spans)
    edges = sorted({0, len(text), *(a[0] for a in anchors), *(a[1] for a in anchors)})
    by_start = {a[0]: a for a in anchors}
    out: list[str] = []
    for start, end in zip(edges, edges[1:]):
        inside = tuple((s - start, e - start, href, term) for s, e, href, term in spans
                       if s >= start and e <= end)
        piece = linked_text(text[start:end], inside, start == 0, end == len(text))
        anchor = by_start.get(start)
        if anchor is not None and anchor[1] == end:
            piece = f'<span id="{attr_value(anchor[2])}">{piece}</span>'
        out.append(piece)
    return "".join(out)


def _label_link(view: ParagraphView) -> str:
    pid = attr_value(view.id)
    wording = label_wording(view.label, view.numbered)
    if view.numbered:
        return md_link(f"¶ {view.label}", f"#{pid}",
                       f'.para-label .src aria-label="{attr_text(f"Paragraph {view.label}: permalink")}"')
    return md_link(label_wording(view.label, False, short=True), f"#{pid}",
                   f'.para-label .position aria-label="{attr_text(f"{wording}: permalink")}"')


def _lead(view: ParagraphView) -> str:
    """Return the paragraph's first block: its label, footnote references and text."""
    text = anchored_text(view.text, view.spans, view.anchors)
    return " ".join(filter(None, (_label_link(view), *view.footnote_refs, text)))


def _item(item: ItemView) -> str:
    text = linked_text(item.text, item.spans)
    if item.marker in BULLETS:
        return f"- {text}"
    return f'- {md_text(item.marker)} {text}\n  {{ data-marker="{attr_text(item.marker)}" }}'


def _blocks(items: tuple[ItemView, ...]) -> list[str]:
    """Return the Markdown blocks of a paragraph's further blocks in printed order: each run
    of list items one list, each block of text (an item without marker) a paragraph."""
    blocks: list[str] = []
    run: list[str] = []
    for item in items:
        if item.marker:
            run.append(_item(item))
            continue
        if run:
            blocks.append("\n".join(run))
            run = []
        blocks.append(linked_text(item.text, item.spans))
    if run:
        blocks.append("\n".join(run))
    return blocks


def _history(view: ParagraphView) -> str:
    entries = "\n\n".join(f"{md_link(name, url)}{md_text(f': {event}', start=False)}\n{{ .history-date }}\n\n"
                          f"{md_text(text)}\n{{ .history-text }}" for name, url, event, text in view.history)
    return (f'<details markdown class="para-history">\n<summary>amended {attr_text(view.amended_name)}</summary>'
            f"\n\n{entries}\n\n</details>")


def _links(view: ParagraphView) -> str:
    lines = []
    if view.topics:
        lines.append("**Topics:** " + ", ".join(md_link(v.name, v.url) for v in view.topics))
    if view.related:
        lines.append("**Related:** " + "; ".join(md_link(v.name, v.url) for v in view.related))
    return " ·\n".join(lines) + "\n{ .para-links }"


def paragraph_markdown(view: ParagraphView) -> str:
    """Return the Markdown of a paragraph view: its blocks, separated by blank lines."""
    pid = attr_value(view.id)
    label = attr_text(view.label)
    amended = f' data-amended="{attr_value(view.amended)}"' if view.amended else ""
    if view.items:
        body = "\n\n".join([_lead(view), *_blocks(view.items)])
        blocks = [f'<div markdown class="para" id="{pid}" data-label="{label}"{amended}>\n{body}\n</div>']
    else:
        blocks = [f'{_lead(view)}\n{{ #{pid} .para data-label="{label}"{amended} }}']
    if view.amended:
        blocks.append(_history(view))
    if view.topics or view.related:
        blocks.append(_links(view))
    return "\n\n".join(blocks)


def paragraph_block(facts: ParagraphFacts, page_url: str, context: LinkContext,
                    footnote_refs: tuple[str, ...] = ()) -> str:
    """Return the Markdown of one paragraph, from its facts, on the page at ``page_url``."""
    return paragraph_markdown(paragraph_view(context, facts, page_url, footnote_refs))


POSITIONS_NOTE = ("The original prints no number for some of these paragraphs: ¶ [4] in brackets is "
                  "a paragraph's position, counted by this site, and citations say "
                  "“para. 4 (unnumbered in the original)”.")
"""Said once on a page showing a position label (see ``label_wording``)."""


def positions_note(paragraphs: tuple[ParagraphFacts, ...]) -> str:
    """Return the Markdown of the note on position labels when a paragraph has one, else ''."""
    if all(p.numbered for p in paragraphs):
        return ""
    return f"{md_text(POSITIONS_NOTE)}\n{{ .positions-note }}"
