"""Names from the source that become paths, ids or links, checked before anything is written.

A document's slug names the folder of its pages; its anchor prefix begins the
id of every paragraph it has; its ``source_url`` and a glossary entry's
``website`` become links readers click. Each is refused, naming the file and
line, unless it is:

- a slug or prefix: a lowercase ASCII slug (letters, digits, single hyphens),
  not a route of the site itself (``routes.RESERVED_ROUTES``), not another
  document's;
- a link: an http:// or https:// URL (``is_web_url``).

A text without a sidecar slug takes its slug from its file name, under the same rules.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from build_tools.errors import SourceError
from build_tools.model.source import Sidecar, SourceText
from build_tools.read.routes import route_conflict

SLUG_RULE = "a lowercase ASCII slug (letters a-z, digits and single hyphens)"


def check_sidecar_names(sidecar: Sidecar) -> None:
    """Raise SourceError at the line of a sidecar's slug, anchor prefix or source URL
    that breaks the rules above."""
    lines = dict(sidecar.key_lines)
    for key, value in (("slug", sidecar.slug), ("anchor_prefix", sidecar.anchor_prefix),
                       ("summary_of", sidecar.summary_of)):
        if value is None:
            continue
        if not is_slug(value):
            raise SourceError(sidecar.path, lines.get(key, 1), f"{key} {value!r} is not {SLUG_RULE}")
        conflict = route_conflict(value)
        if conflict:
            raise SourceError(sidecar.path, lines.get(key, 1), f"{key} {value!r} is refused: {conflict}")
    if sidecar.source_url is not None and not is_web_url(sidecar.source_url):
        raise SourceError(sidecar.path, lines.get("source_url", 1),
                          f"source_url {sidecar.source_url!r} is not an http:// or https:// URL")


def file_name_slug(path: Path) -> str:
    """Return the slug a text without a sidecar slug takes: its file name without
    ``.txt``; raises SourceError naming the file when that cannot be a slug."""
    slug = path.stem
    if not is_slug(slug):
        raise SourceError(path, 1, f"the file name {path.name!r} cannot be the document's URL: "
                                   f"a slug must be {SLUG_RULE}; rename the file or give it a "
                                   "sidecar with a 'slug'")
    conflict = route_conflict(slug)
    if conflict:
        raise SourceError(path, 1, f"the file name {path.name!r} is refused as the document's URL: "
                                   f"{conflict}; rename the file or give it a sidecar with a 'slug'")
    return slug


def check_unique_names(texts: tuple[SourceText, ...]) -> None:
    """Raise SourceError when two texts share a slug or an anchor prefix (a text's prefix
    is its sidecar's ``anchor_prefix``, else its slug), at the sidecar line stating it
    (the file, when neither text states it in a sidecar)."""
    for what, key, name_of in (("slug", "slug", lambda t: t.slug),
                               ("anchor prefix", "anchor_prefix", lambda t: t.sidecar.anchor_prefix or t.slug)):
        owners: dict[str, SourceText] = {}
        for text in texts:
            name = name_of(text)
            if name in owners:
                first, second = owners[name], text
                if _stated_line(first, key) and not _stated_line(second, key):
                    first, second = second, first
                line = _stated_line(second, key)
                path = second.sidecar.path if line else second.path
                raise SourceError(path, line or 1, f"document {what} {name!r} is already used by {first.path}")
            owners[name] = text


def _stated_line(text: SourceText, key: str) -> int:
    """Return the sidecar line stating a text's slug or prefix (a prefix defaults to the
    slug: its line counts), 0 when no sidecar states it."""
    lines = dict(text.sidecar.key_lines)
    return lines.get(key) or (lines.get("slug", 0) if key == "anchor_prefix" else 0)


SLUG_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
"""What every slug and id matches in full."""


def is_slug(text: str) -> bool:
    """Return True when text is a non-empty lowercase ASCII slug."""
    return SLUG_PATTERN.fullmatch(text) is not None


WEB_SCHEMES = ("http", "https")
"""The only schemes a link from the source (a sidecar's ``source_url``, a glossary
entry's ``website``) may have: anything else (``javascript:``, ``data:``, ``file:``)
could run or reach what a reader's click should not."""


def is_web_url(text: str) -> bool:
    """Return True when ``text`` is an absolute http:// or https:// URL with a host and
    no whitespace or control character."""
    if not text or any(c.isspace() or not c.isprintable() for c in text):
        return False
    try:
        parts = urlsplit(text)
    except ValueError:
        return False
    return parts.scheme.lower() in WEB_SCHEMES and bool(parts.hostname)
