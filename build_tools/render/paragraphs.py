"""Paragraphs as HTML: each paragraph's inputs resolved to plain values, then joined in Python.

``paragraph_view`` resolves everything a paragraph's HTML depends on (its text,
id and label, glossary links, commitment anchors, history, topic and related
links, all relative to the page) into a ``ParagraphView`` of strings, ints and
tuples; ``_render`` turns a view into HTML with string joins. A paragraph's HTML
is a function of its facts, the page and the site-wide link context, and of
nothing else. Source text is escaped with
``html.escape`` (as ``render.html`` does), every other value with markupsafe's
``escape`` (as Jinja's autoescape does).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape as _escape_value
from typing import NamedTuple

from markupsafe import Markup

from build_tools.model.notes import Commitment, ParagraphNotes
from build_tools.model.site import LinkContext, ParagraphFacts, term_url
from build_tools.render.env import Joined
from build_tools.render.html import AnchorKey, SpanKey, anchored_text, linked_text
from build_tools.render.urls import relative_url

BULLETS = frozenset({"-", "•", "*", "–", "—"})
"""Item markers that are bullets, not printed labels."""


class LinkView(NamedTuple):
    url: str
    """Relative to the page showing the link."""
    name: str


@dataclass(frozen=True)
class ItemView:
    marker: str
    text: str
    spans: tuple[SpanKey, ...] = ()


@dataclass(frozen=True)
class FootnoteRef:
    marker: str
    id: str
    back_id: str


@dataclass(frozen=True)
class ParagraphView:
    """Everything one paragraph's HTML depends on, as plain values."""

    id: str
    label: str
    numbered: bool
    text: str
    spans: tuple[SpanKey, ...]
    anchors: tuple[AnchorKey, ...]
    items: tuple[ItemView, ...]
    footnote_refs: tuple[FootnoteRef, ...]
    amended: str = ""
    history: tuple[tuple[str, str, str], ...] = ()
    """(date, event, text), newest first."""
    topics: tuple[LinkView, ...] = ()
    related: tuple[LinkView, ...] = ()


def footnote_id(document: str, marker: str) -> str:
    """Return the element id of a document's footnote."""
    return f"fn-{document}-{marker}"


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
                (mention.start, mention.end, relative_url(page_url, target), entry_id))
    return {k: tuple(v) for k, v in spans.items()}


def paragraph_view(context: LinkContext, facts: ParagraphFacts, page_url: str) -> ParagraphView:
    """Return the view of one published paragraph, from its facts, on the page at ``page_url``,
    its links resolved in ``context``. Topics its section already lists at the top of the
    page are not repeated.
    """
    notes = facts.notes
    spans = term_spans(context, notes, page_url)
    amended = ""
    history: tuple = ()
    if any(h.event == "amended" for h in facts.history):
        amended = next(h.date for h in reversed(facts.history) if h.event == "amended")
        history = tuple((h.date, h.event, h.text) for h in reversed(facts.history))
    topic = context.topic
    topics = tuple(LinkView(relative_url(page_url, topic[t].url), topic[t].title)
                   for t in notes.topics if t in topic and t not in facts.section_topics)
    return ParagraphView(
        id=facts.id,
        label=facts.label,
        numbered=facts.numbered,
        text=facts.text,
        spans=spans.get(-1, ()),
        anchors=commitment_anchors(notes.commitments),
        items=tuple(ItemView(marker, text, spans.get(i, ())) for i, (marker, text) in enumerate(facts.items)),
        footnote_refs=tuple(FootnoteRef(m, footnote_id(facts.document, m),
                                        f"fnref-{facts.document}-{m}") for m in facts.footnote_refs),
        amended=amended,
        history=history,
        topics=topics,
        related=related_links(facts, page_url),
    )


def related_links(facts: ParagraphFacts, page_url: str) -> tuple[LinkView, ...]:
    """Return the links to a paragraph's related paragraphs, from the page at ``page_url``:
    named 'Ukraine ¶ 4', after the document's short title when it is another document
    ('Apulia Leaders 2024: Ukraine ¶ 4')."""
    return tuple(LinkView(relative_url(page_url, t.url),
                          t.name if t.document == facts.document else f"{t.short_title}: {t.name}")
                 for t in facts.related)


