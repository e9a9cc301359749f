"""A paragraph text's fingerprint: the same words give the same fingerprint, whatever
their typography (quotes, dashes, bullets, spaces). The registry records it; identify
matches by it."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_QUOTES = str.maketrans({
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "`": "'",
    "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"', "«": '"', "»": '"',
    "–": "-", "—": "-", "‐": "-", "‑": "-", "\u00ad": "",
})


_BULLET = re.compile(r"^\s*[-•*·–—▪◦]\s+", re.MULTILINE)


def normalise_text(text: str) -> str:
    """Return text as compared: NFKC, plain quotes and dashes, no bullet glyphs, single spaces."""
    text = _BULLET.sub("", unicodedata.normalize("NFKC", text).translate(_QUOTES))
    return " ".join(text.split())


def fingerprint(text: str) -> str:
    """Return the first 16 hex digits of the sha256 of the normalised text."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()[:16]
