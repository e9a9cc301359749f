"""A raw text → a Document of sections, paragraphs, items and footnotes.

Pure: ``parse_text`` reads only the SourceText it is given. Everything it drops
(web chrome, rules) is listed in ``Document.removed``, so that the source minus
the removed lines is exactly the parsed content.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from build_tools.errors import BuildError
from build_tools.model.document import Document, Item, Paragraph, RemovedLine, Section
from build_tools.model.source import HeadingSplit, SourceText
from build_tools.parse.chrome import (FrontMatter, clean, find_chrome, read_front_matter,
                                      split_footnotes)
from build_tools.parse.headings import (FOOTNOTE_RE, MAX_HEADING_WORDS, MAX_NUMBERED_HEADING_WORDS,
                                        Entry, HeadingLine, ItemLine, Line, ParagraphLine,
                                        SectionGroup, group_sections, is_heading_like, is_list_item,
                                        normalise, slice_words, split_heading_number,
                                        title_subtitle_split)
from build_tools.parse.items import bullets_are_paragraphs, item_of
from build_tools.parse.numbers import (NumberSequence, NumberShape, number_shape, position_label,
                                       printed_label)
from build_tools.parse.unwrap import join_wrapped_lines, starts_lowercase
from build_tools.read.sidecars import SIDECAR_KEYS


class ParseError(BuildError):
    """A text that cannot be parsed, or a sidecar statement that does not fit it."""


def parse_text(source: SourceText) -> Document:
    """Return the Document of a source text; raise ParseError when it holds no text."""
    lines = source.text.split("\n")
    if not any(clean(line) for line in lines):
        raise ParseError(source.path, 1, "file is empty")
    chrome = find_chrome(lines)
    removed = [RemovedLine(i + 1, clean(lines[i]), reason) for i, reason in sorted(chrome.items())]
    body = join_wrapped_lines(body_lines(lines, chrome))
    body, footnotes, rules = split_footnotes(body)
    if not body:
        raise ParseError(source.path, 1, "no text after removing web chrome")
    removed = sorted(removed + rules, key=lambda r: r.line)
    front = read_front_matter(body, source.sidecar.title)
    if front.stamp:  # the date is the document's; the line is the web page's, not the text's
        removed = sorted(removed + [RemovedLine(front.dateline_line, front.dateline, "web page's publication date")],
                         key=lambda r: r.line)
    entries = classify(body[front.consumed:], {f.marker for f in footnotes})
    if not entries:
        raise ParseError(source.path, body[-1].number, "no text after the title")
    prints_numbers = any(isinstance(e, ParagraphLine) and e.number for e in entries)
    sections, notes = build_sections(group_sections(entries), source, prints_numbers)
    sidecar = source.sidecar
    title, title_printed = front.title, front.title is not None
    if title is None:
        title = sidecar.title or title_from_file_name(source.path.stem)
    return Document(
        slug=source.slug, title=title, path=source.path, title_printed=title_printed,
        date=sidecar.date or front.date, dateline=None if front.stamp else front.dateline,
        place=sidecar.place or front.place, source_url=sidecar.source_url,
        sections=sections, footnotes=tuple(footnotes), removed=tuple(removed),
        numbering=numbering_of(sections), kind=sidecar.kind, meeting_dates=sidecar.meeting_dates,
        about=sidecar.about, summary_of=sidecar.summary_of,
        order=sidecar.order, applied_overrides=tuple(sidecar_notes(source, front) + notes),
        title_line=front.title_line, dateline_line=front.dateline_line,
    )


def body_lines(lines: list[str], chrome: dict[int, str]) -> list[Line]:
    """Return the non-blank lines that are not chrome, each marked when a blank line or
    chrome comes before it."""
    body: list[Line] = []
    after_break, after_chrome = True, False
    for index, raw in enumerate(lines):
        text = clean(raw)
        if index in chrome or not text:
            after_break = True
            after_chrome = after_chrome or index in chrome
            continue
        body.append(Line(index + 1, text, after_break=after_break, after_chrome=after_chrome,
                         width=len(raw.lstrip().rstrip(" \t\r"))))
        after_break = after_chrome = False
    return body


def classify(body: list[Line], footnote_markers: set[str]) -> list[Entry]:
    """Return each unit as a heading, a paragraph (numbered or not) or a list item.

    A line opening with a number is a numbered paragraph only where the
    numbering admits that number (see ``numbers.NumberSequence``).
    """
    entries: list[Entry] = []
    sequence = NumberSequence()
    for index, line in enumerate(body):
        following = body[index + 1].text if index + 1 < len(body) else None
        shape = number_shape(line.text)
        if shape is not None and sequence.admits(shape.value):
            sequence.note(shape.value)
        else:
            shape = None
        item = item_of(line.text, line.number, entries[-1] if entries else None)
        if item:
            entries.append(item)
            continue
        # A long unpunctuated line before a list introduces it; the last line ends the text.
        max_words = (MAX_NUMBERED_HEADING_WORDS if following and is_list_item(following)
                     else MAX_HEADING_WORDS)
        numbered = _numbered_paragraph(line, shape, footnote_markers) if shape else None
        if following is not None and is_heading_like(line.text, max_words):
            number, text = split_heading_number(line.text)
            if number or not numbered:
                entries.append(HeadingLine(line.number, number, text, line.text))
                continue
        entries.append(numbered or ParagraphLine(line.number, "", "", line.text))
    return entries


def _numbered_paragraph(line: Line, shape: NumberShape,
                        footnote_markers: set[str]) -> ParagraphLine:
    """Return the line as a numbered paragraph, its footnote markers read off."""
    text = shape.rest
    refs: list[str] = []
    while (ref := FOOTNOTE_RE.match(text)) and ref["marker"] in footnote_markers:
        refs.append(ref["marker"])
        text = ref["text"]
    return ParagraphLine(line.number, shape.printed, str(shape.value), text, tuple(refs))


def build_sections(groups: list[SectionGroup], source: SourceText, prints_numbers: bool,
                   ) -> tuple[tuple[Section, ...], list[str]]:
    """Return the Sections of the grouped lines, and a note for each sidecar split applied.

    Raise ParseError naming the sidecar line of a heading split that matches no
    heading or does not reproduce the heading's words.
    """
    splits = source.sidecar.heading_splits
    by_heading = {normalise(split.heading): split for split in splits}
    used: set[int] = set()
    sections: list[Section] = []
    notes: list[str] = []
    for group in groups:
        heading = group.heading
        part, part_printed, title, subtitle = group.part, group.part_printed, None, None
        if heading is not None:
            split = (by_heading.get(normalise(heading.printed))
                     or by_heading.get(normalise(heading.text)))
            if split is not None:
                used.add(id(split))
                part, part_printed, title, subtitle = _apply_split(group, split, source)
                same = _split_by_rule(_own_heading(group)) == (title, subtitle)
                notes.append(f"{source.path}:{heading.line}: heading split by sidecar "
                             f"{_sidecar_name(source)}:{split.line}"
                             + (" (a rule splits it the same way: the statement can go)"
                                if same else ""))
            else:
                title, subtitle = _split_by_rule(_own_heading(group))
        first_line = heading.line if heading else group.entries[0].line
        sections.append(Section(
            title=title, subtitle=subtitle, part=part,
            heading_number=heading.number if heading else "",
            paragraphs=build_paragraphs(group.entries, prints_numbers), line=first_line,
            part_printed=part_printed, part_line=group.part_line if part else 0,
        ))
    for split in splits:
        if id(split) not in used:
            raise ParseError(_sidecar_name(source), split.line,
                             f'heading split matches no heading: "{split.heading}"')
    return tuple(sections), notes


def _own_heading(group: SectionGroup) -> str:
    """Return the words of a section's heading that are not its printed part."""
    assert group.heading is not None
    if group.part_printed and group.part:
        return slice_words(group.heading.text, len(group.part.split()))
    return group.heading.text


