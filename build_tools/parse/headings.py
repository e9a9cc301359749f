"""Rules for the lines of a text's body: headings, list items, numbers, parts, splits.

The line rules are pure functions of one stripped line; ``group_sections``
groups classified lines under their headings and resolves parts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

MAX_HEADING_WORDS = 25
MAX_HEADING_CHARS = 200
MAX_NUMBERED_HEADING_WORDS = 12
MIN_SHARED_RUN_WORDS = 3

SENTENCE_END = ".;:?!,…"
CLOSERS = "\"'”’»)]"

BULLET_RE = re.compile(r"^(?P<marker>[-•*–—▪●◦·‣○■□➢►])\s+(?P<text>\S.*)$")
# Lettered and roman sub-points: '(a)', 'a)', 'a.', '(iv)', 'iv)', 'iv.', '(A)'.
SUBPOINT_RE = re.compile(
    r"^(?P<marker>\((?:[ivxlc]+|[a-z]|[A-Z])\)|(?:[ivxlc]+|[a-z])[).])\s+(?P<text>\S.*)$"
)
# Numbered sub-points ('(1)', '1)'): items only after a lead-in ending in ':' (see items.py).
NUMBERED_SUBPOINT_RE = re.compile(r"^(?P<marker>\((?P<n1>\d{1,2})\)|(?P<n2>\d{1,2})\))\s+(?P<text>\S.*)$")
PARAGRAPH_NUMBER_RE = re.compile(
    r"^(?P<number>\((?P<n1>\d{1,5})\)|(?P<n2>\d{1,5})(?P<punct>[.,)]))(?P<space>\s*)(?P<text>\S.*)$"
)
FOOTNOTE_RE = re.compile(r"^(?P<marker>\d{1,3}|\*{1,3}|[†‡§])\s+(?P<text>\S.*)$")
HEADING_NUMBER_RE = re.compile(
    r"^(?P<number>(?:[IVXLC]+|[A-Z]|\d{1,2}(?:\.\d{1,2})*)[.)])\s+(?P<text>\S.*)$"
)

# English function words. In a heading they are capitalised only where a title
# starts ('... synthetic drugs From Methamphetamines to ...'), and no sentence
# or heading ends with one ('... adopted on' / '2 March 2022, we ...').
FUNCTION_WORDS = frozenset("""
    a an and or nor but the of for in on to with against from into by at as via per
    vs versus than upon amid between among across through throughout under over
    after before within without beyond about towards toward including its their our
""".split())

# Words after which a capitalised word is ordinary title case, not a new subtitle:
# the function words, and the particles of names ('Banco de la Nación').
CONNECTIVES = FUNCTION_WORDS | frozenset("de del della di du des la le les et y".split())


def is_list_item(text: str) -> bool:
    """Return True when a stripped line starts with a bullet or a sub-point marker."""
    return bool(BULLET_RE.match(text) or SUBPOINT_RE.match(text))


def ends_sentence(text: str) -> bool:
    """Return True when a line ends with sentence punctuation (closing quotes ignored)."""
    core = text.rstrip(CLOSERS).rstrip()
    return bool(core) and core[-1] in SENTENCE_END


def is_heading_like(text: str, max_words: int = MAX_HEADING_WORDS) -> bool:
    """Return True when a stripped line could be a heading or a title by its shape alone."""
    if not text or len(text) > MAX_HEADING_CHARS or len(text.split()) > max_words:
        return False
    if ends_sentence(text) or is_list_item(text):
        return False
    first_letter = next((c for c in text if c.isalpha()), "")
    return first_letter.isupper() or (not first_letter and text[0].isdigit())


def split_heading_number(text: str) -> tuple[str, str]:
    """Return (number as printed, rest) of a numbered heading line, or ('', text)."""
    match = HEADING_NUMBER_RE.match(text)
    if match and is_heading_like(match["text"], MAX_NUMBERED_HEADING_WORDS):
        return match["number"], match["text"]
    return "", text


def is_all_caps(text: str) -> bool:
    """Return True when every letter of the line is uppercase (and there is one)."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def word_spans(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of every whitespace-separated word of a line."""
    return [m.span() for m in re.finditer(r"\S+", text)]


def slice_words(text: str, start: int, end: int | None = None) -> str:
    """Return the words start..end of a line, with the printed spacing between them."""
    spans = word_spans(text)[start:end]
    return text[spans[0][0]:spans[-1][1]] if spans else ""


def normalise(text: str) -> str:
    """Return a line with every whitespace run (NBSP included) made one space."""
    return " ".join(text.split())


def shared_run_length(first: str, second: str) -> int:
    """Return how many leading whole words two headings share, if that makes a part, else 0.

    A shared run is a part only when it has at least MIN_SHARED_RUN_WORDS words
    and leaves at least one word of each heading for its own title.
    """
    a, b = first.split(), second.split()
    shared = 0
    while shared < min(len(a), len(b)) and a[shared] == b[shared]:
        shared += 1
    if shared < MIN_SHARED_RUN_WORDS or shared >= min(len(a), len(b)):
        return 0
    return shared


