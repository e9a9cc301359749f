"""Web chrome, rules and footnotes: the lines around an official text's paragraphs.

``find_chrome`` only names lines to remove and why; it never removes body text:
banner, navigation and share lines are recognised only before the text's first
sentence or after its last one, and only when a line holds nothing else.
"""

from __future__ import annotations

import re

from build_tools.headings import FOOTNOTE_RE, Line, ends_sentence
from build_tools.model import Footnote, RemovedLine

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
    """Return the indexes of the short lines listed right after a 'Breadcrumb' line."""
    index = start
    while index < len(texts) and not texts[index]:
        index += 1
    items: list[int] = []
    while (index < len(texts) and texts[index] and len(items) < MAX_BREADCRUMB_ITEMS
           and len(texts[index].split()) <= MAX_BREADCRUMB_WORDS
           and not ends_sentence(texts[index])):
        items.append(index)
        index += 1
    return items


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

    The footnotes start after the last rule line (a line of dashes or underscores) that
    is directly followed by a line opening with a footnote marker ('1 ', '* ');
    a following line without a marker continues the footnote before it.
    """
    rules = [i for i, line in enumerate(body) if _RULE_RE.match(line.text)]
    start = next((i for i in reversed(rules)
                  if i + 1 < len(body) and FOOTNOTE_RE.match(body[i + 1].text)), None)
    footnotes: list[Footnote] = []
    if start is not None:
        for line in body[start + 1:]:
            match = FOOTNOTE_RE.match(line.text)
            if match:
                footnotes.append(Footnote(match["marker"], match["text"], line.number))
            else:
                last = footnotes[-1]
                footnotes[-1] = Footnote(last.marker, f"{last.text} {line.text}", last.line)
    end = len(body) if start is None else start
    removed = [RemovedLine(body[i].number, body[i].text,
                           FOOTNOTE_RULE if i == start else SEPARATOR_RULE)
               for i in rules if i <= end]
    kept = [line for i, line in enumerate(body[:end]) if i not in rules]
    return kept, footnotes, removed
