"""Readable lowercase ASCII slugs for section URLs and paragraph ids, and unique variants of them."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container

SLUG_MAX_LENGTH = 60
"""Longest slug slugify returns; longer ones are cut at a word boundary."""


# Letters NFKD does not decompose into an ASCII base letter.
_FOLDS = str.maketrans({
    "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o", "Ø": "O",
    "đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "þ": "th", "Þ": "TH", "ı": "i",
})


def slugify(text: str, max_length: int = SLUG_MAX_LENGTH) -> str:
    """Return text as a lowercase ASCII slug of at most max_length characters.

    Accents are folded ('Déclaration' -> 'declaration'), apostrophes vanish
    ("Leaders’" -> 'leaders'), '&' reads 'and', every other run of
    non-alphanumerics becomes one hyphen. A long slug is cut at the last word
    boundary that fits. Returns '' when text has no letter or digit.
    """
    if not text.isascii():  # ASCII text is its own fold
        text = unicodedata.normalize("NFKD", text.translate(_FOLDS)).encode("ascii", "ignore").decode("ascii")
    ascii_text = text.lower()
    ascii_text = re.sub(r"['`]", "", ascii_text).replace("&", " and ")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    if len(slug) <= max_length:
        return slug
    cut = slug[: max_length + 1]
    if cut.endswith("-") or "-" not in cut:
        return cut[:max_length].strip("-")
    return cut.rsplit("-", 1)[0]


def unique_slug(base: str, taken: Container[str]) -> str:
    """Return base, or base-2, base-3, ... : the first one not in taken."""
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"


def letter_suffix(number: int) -> str:
    """Return the bijective base-26 letters of number: 1 'a', 2 'b', 27 'aa'."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


def unique_id(base: str, taken: Container[str]) -> str:
    """Return base, or base-b, base-c, ... : the first one not in taken.

    Letters, not digits, so that a variant never reads like another label
    ('...-4-2' would look like paragraph 4.2).
    """
    if base not in taken:
        return base
    number = 2
    while f"{base}-{letter_suffix(number)}" in taken:
        number += 1
    return f"{base}-{letter_suffix(number)}"
