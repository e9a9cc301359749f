"""What a built page shows of its source text, read from its HTML: the words of its printed
part, heading, subtitle and dateline (class ``src``), each paragraph's printed number and
text, and its footnotes; our own words (labels by position, links, tools) left out."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag

from build_tools.check.deep import shown_text

WORD = re.compile(r"\w+")
_NUMBER = re.compile(r"\d*")


def paragraph_text(element: Tag) -> str:
    """Return the text a paragraph's element shows of its source."""
    return shown_text(element)


def label_of(element: Tag) -> str:
    """Return a paragraph's label as its margin shows it ('4', 'P3'), without the '¶ ' and,
    for a position (class ``position``), without the brackets that mark it as one."""
    link = element.select_one(".para-label")
    shown = link.get_text().removeprefix("¶").strip()
    if "position" in (link.get("class") or ()):
        assert shown.startswith("[") and shown.endswith("]"), shown
        return shown[1:-1]
    return shown


def _text_without(element: Tag, classes: set[str]) -> str:
    return "".join(str(s) for s in element.find_all(string=True)
                   if not any(classes.intersection(p.get("class") or ()) for p in s.parents
                              if isinstance(p, Tag) and p is not element))


def source_words(page: BeautifulSoup) -> tuple[list[str], list[str]]:
    """Return (body words, footnote words) a page shows as source text, in order."""
    body: list[str] = []
    notes: list[str] = []

    def walk(element: Tag) -> None:
        for child in element.children:
            if not isinstance(child, Tag):
                continue
            classes = set(child.get("class") or ())
            if "para" in classes:
                label = child.select_one(".para-label")
                if "src" in (label.get("class") or ()):
                    body.extend(WORD.findall(_NUMBER.match(label_of(child)).group()))
                # Its text with the footnote markers printed after its number.
                body.extend(WORD.findall(_text_without(child, {"para-label", "para-tools"})))
            elif "src" in classes:
                body.extend(WORD.findall(_text_without(child, {"headerlink"})))
            elif "footnote" in classes and child.name == "p":
                notes.extend(WORD.findall(_text_without(child, {"fn-back"})))
            elif "footnote" in classes and child.name == "div":
                for number, item in enumerate(child.select("li"), start=1):
                    notes.append(str(number))
                    notes.extend(WORD.findall(_text_without(item, {"footnote-backref"})))
            else:
                walk(child)

    walk(page.select_one(".g7-page") or page)
    return body, notes