def _split_by_rule(heading: str) -> tuple[str, str | None]:
    """Return (title, subtitle or None) of a heading by the run-together rule."""
    at = title_subtitle_split(heading)
    if not at:
        return heading, None
    return slice_words(heading, 0, at), slice_words(heading, at)


def _apply_split(group: SectionGroup, split: HeadingSplit, source: SourceText,
                 ) -> tuple[str | None, bool, str, str | None]:
    """Return (part, part printed, title, subtitle) of a heading split as the sidecar says.

    The sidecar's words must be those of the heading after its part, or of the
    whole heading (then the heading has no part); the printed text is kept.
    """
    assert group.heading is not None
    stated = split.title.split() + (split.subtitle.split() if split.subtitle else [])
    own, whole = _own_heading(group), group.heading.text
    if stated == own.split():
        base, part, part_printed = own, group.part, group.part_printed
    elif stated == whole.split():
        base, part, part_printed = whole, None, False
    else:
        raise ParseError(_sidecar_name(source), split.line,
                         f'heading split does not give the words of heading "{normalise(whole)}"')
    at = len(split.title.split())
    return part, part_printed, slice_words(base, 0, at), slice_words(base, at) or None


def _sidecar_name(source: SourceText) -> str:
    """Return the sidecar file's name for messages (the text's own path when there is none)."""
    return str(source.sidecar.path or source.path)


@dataclass
class _Draft:
    """A paragraph being gathered: its first line and what follows it."""

    head: ParagraphLine
    pieces: list[Item] = field(default_factory=list)


def build_paragraphs(entries: list[ParagraphLine | ItemLine],
                     prints_numbers: bool) -> tuple[Paragraph, ...]:
    """Return the paragraphs of a section, each with the items and blocks that belong to it.

    A printed number is the unit of citation: everything up to the next number
    (or heading) belongs to it. Labels: see ``label_paragraphs``.
    """
    drafts = _bullets_as_paragraphs(gather_paragraphs(entries))
    return label_paragraphs(drafts, prints_numbers)