def title_subtitle_split(heading: str) -> int:
    """Return the word index where a run-together heading's subtitle starts, or 0.

    Only on evidence, at a capitalised word right after a lowercase word that
    is neither a connective nor ends in punctuation, when that word repeats the
    heading's lead word ('Security in ... virtual assets Security perspectives
    ...') or is a function word, which only a title starts with ('... synthetic
    drugs From Methamphetamines ...'). A capitalised name is no evidence:
    'Partnership to support Ukraine's recovery' stays whole.
    """
    words = heading.split()
    for index in range(2, len(words)):
        if not _ends_lowercase_phrase(words[index - 1]):
            continue
        word = words[index]
        if word == words[0] and word[0].isupper():
            return index
        if word.lower() in FUNCTION_WORDS and word[0].isupper() and not word.isupper():
            return index
    return 0


def _ends_lowercase_phrase(word: str) -> bool:
    """Return True for a lowercase word that is not a connective and carries no punctuation."""
    return word[0].islower() and word[-1].isalnum() and word.lower() not in CONNECTIVES


# ------------------------------------------------------ lines and section groups

@dataclass(frozen=True)
class Line:
    """A non-blank body line, or several joined into one (a hard-wrapped paragraph)."""

    number: int
    """The 1-based number of its first source line."""
    text: str
    """The stripped text; joined source lines are separated by one space."""
    end: int = 0
    """The number of its last source line (0: the same as ``number``)."""
    after_break: bool = False
    """True when a blank line or removed chrome comes right before it in the source."""
    after_chrome: bool = False
    """True when removed chrome comes between it and the body line before it."""
    width: int = 0
    """Characters its last source line takes without indentation, trailing no-break
    spaces counted (a wrapping tool counts them)."""

    @property
    def last(self) -> int:
        """Return the number of its last source line."""
        return self.end or self.number


@dataclass(frozen=True)
class HeadingLine:
    """A line read as a heading."""

    line: int
    number: str
    """The heading's printed number ('1.', 'II.'), '' when none."""
    text: str
    """The heading without its number."""
    printed: str
    """The whole line as printed (stripped)."""


@dataclass(frozen=True)
class ParagraphLine:
    """A line read as a paragraph, numbered or not."""

    line: int
    number_text: str
    number: str
    text: str
    footnote_refs: tuple[str, ...] = ()


@dataclass(frozen=True)
class ItemLine:
    """A bullet or sub-point line."""

    line: int
    marker: str
    text: str


Entry = HeadingLine | ParagraphLine | ItemLine


@dataclass
class SectionGroup:
    """A heading (or None for text before any heading) and the lines under it."""

    heading: HeadingLine | None
    part: str | None = None
    part_printed: bool = False
    part_line: int = 0
    entries: list[ParagraphLine | ItemLine] = field(default_factory=list)


def group_sections(entries: list[Entry]) -> list[SectionGroup]:
    """Return the entries grouped under their headings, with part headings resolved.

    A heading directly followed by another heading is a part heading. The part
    covers the next heading's section and every following heading of that
    heading's style, up to the next part heading: when the sub-headings differ
    in style from the part (ALL CAPS under 'Regional issues', '1. Trade' under
    'Part I'), a heading of another style ends the part too. Of three or more
    headings in a row, only the last two form a part and its section; the ones
    before become sections without paragraphs.
    """
    groups: list[SectionGroup] = []
    if entries and not isinstance(entries[0], HeadingLine):
        groups.append(SectionGroup(None))
    part: SectionGroup | None = None
    child_style = heading_style(None)
    index = 0
    while index < len(entries):
        entry = entries[index]
        if not isinstance(entry, HeadingLine):
            groups[-1].entries.append(entry)
            index += 1
            continue
        run = _heading_run(entries, index)
        index += len(run)
        if len(run) >= 2:
            groups.extend(SectionGroup(heading) for heading in run[:-2])
            part_heading, heading = run[-2], run[-1]
            part = SectionGroup(heading, part_heading.printed, part_line=part_heading.line)
            groups.append(part)
            child_style = heading_style(heading)
        elif part is not None and heading_style(run[0]) == child_style:
            groups.append(SectionGroup(run[0], part.part, part_line=part.part_line))
        else:
            part = None
            groups.append(SectionGroup(run[0]))
    _add_shared_run_parts(groups)
    return groups


def heading_style(heading: HeadingLine | None) -> tuple[bool, str]:
    """Return (ALL CAPS?, kind of number: '', 'arabic', 'roman' or 'letter') of a heading."""
    if heading is None:
        return False, ""
    number = heading.number.rstrip(".)")
    kind = ("arabic" if number[:1].isdigit() else "roman" if re.fullmatch(r"[IVXLC]+", number)
            else "letter" if number else "")
    return is_all_caps(heading.text), kind


def _heading_run(entries: list[Entry], start: int) -> list[HeadingLine]:
    """Return the headings that follow one another from start, with nothing between."""
    run: list[HeadingLine] = []
    for entry in entries[start:]:
        if not isinstance(entry, HeadingLine):
            break
        run.append(entry)
    return run


def _add_shared_run_parts(groups: list[SectionGroup]) -> None:
    """Set the part of consecutive sections whose headings start with the same words."""
    texts = [g.heading.text if g.heading is not None and g.part is None else None
             for g in groups] + [None]
    index = 0
    while index < len(groups):
        first, end, shared = texts[index], index + 1, 0
        while first and (following := texts[end]):
            length = shared_run_length(first, following)
            if not length:
                break
            shared, end = min(shared or length, length), end + 1
        if not (first and shared):
            index += 1
            continue
        for group in groups[index:end]:
            group.part, group.part_printed = slice_words(first, 0, shared), True
            group.part_line = group.heading.line if group.heading else 0
        index = end
