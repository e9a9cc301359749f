"""Test helpers: the same text laid out the ways texts arrive, and what must not change.

A text's *units* (its title, dateline, headings, paragraph blocks, list items,
footnotes, and the chrome lines around them) are read off a parse of the
original: each unit is the source from its first line up to the next unit's
first line. The layouts then set those same units out differently (one a line,
hard-wrapped with blank lines between), or change only the bytes around them
(CRLF, a byte-order mark, indentation, doubled blank lines, web chrome). A
parser whose rules are general reads every layout as the original.
"""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Callable

from build_tools.model.document import Document
from build_tools.model.ids import Registry
from build_tools.model.source import Sidecar, SourceText
from build_tools.parse.chrome import clean
from build_tools.parse.text import parse_text
from build_tools.read.files import decode_text

WRAP_WIDTH = 72

WEB_CHROME_TOP = (
    "U.S. flag\n\nAn official website of the United States government\nHere’s how you know\n\n"
    "Skip to main content\n\nBreadcrumb\n\n  1. Home\n  2. News\n  3. Statements\n\n"
)
WEB_CHROME_BOTTOM = (
    "\n\nShare this page\nLast Updated: 06/20/2025\nWas this page helpful?\nYes\nNo\n"
)

INDENTS = {"spaces": "    ", "tab": "\t", "no-break spaces": "\u00a0\u00a0"}


def unit_starts(doc: Document) -> list[int]:
    """Return the first source line of every unit the parse found, in order."""
    starts = {r.line for r in doc.removed} | {f.line for f in doc.footnotes}
    starts |= {doc.title_line, doc.dateline_line} - {0}
    for section in doc.sections:
        starts |= {section.line, section.part_line} - {0}
        for paragraph in section.paragraphs:
            starts.add(paragraph.line)
            starts |= {item.line for item in paragraph.items}
    return sorted(starts)


def layout_blocks(text: str, doc: Document) -> list[tuple[bool, str]]:
    """Return the text as (is chrome, block) pairs in order.

    A unit is one block, its source lines joined by single spaces; a run of
    removed lines is one block kept exactly as printed (a breadcrumb's lines
    stay together, as on the page).
    """
    lines = text.split("\n")
    starts = unit_starts(doc)
    removed = {r.line for r in doc.removed}
    blocks: list[tuple[bool, str]] = []
    index = 0
    while index < len(starts):
        start = starts[index]
        if start in removed:
            last = index
            while last + 1 < len(starts) and starts[last + 1] in removed:
                last += 1
            blocks.append((True, "\n".join(lines[start - 1:starts[last]])))
            index = last + 1
            continue
        end = starts[index + 1] if index + 1 < len(starts) else len(lines) + 1
        blocks.append((False, " ".join(clean(line) for line in lines[start - 1:end - 1]
                                       if clean(line))))
        index += 1
    return blocks


def one_unit_per_line(text: str, doc: Document) -> str:
    """Return the text with every unit on one line and no blank line at all."""
    return "\n".join(block for _, block in layout_blocks(text, doc)) + "\n"


def hard_wrapped(text: str, doc: Document, width: int = WRAP_WIDTH) -> str:
    """Return the text wrapped at ``width`` columns, a blank line between units (a PDF or e-mail copy)."""
    out = [block if is_chrome else "\n".join(textwrap.wrap(
        block, width, break_long_words=False, break_on_hyphens=False))
        for is_chrome, block in layout_blocks(text, doc)]
    return "\n\n".join(out) + "\n"


def with_crlf(text: str) -> str:
    """Return the text with Windows line endings."""
    return text.replace("\n", "\r\n")


def indented(text: str, indent: str) -> str:
    """Return the text with every non-blank line indented by ``indent``."""
    return "\n".join(indent + line if line.strip() else line for line in text.split("\n"))


def doubled_blank_lines(text: str) -> str:
    """Return the text with every blank line doubled."""
    out: list[str] = []
    for line in text.split("\n"):
        out.append(line)
        if not line.strip():
            out.append(line)
    return "\n".join(out)


def with_web_chrome(text: str) -> str:
    """Return the text with a government banner and breadcrumb above it and page widgets below."""
    return WEB_CHROME_TOP + text.rstrip("\n") + WEB_CHROME_BOTTOM


def as_read(data: bytes, path: Path) -> SourceText:
    """Return the SourceText the read stage makes of a file's bytes (BOM, CRLF handled there)."""
    return SourceText(path=path, slug=path.stem, text=decode_text(data, path), sidecar=Sidecar())


def parse_bytes(data: bytes, path: Path) -> Document:
    """Return the Document parsed from a file's bytes as the build would read them."""
    return parse_text(as_read(data, path))


def normalised(text: str | None) -> str | None:
    """Return text with whitespace runs (NBSP included) made single spaces."""
    return None if text is None else " ".join(text.split())


def structure_of(doc: Document) -> dict:
    """Return what a layout must not change: metadata, sections, labels, texts, items, footnotes.

    Line numbers and removed chrome are left out: they are where the layout
    put things, not what the text says.
    """
    return {
        "title": normalised(doc.title), "title_printed": doc.title_printed, "date": doc.date,
        "place": doc.place, "dateline": normalised(doc.dateline), "numbering": doc.numbering,
        "sections": [
            {"part": normalised(s.part), "part_printed": s.part_printed,
             "title": normalised(s.title), "subtitle": normalised(s.subtitle),
             "heading_number": s.heading_number,
             "paragraphs": [
                 (p.label, p.numbered, p.number_text, normalised(p.text), p.footnote_refs,
                  [(i.marker, normalised(i.text)) for i in p.items])
                 for p in s.paragraphs]}
            for s in doc.sections],
        "footnotes": [(f.marker, normalised(f.text)) for f in doc.footnotes],
    }


def ids_of(doc: Document, registry: Registry = Registry()) -> list[str]:
    """Return the paragraph ids the identify stage gives the document, in order."""
    from build_tools.identify.paragraph_ids import identify

    return [p.id for p in identify((doc,), registry, "2026-01-15").paragraphs]


Layout = Callable[[str, Document], str]

LAYOUTS: dict[str, Layout] = {
    "one unit per line": one_unit_per_line,
    "hard-wrapped at 72": hard_wrapped,
    "CRLF": lambda text, doc: with_crlf(text),
    "doubled blank lines": lambda text, doc: doubled_blank_lines(text),
    "web chrome": lambda text, doc: with_web_chrome(text),
    **{f"indented by {name}": (lambda indent: lambda text, doc: indented(text, indent))(indent)
       for name, indent in INDENTS.items()},
}
"""Every layout of the issue, by name; the byte-order mark is added when the bytes are made."""
