"""The Jinja2 environment and the page record every renderer returns."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import escape

from build_tools import cache
from build_tools.model.site import Page
from build_tools.read import yaml_io
from build_tools.render.urls import relative_url

TEMPLATES = Path(__file__).resolve().parent / "templates"
_BLANK_LINES = re.compile(r"\n[ \t]*(?:\n[ \t]*)+")


class Joined(NamedTuple):
    """HTML fragments a template shows joined: ``lead + parts[0] + separator + lead + parts[1] ...``.

    A page's memo key holds the fragments themselves, often shared with the
    fragments' own memo, rather than one joined copy of them: the joined text
    is made only when the page is rendered (Jinja reads it through ``__html__``).
    A named tuple, as are the other views pages are keyed by: it hashes in C.
    """

    parts: tuple[str, ...]
    separator: str = "\n"
    lead: str = ""
    """Put before every part: a row's opening tags and the page's way to the site root."""

    def __html__(self) -> str:
        if self.lead:
            return self.separator.join(self.lead + part for part in self.parts)
        return self.separator.join(self.parts)

    def __bool__(self) -> bool:
        return bool(self.parts)


@lru_cache(maxsize=1)
def environment() -> Environment:
    """Return the shared template environment (autoescaping on)."""
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=True)
    env.globals["rel"] = relative_url
    return env


_PAGES = cache.Memo(maxsize=1 << 14)
"""Rendered pages by their inputs: a rebuild renders again only the pages whose inputs changed."""


_stamp: list[tuple[tuple[str, int], ...]] = []


def refresh_templates_stamp() -> None:
    """Read the templates' modification times again (once per generation, not per page)."""
    _stamp[:] = [tuple((p.name, p.stat().st_mtime_ns) for p in sorted(TEMPLATES.iterdir()))]


def templates_stamp() -> tuple[tuple[str, int], ...]:
    """Return (name, mtime) of every template, so an edited template renders pages anew."""
    if not _stamp:
        refresh_templates_stamp()
    return _stamp[0]


def front_matter(meta: dict) -> str:
    """Return ``meta`` as the YAML of a page's front matter, ending with a newline.

    JSON on one line is YAML and is written far faster than block YAML; values
    holding characters YAML would not take raw inside quotes go through the
    YAML emitter instead.
    """
    text = json.dumps(meta, ensure_ascii=False)
    return f"{text}\n" if text.isprintable() else yaml_io.dump(meta)


def page_meta(title: str, kind: str, **facts: object) -> dict:
    """Return a page's front matter: its title and kind, and the document facts the
    theme reads (empty for pages that belong to no document).

    The title is escaped for HTML here, once: MkDocs holds ``page.title`` as HTML
    (a title taken from a Markdown heading keeps its entities) and themes print it
    as it is. Every other value is text, which our theme escapes where it prints it.
    """
    meta = {"title": str(escape(title)), "kind": kind, "document": "", "document_title": "",
            "document_date": "", "document_place": "", "section": "", "part": "",
            "previous": None, "next": None}
    meta.update(facts)
    return meta


def make_page(url: str, meta: dict, template: str, **context: object) -> Page:
    """Return a page: YAML front matter from ``meta`` and the rendered body.

    Blank lines are squeezed out of the body so Python-Markdown reads it as a
    single raw HTML block and never parses source text as Markdown. The page is
    memoised by its inputs themselves (hashable values: strings, tuples, frozen
    dataclasses); a page whose inputs are not hashable is rendered every time.
    A hit returns the same Page object, which the writer recognises without
    comparing bytes.
    """
    front = front_matter(meta)
    try:
        key = (url, template, templates_stamp(), front, tuple(sorted(context.items())))
        hash(key)
    except TypeError:
        return _render_page(url, front, template, context)
    return _PAGES.get(key, lambda: _render_page(url, front, template, context))


def _render_page(url: str, front: str, template: str, context: dict) -> Page:
    """Return the page rendered from ``template`` under the front matter ``front`` (no memo)."""
    body = environment().get_template(template).render(page_url=url, **context)
    body = _BLANK_LINES.sub("\n", body.strip())
    return Page(url=url, content=f"---\n{front}---\n\n{body}\n")
