"""Stage 2, parse: a raw text → a Document of sections, paragraphs, items and footnotes.

Pure: ``parse_text`` reads only the SourceText it is given. Everything it drops
(web chrome, rules) is listed in ``Document.removed``, so that the source minus
the removed lines is exactly the parsed content.
"""

from __future__ import annotations

import re

from build_tools import cache
from build_tools.cache import memoised
from build_tools.chrome import clean, find_chrome, read_front_matter, split_footnotes
from build_tools.errors import BuildError
from build_tools.headings import (
    BULLET_RE, FOOTNOTE_RE, MAX_HEADING_WORDS, MAX_NUMBERED_HEADING_WORDS, PARAGRAPH_NUMBER_RE,
    SUBPOINT_RE, Entry, HeadingLine, ItemLine, Line, ParagraphLine, SectionGroup, group_sections,
    is_heading_like, is_list_item, normalise, slice_words, split_heading_number,
    title_subtitle_split,
)
from build_tools.model import (
    Document, HeadingSplit, Item, Paragraph, RemovedLine, Section, SourceText,
)


class ParseError(BuildError):
    """A text that cannot be parsed, or a sidecar statement that does not fit it."""


@memoised(cache.DOCUMENTS)
def parse_text(source: SourceText) -> Document:
    """Return the Document of a source text; raise ParseError when it holds no text."""
    lines = source.text.split("\n")
    if not any(clean(line) for line in lines):
        raise ParseError(source.path, 1, "file is empty")
    chrome = find_chrome(lines)
    removed = [RemovedLine(i + 1, clean(lines[i]), reason) for i, reason in sorted(chrome.items())]
    body = [Line(i + 1, clean(text)) for i, text in enumerate(lines)
            if i not in chrome and clean(text)]
    body, footnotes, rules = split_footnotes(body)
    if not body:
        raise ParseError(source.path, 1, "no text after removing web chrome")
    removed = sorted(removed + rules, key=lambda r: r.line)
    front = read_front_matter(body, source.sidecar.title)
    entries = classify(body[front.consumed:], {f.marker for f in footnotes})
    if not entries:
        raise ParseError(source.path, body[-1].number, "no text after the title")
    sections, notes = build_sections(group_sections(entries), source)
    sidecar = source.sidecar
    title, title_printed = front.title, front.title is not None
    if title is None:
        title = sidecar.title or title_from_file_name(source.path.stem)
        if sidecar.title:
            notes.append(_sidecar_note(source, "title", sidecar.title))
    for key, found in (("date", front.date), ("place", front.place)):
        stated = getattr(sidecar, key)
        if stated and stated != found:
            notes.append(_sidecar_note(source, key, stated, found))
    return Document(
        slug=source.slug, title=title, path=source.path, title_printed=title_printed,
        date=sidecar.date or front.date, dateline=front.dateline,
        place=sidecar.place or front.place, source_url=sidecar.source_url,
        sections=sections, footnotes=tuple(footnotes), removed=tuple(removed),
        numbering=numbering_of(sections), kind=sidecar.kind, meeting_dates=sidecar.meeting_dates,
        order=sidecar.order, applied_overrides=tuple(notes),
        title_line=front.title_line, dateline_line=front.dateline_line,
    )


def classify(body: list[Line], footnote_markers: set[str]) -> list[Entry]:
    """Return each body line as a heading, a paragraph line or a list item."""
    entries: list[Entry] = []
    for index, line in enumerate(body):
        following = body[index + 1].text if index + 1 < len(body) else None
        item = BULLET_RE.match(line.text) or SUBPOINT_RE.match(line.text)
        if item:
            entries.append(ItemLine(line.number, item["marker"], item["text"]))
            continue
        # A long unpunctuated line before a list introduces it; the last line ends the text.
        max_words = (MAX_NUMBERED_HEADING_WORDS if following and is_list_item(following)
                     else MAX_HEADING_WORDS)
        numbered = _numbered_paragraph(line, footnote_markers)
        if following is not None and is_heading_like(line.text, max_words):
            number, text = split_heading_number(line.text)
            if number or not numbered:
                entries.append(HeadingLine(line.number, number, text, line.text))
                continue
        entries.append(numbered or ParagraphLine(line.number, "", "", line.text))
    return entries


