"""The lines around a text's sections: web chrome, title and dateline, rules, footnotes.

``find_chrome`` only names lines to remove and why; it never removes body text:
banner, navigation and share lines are recognised only before the text's first
sentence or after its last one, and only when a line holds nothing else.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from build_tools.model.document import Footnote, RemovedLine
from build_tools.parse.headings import (FOOTNOTE_RE, PARAGRAPH_NUMBER_RE, Line, ends_sentence,
                                        is_heading_like, normalise, split_heading_number)

BANNER = "government website banner"
BREADCRUMB = "breadcrumb"
SHARE = "share/print link"
UPDATED = "last updated"
FEEDBACK = "page feedback"
END_MARK = "end-of-release mark"
FOOTNOTE_RULE = "footnote rule"
SEPARATOR_RULE = "separator rule"

MAX_BREADCRUMB_ITEMS = 10
MAX_BREADCRUMB_WORDS = 15
SENTENCE_MIN_WORDS = 25

_BANNER_RE = re.compile(
    r"^(?:U\.?S\.? flag|United States flag|An official website of the (?:United States|U\.S\.)"
    r" government|Here[’']s how you know|Government Website|Official websites use \.(?:gov|mil)"
    r"|A \.(?:gov|mil) website belongs to an official government organization.*"
    r"|Safely connect using HTTPS|Secure \.(?:gov|mil) websites use HTTPS"
    r"|A lock \(.*\) or https:// means.*|Skip to (?:main )?content|Main navigation"
    r"|Official website of .{2,80}|Menu|Search|Close)$",
    re.IGNORECASE,
)
_BREADCRUMB_RE = re.compile(r"^(?:Breadcrumbs?|You are here:?)$", re.IGNORECASE)
_SHARE_RE = re.compile(
    r"^(?:Share|Print|Email|E-mail|Share this page|Share this|Print this page|Print page"
    r"|Share on (?:Facebook|X|Twitter|LinkedIn)|Facebook|Twitter|LinkedIn|X|Tweet"
    r"|Copy link|Back to top|Top of page|Return to top)$",
    re.IGNORECASE,
)
_UPDATED_RE = re.compile(
    r"^(?:Last|Page) (?:Updated|Modified|Reviewed)(?::| on:?)\s*[^.]{0,40}\d[^.]{0,20}$",
    re.IGNORECASE,
)
_FEEDBACK_RE = re.compile(r"^Was this page helpful\??$", re.IGNORECASE)
_END_MARK_RE = re.compile(r"^(?:#{3}|-30-)$")
# Three hyphens or more, or two when one is a long dash or an underscore ('—–').
_RULE_RE = re.compile(r"^(?:[-‐‑=]{3,}|(?=.*[_‒–—―])[-_‐‑‒–—―=]{2,})$")


_RULE_CHARACTERS = "-‐‑‒–—―_="


def is_rule(text: str) -> bool:
    """Return True for a line that is only a rule of dashes or underscores."""
    # The first character settles most lines before the pattern scans a long one.
    return bool(text) and text[0] in _RULE_CHARACTERS and bool(_RULE_RE.match(text))


def clean(line: str) -> str:
    """Return a line without leading and trailing whitespace (NBSP and tabs included)."""
    return line.strip().strip("\u200b\ufeff").strip()


def find_chrome(lines: list[str]) -> dict[int, str]:
    """Return {0-based index: reason} for every line of web chrome in a text's lines."""
    texts = [clean(line) for line in lines]
    first, last = _sentence_bounds(texts)
    reasons: dict[int, str] = {}
    reasons.update(_front_chrome(texts, first))
    for index in range(last + 1, len(texts)):
        if _SHARE_RE.match(texts[index]):
            reasons[index] = SHARE
    for index, text in enumerate(texts):
        if _UPDATED_RE.match(text):
            reasons[index] = UPDATED
        elif _END_MARK_RE.match(text):
            reasons[index] = END_MARK
        elif _FEEDBACK_RE.match(text):
            # The feedback form closes the page: everything after it is its widgets.
            for rest in range(index, len(texts)):
                if texts[rest]:
                    reasons[rest] = FEEDBACK
            break
    return reasons


def _front_chrome(texts: list[str], first_sentence: int) -> dict[int, str]:
    """Return {index: reason} for banner, breadcrumb and share lines before the first sentence."""
    reasons: dict[int, str] = {}
    index = 0
    while index < first_sentence:
        text = texts[index]
        if _BANNER_RE.match(text):
            reasons[index] = BANNER
        elif _SHARE_RE.match(text):
            reasons[index] = SHARE
        elif _BREADCRUMB_RE.match(text):
            reasons[index] = BREADCRUMB
            for item in _breadcrumb_items(texts, index + 1):
                reasons[item] = BREADCRUMB
        index += 1
    return reasons