def commitment_anchors(commitments: tuple[Commitment, ...]) -> tuple[AnchorKey, ...]:
    """Return an anchor around each commitment sentence ('<paragraph id>.s<n>'), at the
    sentence's place in the paragraph's text as annotation found it."""
    return tuple((c.start, c.end, c.anchor) for c in commitments)


def _links(views: tuple[LinkView, ...], separator: str) -> str:
    return separator.join(f'<a href="{_escape_value(v.url)}">{_escape_value(v.name)}</a>' for v in views)


def _render(view: ParagraphView) -> Markup:
    """Return the HTML of a paragraph view."""
    pid, label = _escape_value(view.id), _escape_value(view.label)
    out = [
        f'<div class="para{" has-items" if view.items else ""}" id="{pid}" data-label="{label}"',
        f' data-amended="{_escape_value(view.amended)}">\n' if view.amended else ">\n",
        _label_html(view, pid, label), '\n<div class="para-body">\n<p class="para-text">',
    ]
    for ref in view.footnote_refs:
        marker = _escape_value(ref.marker)
        out.append(f'<sup class="fn-ref"><a class="src" id="{_escape_value(ref.back_id)}"'
                   f' href="#{_escape_value(ref.id)}" aria-label="Footnote {marker}">{marker}</a></sup> ')
    out += ['<span class="src">', anchored_text(view.text, view.spans, view.anchors), "</span></p>\n"]
    out += _blocks_html(view.items)
    if view.amended:
        out.append(f'<details class="para-history"><summary>amended {_escape_value(view.amended)}</summary>\n')
        out += [f'<div class="history-entry"><p class="history-date">{_escape_value(date)}: '
                f'{_escape_value(event)}</p><p class="history-text">{_escape_value(text)}</p></div>\n'
                for date, event, text in view.history]
        out.append("</details>\n")
    if view.topics or view.related:
        out.append('<div class="para-links">\n')
        if view.topics:
            out += ['<p class="para-topics"><span class="links-label">Topics:</span> ',
                    _links(view.topics, ", "), "</p>"]
        if view.related:
            out += ['<p class="para-related"><span class="links-label">Related:</span> ',
                    _links(view.related, "; "), "</p>"]
        out.append("</div>\n")
    out.append("</div>\n</div>")
    return Markup("".join(out))


def _label_html(view: ParagraphView, pid: str, label: str) -> str:
    """Return the margin label: printed words marked as source text, so a number printed
    twice shows its printed '4' as source and the 'bis' that tells it apart as ours."""
    printed = _PRINTED_NUMBER.match(view.label).group() if view.numbered else ""
    own = _escape_value(view.label[len(printed):])
    shown = f'<span class="src">{printed}</span>{own}' if printed and own else label
    src = " src" if printed and not own else ""
    return (f'<a class="para-label{src}" href="#{pid}"'
            f' aria-label="Paragraph {label}: permalink">{shown}</a>')


_PRINTED_NUMBER = re.compile(r"\d*")


def _blocks_html(items: tuple[ItemView, ...]) -> list[str]:
    """Return the HTML of a paragraph's further blocks in printed order: each run of list
    items one list, each block of text (an item without marker) its own paragraph."""
    out: list[str] = []
    in_list = False
    for item in items:
        if not item.marker:
            if in_list:
                out.append("</ul>\n")
                in_list = False
            out += ['<p class="para-text para-more"><span class="src">',
                    linked_text(item.text, item.spans), "</span></p>\n"]
            continue
        if not in_list:
            out.append('<ul class="items">\n')
            in_list = True
        marker = _escape_value(item.marker)
        out.append(f'<li data-marker="{marker}">')
        if item.marker not in BULLETS:
            out.append(f'<span class="item-marker src">{marker}</span> ')
        out += ['<span class="src">', linked_text(item.text, item.spans), "</span></li>\n"]
    if in_list:
        out.append("</ul>\n")
    return out


def paragraph_html(facts: ParagraphFacts, page_url: str, context: LinkContext) -> Markup:
    """Return the HTML of one paragraph, from its facts, on the page at ``page_url``."""
    return _render(paragraph_view(context, facts, page_url))


def paragraphs_html(paragraphs: tuple[ParagraphFacts, ...], page_url: str, context: LinkContext) -> Joined:
    """Return the HTML of ``paragraphs`` on the page at ``page_url``, one per line."""
    return Joined(tuple(paragraph_html(p, page_url, context) for p in paragraphs))
