"""A text's footnotes on its pages: through Python-Markdown's footnotes extension where it
shows them as printed, as plain Markdown paragraphs elsewhere.

A footnote goes to the page of the first paragraph that refers to it; one no
paragraph refers to goes to the document's last page. The extension numbers a page's
footnotes 1, 2, … in the order they are referred to and shows only those numbers, so
it is used on a page whose footnotes are exactly that: printed '1', '2', … in the
order the page refers to them, each referred to once, there. Its ids are the site's
(``fn-<document>-<marker>``, ``fnref-…``: mkdocs.yml sets its separator to '-').
Anywhere else (a marker '*', a footnote no paragraph refers to, numbering that does
not start on this page) each footnote is a paragraph showing its printed marker, with
the same ids, and each reference a link styled as a superscript.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from build_tools.model.document import Document
from build_tools.model.ids import PlacedSection
from build_tools.model.site import ParagraphFacts
from build_tools.render.markdown import attr_value, md_link, md_text
from build_tools.render.urls import md_url

_PLAIN_MARKER = re.compile(r"[A-Za-z0-9]+")


@dataclass(frozen=True)
class PageFootnotes:
    """The footnotes one page shows, and how its paragraphs refer to footnotes."""

    block: str
    """The Markdown of the page's footnotes ('' when it has none)."""
    refs: dict[str, tuple[str, ...]]
    """Paragraph id → the Markdown of its footnote references, in printed order."""


def footnote_key(doc: Document, marker: str) -> str:
    """Return the part of a footnote's ids after 'fn-': '<document>-<marker>', or
    '<document>-n<k>' (its place among the text's footnotes) for a marker such as '*'."""
    if _PLAIN_MARKER.fullmatch(marker):
        return f"{doc.slug}-{marker}"
    place = next(i for i, f in enumerate(doc.footnotes, 1) if f.marker == marker)
    return f"{doc.slug}-n{place}"


def footnotes_by_page(doc: Document, sections: tuple[PlacedSection, ...],
                      paragraphs: tuple[ParagraphFacts, ...]) -> dict[str, PageFootnotes]:
    """Return the footnotes of each page of a document that refers to one or shows one."""
    if not doc.footnotes:
        return {}
    url_of = {s.id: s.url for s in sections}
    home: dict[str, str] = {}
    refs_on: dict[str, list[tuple[str, str]]] = {}
    for p in paragraphs:
        for marker in p.footnote_refs:
            home.setdefault(marker, url_of[p.section])
            refs_on.setdefault(url_of[p.section], []).append((p.id, marker))
    shown: dict[str, list] = {}
    for note in doc.footnotes:
        shown.setdefault(home.get(note.marker, sections[-1].url), []).append(note)
    pages = {}
    for url in sorted(set(shown) | set(refs_on)):
        notes, refs = shown.get(url, []), refs_on.get(url, [])
        if notes and _extension_fits([n.marker for n in notes], [m for _, m in refs]):
            pages[url] = _with_extension(doc, notes, refs)
        else:
            pages[url] = _as_paragraphs(doc, url, notes, refs, home)
    return pages


def _extension_fits(markers: list[str], referred: list[str]) -> bool:
    return referred == markers == [str(n) for n in range(1, len(markers) + 1)]


def _with_extension(doc: Document, notes: list, refs: list[tuple[str, str]]) -> PageFootnotes:
    found: dict[str, list[str]] = {}
    for pid, marker in refs:
        found.setdefault(pid, []).append(f"[^{attr_value(footnote_key(doc, marker))}]")
    block = "\n\n".join(f"[^{attr_value(footnote_key(doc, n.marker))}]: {md_text(n.text)}" for n in notes)
    return PageFootnotes(block, {pid: tuple(r) for pid, r in found.items()})


def _as_paragraphs(doc: Document, url: str, notes: list, refs: list[tuple[str, str]],
                   home: dict[str, str]) -> PageFootnotes:
    found: dict[str, list[str]] = {}
    backlinked: set[str] = set()
    for pid, marker in refs:
        key = attr_value(footnote_key(doc, marker))
        target = md_url(url, f"{home[marker]}#fn-{key}")
        own = f" #fnref-{key}" if marker not in backlinked and home[marker] == url else ""
        backlinked.add(marker)
        found.setdefault(pid, []).append(md_link(marker, target, f"{own.strip()} .fn-ref".strip()))
    blocks = []
    for note in notes:
        key = attr_value(footnote_key(doc, note.marker))
        back = (" " + md_link("↩", f"#fnref-{key}", '.fn-back aria-label="Back to the text"')
                if note.marker in backlinked else "")
        blocks.append(f"{md_text(note.marker)} {md_text(note.text)}{back}\n{{ #fn-{key} .footnote }}")
    block = ('<aside markdown class="footnotes" aria-label="Footnotes">\n'
             + "\n\n".join(blocks) + "\n</aside>") if blocks else ""
    return PageFootnotes(block, {pid: tuple(r) for pid, r in found.items()})
