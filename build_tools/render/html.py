"""Source text → HTML: escaped as data, with links placed on exact character spans."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from markupsafe import Markup


@dataclass(frozen=True)
class Span:
    """A link to place over ``text[start:end]``."""

    start: int
    end: int
    href: str
    css_class: str
    title: str = ""
    """Name of the target (the glossary entry's); the popover gives it to readers."""
    data_term: str = ""
    """Glossary id, so the popover can find the definition on the page."""


@dataclass(frozen=True)
class Anchor:
    """An element with an id wrapped around ``text[start:end]`` (a commitment sentence)."""

    start: int
    end: int
    id: str
    css_class: str


def anchored_text_html(text: str, spans: tuple[Span, ...], anchors: tuple[Anchor, ...]) -> Markup:
    """Return ``text`` escaped, with anchors wrapped around their ranges and links inside.

    A link that would cross an anchor's edge is left out rather than nested wrongly.
    """
    if not anchors:
        return text_html(text, spans)
    edges = sorted({0, len(text), *(a.start for a in anchors), *(a.end for a in anchors)})
    by_start = {a.start: a for a in anchors}
    out: list[str] = []
    for start, end in zip(edges, edges[1:]):
        inside = tuple(Span(s.start - start, s.end - start, s.href, s.css_class, s.title, s.data_term)
                       for s in spans if s.start >= start and s.end <= end)
        piece = text_html(text[start:end], inside)
        anchor = by_start.get(start)
        if anchor is not None and anchor.end == end:
            css = f' class="{escape(anchor.css_class)}"' if anchor.css_class else ""
            piece = Markup(f'<span{css} id="{escape(anchor.id)}">{piece}</span>')
        out.append(piece)
    return Markup("".join(out))


def text_html(text: str, spans: tuple[Span, ...] = ()) -> Markup:
    """Return ``text`` HTML-escaped, with each span wrapped in a link.

    Spans must not overlap; they are placed on the text itself, so a link can
    never land inside another link, a heading or a label.
    """
    out: list[str] = []
    cursor = 0
    for span in sorted(spans, key=lambda s: s.start):
        if span.start < cursor:
            raise ValueError(f"overlapping link spans at {span.start}")
        out.append(escape(text[cursor:span.start]))
        attrs = f' class="{escape(span.css_class)}" href="{escape(span.href)}"'
        if span.data_term:
            attrs += f' data-term="{escape(span.data_term)}"'
        out.append(f"<a{attrs}>{escape(text[span.start:span.end])}</a>")
        cursor = span.end
    out.append(escape(text[cursor:]))
    return Markup("".join(out))