def _numbered_paragraph(line: Line, footnote_markers: set[str]) -> ParagraphLine | None:
    """Return the line as a numbered paragraph ('1. ', '11, ', '24.We', '(3)', '3)'), or None."""
    match = PARAGRAPH_NUMBER_RE.match(line.text)
    if not match:
        return None
    text, punct, spaced = match["text"], match["punct"], bool(match["space"])
    starts_upper = text[0].isupper() or text[0] in "“\"‘'"
    if not spaced and not (punct == "." and starts_upper):
        return None
    if punct == "," and not starts_upper:
        return None
    refs: list[str] = []
    while (ref := FOOTNOTE_RE.match(text)) and ref["marker"] in footnote_markers:
        refs.append(ref["marker"])
        text = ref["text"]
    return ParagraphLine(line.number, match["number"], match["n1"] or match["n2"], text,
                         tuple(refs))


def build_sections(groups: list[SectionGroup], source: SourceText,
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
                notes.append(f"{source.path}:{heading.line}: heading split by sidecar "
                             f"{_sidecar_name(source)}:{split.line}")
            else:
                title, subtitle = _split_by_rule(_own_heading(group))
        first_line = heading.line if heading else group.entries[0].line
        sections.append(Section(
            title=title, subtitle=subtitle, part=part,
            heading_number=heading.number if heading else "",
            paragraphs=build_paragraphs(group.entries), line=first_line,
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


def build_paragraphs(entries: list[ParagraphLine | ItemLine]) -> tuple[Paragraph, ...]:
    """Return the paragraphs of a section, each with the list items that follow it.

    Labels: the printed number; in a section without numbers, the position
    ('1', '2', ...). An unnumbered paragraph in a numbered section takes the
    previous number and a letter ('52a', '52b'), or a letter alone ('a') before
    the first number: such labels cannot collide with printed numbers.
    Items before any paragraph form a paragraph with empty text.
    """
    drafts: list[tuple[ParagraphLine, list[Item]]] = []
    for entry in entries:
        if isinstance(entry, ItemLine):
            if not drafts:
                drafts.append((ParagraphLine(entry.line, "", "", ""), []))
            drafts[-1][1].append(Item(entry.marker, entry.text, entry.line))
        else:
            drafts.append((entry, []))
    numbered_section = any(draft.number for draft, _ in drafts)
    paragraphs: list[Paragraph] = []
    previous, unnumbered = "", 0
    for position, (draft, items) in enumerate(drafts, start=1):
        if draft.number:
            label, previous, unnumbered = draft.number, draft.number, 0
        elif numbered_section:
            unnumbered += 1
            label = previous + _letters(unnumbered)
        else:
            label = str(position)
        paragraphs.append(Paragraph(
            label=label, numbered=bool(draft.number), number_text=draft.number_text,
            text=draft.text, items=tuple(items), footnote_refs=draft.footnote_refs,
            line=draft.line,
        ))
    return tuple(paragraphs)


def _letters(count: int) -> str:
    """Return the count-th letter label: 1 → 'a', 26 → 'z', 27 → 'aa'."""
    letters = ""
    while count:
        count, rest = divmod(count - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


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


def _sidecar_note(source: SourceText, key: str, stated: str, found: str | None = None) -> str:
    """Return the human-readable note of a document value the sidecar supplied."""
    sidecar = source.sidecar
    line = dict(sidecar.key_lines).get(key, 0)
    where = f"{sidecar.path}:{line}" if sidecar.path else "sidecar"
    printed = f" (text states {found!r})" if found else ""
    return f"{source.path}: {key} {stated!r} from sidecar {where}{printed}"