def gather_paragraphs(entries: list[ParagraphLine | ItemLine]) -> list[_Draft]:
    """Return the entries gathered into paragraphs.

    A numbered line opens a paragraph; so does an unnumbered one, unless it
    follows a numbered paragraph (then it is a further block of it: a sentence
    going on after a list, a closing sentence) or starts in lowercase (it goes
    on with the paragraph before). Items belong to the paragraph before them;
    items before any paragraph form one with empty text.
    """
    drafts: list[_Draft] = []
    for entry in entries:
        if isinstance(entry, ItemLine):
            if not drafts:
                drafts.append(_Draft(ParagraphLine(entry.line, "", "", "")))
            drafts[-1].pieces.append(Item(entry.marker, entry.text, entry.line))
        elif entry.number or not drafts:
            drafts.append(_Draft(entry))
        elif drafts[-1].head.number or starts_lowercase(entry.text):
            drafts[-1].pieces.append(Item("", entry.text, entry.line))
        else:
            drafts.append(_Draft(entry))
    return drafts


def _bullets_as_paragraphs(drafts: list[_Draft]) -> list[_Draft]:
    """Return the drafts with each unnumbered list that is really paragraphs split into them."""
    result: list[_Draft] = []
    for draft in drafts:
        pieces = draft.pieces
        if draft.head.number or not bullets_are_paragraphs(
                draft.head.text, [p.marker for p in pieces], [p.text for p in pieces]):
            result.append(draft)
            continue
        if draft.head.text:
            result.append(_Draft(draft.head))
        result += [_Draft(ParagraphLine(p.line, "", "", p.text)) for p in pieces]
    return result


def label_paragraphs(drafts: list[_Draft], prints_numbers: bool) -> tuple[Paragraph, ...]:
    """Return the paragraphs of a section's drafts with labels that never collide.

    A numbered paragraph's label is its printed number ('4bis' when the number
    was printed before in the section); an unnumbered one's is its position
    among the section's unnumbered paragraphs, written 'P1', 'P2' in a text
    that prints numbers so that it cannot be mistaken for one.
    """
    paragraphs: list[Paragraph] = []
    printed: dict[str, int] = {}
    positions = 0
    for draft in drafts:
        head = draft.head
        if head.number:
            printed[head.number] = printed.get(head.number, 0) + 1
            label = printed_label(int(head.number), printed[head.number])
        else:
            positions += 1
            label = position_label(positions, prints_numbers)
        paragraphs.append(Paragraph(
            label=label, numbered=bool(head.number), number_text=head.number_text,
            text=head.text, items=tuple(draft.pieces), footnote_refs=head.footnote_refs,
            line=head.line,
        ))
    return tuple(paragraphs)


def numbering_of(sections: tuple[Section, ...]) -> str:
    """Return 'per-section' if numbers restart at 1 after headings, else 'continuous' or 'none'."""
    starts = [next(p.label for p in section.paragraphs if p.numbered)
              for section in sections if any(p.numbered for p in section.paragraphs)]
    if not starts:
        return "none"
    return "per-section" if "1" in starts[1:] else "continuous"


def title_from_file_name(stem: str) -> str:
    """Return a readable title made from a file name ('g7-x-2024' → 'G7 x 2024')."""
    words = [w.upper() if re.fullmatch(r"[a-z]\d+", w) else w
             for w in re.split(r"[-_\s]+", stem) if w]
    text = " ".join(words)
    return text[:1].upper() + text[1:]


SIDECAR_STATEMENTS = tuple(sorted(SIDECAR_KEYS - {"heading_splits"}))
"""The sidecar keys noted once each (heading splits are noted at their heading)."""


def sidecar_notes(source: SourceText, front: FrontMatter) -> list[str]:
    """Return one build-log note per statement of the text's sidecar, in the sidecar's order.

    A statement of what the text prints itself says so: the rule found it, so
    the statement can go.
    """
    sidecar = source.sidecar
    lines = dict(sidecar.key_lines)
    found = {"title": front.title, "date": front.date, "place": front.place}
    notes: list[tuple[int, str]] = []
    for key in SIDECAR_STATEMENTS:
        stated = getattr(sidecar, key)
        if stated is None or stated == ():
            continue
        where = f"{sidecar.path}:{lines.get(key, 0)}" if sidecar.path else "sidecar"
        if key == "section_topics":
            notes.append((lines.get(key, 0), f"{source.path}: section_topics of {len(stated)} "
                                                f"section(s) from sidecar {where}"))
            continue
        note = f"{source.path}: {key} {stated!r} from sidecar {where}"
        printed = found.get(key)
        if printed is not None and normalise(str(printed)) == normalise(str(stated)):
            note += " (the text states the same: the statement can go)"
        elif printed is not None and key == "title":
            note += f" not used: the text prints its title {printed!r}"
        elif printed is not None:
            note += f" (text states {printed!r})"
        notes.append((lines.get(key, 0), note))
    return [note for _, note in sorted(notes)]
