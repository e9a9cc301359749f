"""``python -m build_tools outline FILE...``: a text's structure at a glance.

For a maintainer checking a new or corrected text in seconds: title, date and
place (and where each comes from); each section with its paragraphs' labels
and first words, their list items and further blocks; the footnotes; the
chrome removed; the sidecar's statements; and the shapes that usually mean a
misread. Nothing is written anywhere.
"""

from __future__ import annotations

from pathlib import Path

from build_tools.model.document import Document, Item, Paragraph, Section, label_wording
from build_tools.parse.chrome import parse_dateline
from build_tools.parse.misreads import misread_findings
from build_tools.parse.text import parse_text
from build_tools.read.texts import read_source_text

FIRST_WORDS = 10
ITEM_WORDS = 8
LEGEND = ("labels: ¶ 4 a number the text prints; ¶ [3] a position (the text prints no "
          "number there); + a further block of the same paragraph")


def first_words(text: str, count: int) -> str:
    """Return the first ``count`` words of a text, with '…' when there are more."""
    words = text.split()
    return " ".join(words[:count]) + (" …" if len(words) > count else "")


def label_of(paragraph: Paragraph) -> str:
    """Return a paragraph's label as the outline shows it: '¶ 4' printed, '¶ [3]' a position."""
    return label_wording(paragraph.label, paragraph.numbered, short=True)


def heading_of(section: Section) -> str:
    """Return a section's heading as one line: 'Part › 1. Title — Subtitle'."""
    if section.title is None:
        return "(untitled)"
    title = " ".join(filter(None, [section.heading_number, section.title]))
    if section.subtitle:
        title += f" — {section.subtitle}"
    return f"{section.part} › {title}" if section.part else title


def _item_line(item: Item) -> str:
    if not item.marker:
        return f"+ {first_words(item.text, FIRST_WORDS)}"
    return f"{item.marker} {first_words(item.text, ITEM_WORDS)}"


def _fact(value: str | None, printed: bool, line: int, elsewhere: str = "sidecar") -> str:
    """Return a document fact and where it comes from."""
    if value is None:
        return "—"
    return f"{value}  (printed, line {line})" if printed else f"{value}  ({elsewhere})"


def outline_lines(doc: Document) -> list[str]:
    """Return the outline of a parsed document, one line each."""
    # A web page's publication stamp is removed as chrome, but its date is still printed there.
    stamp = next((r.text for r in doc.removed if r.line == doc.dateline_line), None) if doc.dateline_line else None
    dateline = doc.dateline or stamp
    printed_date, printed_place = (parse_dateline(dateline) if dateline else None) or (None, None)
    lines = [
        str(doc.path),
        f"  title      {_fact(doc.title, doc.title_printed, doc.title_line, 'sidecar or file name')}",
        f"  date       {_fact(doc.date, doc.date == printed_date, doc.dateline_line)}",
        f"  place      {_fact(doc.place, doc.place == printed_place, doc.dateline_line)}",
        f"  numbering  {doc.numbering}",
        f"  {LEGEND}",
    ]
    for section in doc.sections:
        lines.append(f"  § {heading_of(section)}  (line {section.line})")
        for paragraph in section.paragraphs:
            refs = "".join(f" [{marker}]" for marker in paragraph.footnote_refs)
            lines.append(f"      {label_of(paragraph):<9}{refs} "
                         f"{first_words(paragraph.text, FIRST_WORDS)}  (line {paragraph.line})")
            lines += [f"{'':16}{_item_line(item)}" for item in paragraph.items]
    if doc.footnotes:
        lines.append("  footnotes")
        lines += [f"      {f.marker}  {first_words(f.text, FIRST_WORDS)}  (line {f.line})"
                  for f in doc.footnotes]
    if doc.removed:
        lines.append(f"  removed ({len(doc.removed)} lines)")
        lines += [f"      line {r.line}: {r.reason}: {first_words(r.text, ITEM_WORDS)}"
                  for r in doc.removed]
    if doc.applied_overrides:
        lines.append("  sidecar")
        lines += [f"      {note}" for note in doc.applied_overrides]
    findings = misread_findings(doc)
    lines.append(f"  findings ({len(findings)})")
    lines += [f"      {finding}" for finding in findings]
    return lines


def run_outline(paths: list[Path]) -> int:
    """Print the outline of each text (with its sidecar when one lies beside it); return 0."""
    for index, path in enumerate(paths):
        if index:
            print()
        print("\n".join(outline_lines(parse_text(read_source_text(path)))))
    return 0
