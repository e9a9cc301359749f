"""Stage 2, parse: a raw text → a Document of sections, paragraphs, items and footnotes.

Pure: ``parse_text`` reads only the SourceText it is given. Everything it drops
(web chrome, rules) is listed in ``Document.removed``, so that the source minus
the removed lines is exactly the parsed content.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from build_tools.chrome import clean, find_chrome, split_footnotes
from build_tools.errors import BuildError
from build_tools.headings import (
    PARAGRAPH_NUMBER_RE, ItemLine, Line, ParagraphLine, SectionGroup, classify, group_sections, is_heading_like,
    normalise, slice_words, split_heading_number, title_subtitle_split,
)
from build_tools.model import (
    Document, HeadingSplit, Item, Paragraph, RemovedLine, Section, SourceText,
)

class ParseError(BuildError):
    """A text that cannot be parsed, or a sidecar statement that does not fit it."""


@dataclass(frozen=True)
class FrontMatter:
    """What the first lines of a text state: title and dateline."""

    title: str | None = None
    title_line: int = 0
    dateline: str | None = None
    dateline_line: int = 0
    date: str | None = None
    place: str | None = None
    consumed: int = 0
    """How many body lines the title and dateline take."""


def parse_text(source: SourceText) -> Document:
    """Return the Document of a source text; raise ParseError when it holds no text."""
    lines = source.text.split("\n")
    if not any(clean(line) for line in lines):
        raise ParseError(source.path, 1, "file is empty")
    chrome = find_chrome(lines)
    removed = [RemovedLine(i + 1, clean(lines[i]), reason) for i, reason in sorted(chrome.items())]
    body = [Line(i + 1, clean(text)) for i, text in enumerate(lines)
            if i not in chrome and clean(text)]
    if not body:
        raise ParseError(source.path, 1, "no text after removing web chrome")
    body, footnotes, rules = split_footnotes(body)
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


def read_front_matter(body: list[Line], sidecar_title: str | None) -> FrontMatter:
    """Return the printed title and dateline at the top of the body, if any.

    The first line is the title when it is shaped like a heading and something
    follows it; when a sidecar states a different title and a plain paragraph
    follows, the line is taken as the first heading instead.
    """
    first = body[0]
    following = body[1] if len(body) > 1 else None
    dated = parse_dateline(first.text)
    if dated:
        return FrontMatter(dateline=first.text, dateline_line=first.number,
                           date=dated[0], place=dated[1], consumed=1)
    if following is None or not _is_title(first.text, following.text, sidecar_title):
        return FrontMatter()
    dated = parse_dateline(following.text)
    if not dated:
        return FrontMatter(title=first.text, title_line=first.number, consumed=1)
    return FrontMatter(title=first.text, title_line=first.number, dateline=following.text,
                       dateline_line=following.number, date=dated[0], place=dated[1],
                       consumed=2)


def _is_title(text: str, following: str, sidecar_title: str | None) -> bool:
    """Return True when a first line reads as the document's title."""
    if not is_heading_like(text) or PARAGRAPH_NUMBER_RE.match(text) or split_heading_number(text)[0]:
        return False
    if sidecar_title is None or normalise(sidecar_title) == normalise(text):
        return True
    return bool(parse_dateline(following) or is_heading_like(following))


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
            part_printed=part_printed,
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
    """Return 'per-section' when numbers restart at 1 after a heading, else 'continuous' or 'none'."""
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


# ----------------------------------------------------------------- datelines

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October"
          r"|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?")
_DASH = r"\s*[-–—]\s*"
_ORD = r"(?:st|nd|rd|th)?"
_DAY_MONTH_YEAR = (
    rf"(?:\d{{1,2}}{_ORD}(?:\s+{_MONTH})?(?:\s+\d{{4}})?{_DASH})?"
    rf"(?P<d1>\d{{1,2}}){_ORD}\s+(?P<m1>{_MONTH}),?\s+(?P<y1>\d{{4}})"
)
_MONTH_DAY_YEAR = (
    rf"(?P<m2>{_MONTH})\s+(?:\d{{1,2}}{_ORD}(?:,?\s+\d{{4}})?{_DASH}(?:{_MONTH}\s+)?)?"
    rf"(?P<d2>\d{{1,2}}){_ORD},?\s+(?P<y2>\d{{4}})"
)
_ISO = r"(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2})"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+"
DATELINE_RE = re.compile(
    r"^(?:(?:Release|Publication|Issue)?\s*Date|Published|Issued|Released|Dated)?\s*:?\s*"
    rf"(?:(?P<place>[^\d:]{{2,80}}?)\s*(?:,|{_DASH})\s*)?(?:{_WEEKDAY})?"
    rf"(?:{_DAY_MONTH_YEAR}|{_MONTH_DAY_YEAR}|{_ISO})\.?$",
    re.IGNORECASE,
)


def parse_dateline(text: str) -> tuple[str, str | None] | None:
    """Return (ISO date, place or None) of a date or place/date line, or None.

    For a range of days ('15-16 November 2022') the date is the last day.
    """
    match = DATELINE_RE.match(text)
    if not match or len(text.split()) > 15:
        return None
    year, month, day = _date_parts(match)
    try:
        iso = datetime.date(year, month, day).isoformat()
    except ValueError:
        return None
    place = match["place"]
    if place and re.fullmatch(_WEEKDAY, place.strip() + " ", re.IGNORECASE):
        place = None
    return iso, place.strip() if place else None


def _date_parts(match: re.Match[str]) -> tuple[int, int, int]:
    """Return (year, month, day) from whichever date form matched."""
    if match["d1"]:
        return int(match["y1"]), _MONTHS[match["m1"][:3].lower()], int(match["d1"])
    if match["d2"]:
        return int(match["y2"]), _MONTHS[match["m2"][:3].lower()], int(match["d2"])
    return int(match["y3"]), int(match["m3"]), int(match["d3"])
