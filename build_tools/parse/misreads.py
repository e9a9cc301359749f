"""Shapes of a parsed text that usually mean it was misread, as findings that do not fail.

The build prints them and ``check`` lists them, each with ``file:line``, so that
a maintainer looks at the text before readers cite it: printed numbers that
skip or repeat, a number that looks like a year, a paragraph over 600 words, a
document read as one paragraph whose list items each hold several sentences, a
heading over 20 words.
"""

from __future__ import annotations

import re

from build_tools.errors import Finding
from build_tools.model.document import Document, Paragraph
from build_tools.parse.items import MIN_SENTENCES, count_sentences
from build_tools.parse.numbers import looks_like_year

MAX_PARAGRAPH_WORDS = 600
MAX_HEADING_WORDS = 20

_YEAR_FIRST = re.compile(r"^(\d{4})[.,]\s")


def misread_findings(doc: Document) -> list[Finding]:
    """Return every misread-shape finding of a document, in order of kind."""
    return (numbering_findings(doc) + year_findings(doc) + long_paragraph_findings(doc)
            + single_paragraph_findings(doc) + long_heading_findings(doc))


def _finding(doc: Document, line: int, message: str) -> Finding:
    return Finding(str(doc.path), line, message, fails=False)


def printed_value(paragraph: Paragraph) -> int | None:
    """Return the number a numbered paragraph prints, or None."""
    digits = re.search(r"\d+", paragraph.number_text)
    return int(digits.group()) if paragraph.numbered and digits else None


def numbering_findings(doc: Document) -> list[Finding]:
    """Return a finding for each printed number that does not follow the one before it.

    Numbers restart at 1 in each section of a text numbered per section.
    """
    findings = []
    previous: int | None = None
    for section in doc.sections:
        if doc.numbering == "per-section":
            previous = None
        where = f"section {section.title!r}" if section.title else "the text"
        for paragraph in section.paragraphs:
            number = printed_value(paragraph)
            if number is None:
                continue
            expected = 1 if previous is None else previous + 1
            if number == previous:
                findings.append(_finding(doc, paragraph.line, (
                    f"paragraph {number} repeats {previous} in {where} "
                    f"(labelled {paragraph.label!r})")))
            elif number != expected:
                after = f"follows {previous}" if previous is not None else "comes first"
                findings.append(_finding(doc, paragraph.line, (
                    f"paragraph {number} {after} in {where}: {expected} expected")))
            previous = number
    return findings


def year_findings(doc: Document) -> list[Finding]:
    """Return a finding for a printed number that looks like a year, and for a paragraph
    or block that opens with a year: a line break inside a sentence read as a break."""
    findings = []
    for section in doc.sections:
        for paragraph in section.paragraphs:
            number = printed_value(paragraph)
            if number is not None and looks_like_year(number):
                findings.append(_finding(doc, paragraph.line, (
                    f"paragraph number {number} looks like a year: is it part of a sentence?")))
            blocks = [(paragraph.line, paragraph.text)] + [
                (item.line, item.text) for item in paragraph.items if not item.marker]
            for line, text in blocks:
                match = _YEAR_FIRST.match(text)
                if match and looks_like_year(int(match[1])):
                    findings.append(_finding(doc, line, (
                        f"a block opens with the year {match[1]}: does a sentence go on "
                        f"from the line before?")))
    return findings


def paragraph_words(paragraph: Paragraph) -> int:
    """Return how many words a paragraph holds, items included."""
    return len(paragraph.text.split()) + sum(len(item.text.split()) for item in paragraph.items)


def long_paragraph_findings(doc: Document) -> list[Finding]:
    """Return a finding for each paragraph of more than MAX_PARAGRAPH_WORDS words."""
    return [_finding(doc, p.line, (f"paragraph {p.label} holds {paragraph_words(p)} words "
                                   f"(more than {MAX_PARAGRAPH_WORDS}): are several read as one?"))
            for section in doc.sections for p in section.paragraphs
            if paragraph_words(p) > MAX_PARAGRAPH_WORDS]


def single_paragraph_findings(doc: Document) -> list[Finding]:
    """Return a finding when the whole document is one paragraph whose list items each
    hold several sentences (a statement of bullets read as one list)."""
    paragraphs = [p for section in doc.sections for p in section.paragraphs]
    if len(paragraphs) != 1:
        return []
    items = [item for item in paragraphs[0].items if item.marker]
    if len(items) < 2 or any(count_sentences(item.text) < MIN_SENTENCES for item in items):
        return []
    return [_finding(doc, paragraphs[0].line, (
        f"the document is read as one paragraph whose {len(items)} list items each hold "
        f"several sentences: is each item a paragraph?"))]


def long_heading_findings(doc: Document) -> list[Finding]:
    """Return a finding for each part, title or subtitle of more than MAX_HEADING_WORDS words."""
    findings = []
    reported: set[tuple[int, str]] = set()
    for section in doc.sections:
        for line, what, heading in ((section.part_line, "part", section.part),
                                    (section.line, "heading", section.title),
                                    (section.line, "subtitle", section.subtitle)):
            words = len(heading.split()) if heading else 0
            if words > MAX_HEADING_WORDS and (line, heading or "") not in reported:
                reported.add((line, heading or ""))
                findings.append(_finding(doc, line, (
                    f"{what} of {words} words (more than {MAX_HEADING_WORDS}): "
                    f"is it a paragraph? {heading[:60]!r}")))
    return findings