def _breadcrumb_items(texts: list[str], start: int) -> list[int]:
    """Return the indexes of the short lines listed right after a 'Breadcrumb' line.

    When the first item carries a list marker ('1. Home', '- Home'), the list
    ends at the first line without one (the page's title may follow at once).
    """
    index = start
    while index < len(texts) and not texts[index]:
        index += 1
    marked = index < len(texts) and _breadcrumb_marker(texts[index])
    items: list[int] = []
    while (index < len(texts) and texts[index] and len(items) < MAX_BREADCRUMB_ITEMS
           and len(texts[index].split()) <= MAX_BREADCRUMB_WORDS
           and not ends_sentence(texts[index])
           and (not marked or _breadcrumb_marker(texts[index]))):
        items.append(index)
        index += 1
    return items


def _breadcrumb_marker(text: str) -> bool:
    """Return True when a breadcrumb line opens with a list marker ('1. ', '- ', '• ')."""
    return bool(re.match(r"^(?:\d{1,2}[.)]|[-•*>›»])\s", text))


def _sentence_bounds(texts: list[str]) -> tuple[int, int]:
    """Return the indexes of the first and last lines that read as sentences of the text."""
    sentences = [i for i, text in enumerate(texts) if _is_sentence(text)]
    if not sentences:
        return len(texts), len(texts) - 1
    return sentences[0], sentences[-1]


def _is_sentence(text: str) -> bool:
    """Return True for a line that is body text beyond doubt: long, or a finished sentence."""
    if _BANNER_RE.match(text) or _UPDATED_RE.match(text) or _FEEDBACK_RE.match(text):
        return False
    words = len(text.split())
    return words >= SENTENCE_MIN_WORDS or (words >= 4 and ends_sentence(text))


def split_footnotes(body: list[Line]) -> tuple[list[Line], list[Footnote], list[RemovedLine]]:
    """Return (body without rules and footnotes, footnotes, removed rule lines).

    Footnotes follow a rule (a line of dashes or underscores) that is directly
    followed by a line opening with a footnote marker ('1 ', '* '). A line with
    no marker on the very next source line continues the footnote before it;
    any other line ends the footnotes and belongs to the body again.
    """
    footnotes: list[Footnote] = []
    removed: list[RemovedLine] = []
    kept: list[Line] = []
    index = 0
    while index < len(body):
        line = body[index]
        index += 1
        if not is_rule(line.text):
            kept.append(line)
            continue
        notes, used = _footnotes_at(body, index)
        removed.append(RemovedLine(line.number, line.text,
                                   FOOTNOTE_RULE if notes else SEPARATOR_RULE))
        footnotes.extend(notes)
        index += used
    return kept, footnotes, removed


def _footnotes_at(body: list[Line], start: int) -> tuple[list[Footnote], int]:
    """Return the footnotes that start at body[start], and how many lines they take."""
    notes: list[Footnote] = []
    used = 0
    for line in body[start:]:
        match = FOOTNOTE_RE.match(line.text)
        if match:
            notes.append(Footnote(match["marker"], match["text"], line.number))
        elif notes and line.number == body[start + used - 1].last + 1 \
                and not is_rule(line.text):
            notes[-1] = Footnote(notes[-1].marker, f"{notes[-1].text} {line.text}", notes[-1].line)
        else:
            break
        used += 1
    return notes, used


# ------------------------------------------------------ title and dateline

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

    @property
    def stamp(self) -> bool:
        """True when the dateline is the web page's stamp of when it was posted (see
        ``is_publication_stamp``): page chrome, whose date the document takes."""
        return self.dateline is not None and is_publication_stamp(self.dateline)


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
    numbered = PARAGRAPH_NUMBER_RE.match(text) or split_heading_number(text)[0]
    if numbered or not is_heading_like(text):
        return False
    if sidecar_title is None or normalise(sidecar_title) == normalise(text):
        return True
    return bool(parse_dateline(following) or is_heading_like(following))


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


_STAMP_RE = re.compile(r"^(?:(?:Release|Publication|Issue)\s+Date|Date\s+(?:Released|Published|Issued)"
                       r"|Published|Issued|Released|Posted(?:\s+on)?)\s*:?\s", re.IGNORECASE)


def is_publication_stamp(text: str) -> bool:
    """Return True for a dateline labelled as the day a web page was published ('Release
    Date: October 11, 2024', 'Published 3 May 2025'): the publishing site's chrome, not a
    line of the text, which prints its own dateline ('Bali, Indonesia, 16 November 2022')."""
    return bool(_STAMP_RE.match(text)) and parse_dateline(text) is not None


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
