"""Source text → HTML: escaped as data, with links and anchors placed on exact character spans.

Because links are placed on the text itself, never by searching the markup, a
link can never land inside another link, a heading or a label.
"""

from __future__ import annotations

from html import escape as _escape_text

SpanKey = tuple[int, int, str, str]
"""(start, end, href, glossary id) of a term link over ``text[start:end]``."""
AnchorKey = tuple[int, int, str]
"""(start, end, id) of an element with an id around ``text[start:end]`` (a commitment sentence)."""


def linked_text(text: str, spans: tuple[SpanKey, ...]) -> str:
    """Return ``text`` escaped, each span wrapped in a term link (spans sorted, not overlapping)."""
    if not spans:
        return _escape_text(text)
    out: list[str] = []
    cursor = 0
    for start, end, href, term in spans:
        if start < cursor:
            raise ValueError(f"overlapping link spans at {start}")
        out.append(_escape_text(text[cursor:start]))
        out.append(f'<a class="term" href="{_escape_text(href)}" data-term="{_escape_text(term)}">'
                   f"{_escape_text(text[start:end])}</a>")
        cursor = end
    out.append(_escape_text(text[cursor:]))
    return "".join(out)


def anchored_text(text: str, spans: tuple[SpanKey, ...], anchors: tuple[AnchorKey, ...]) -> str:
    """Return ``text`` escaped with commitment anchors around their sentences, links inside.

    A link that would cross an anchor's edge is left out rather than nested wrongly
    """
    if not anchors:
        return linked_text(text, spans)
    edges = sorted({0, len(text), *(a[0] for a in anchors), *(a[1] for a in anchors)})
    by_start = {a[0]: a for a in anchors}
    out: list[str] = []
    for start, end in zip(edges, edges[1:]):
        inside = tuple((s - start, e - start, href, term) for s, e, href, term in spans
                       if s >= start and e <= end)
        piece = linked_text(text[start:end], inside)
        anchor = by_start.get(start)
        if anchor is not None and anchor[1] == end:
            piece = f'<span id="{_escape_text(anchor[2])}">{piece}</span>'
        out.append(piece)
    return "".join(out)
