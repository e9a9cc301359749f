"""The Jinja2 environment of the page templates and the page record every renderer returns.

The templates write Markdown, so Jinja's HTML autoescaping is off; in its place every
value a template prints must say how it is written: ``|md`` (source text, escaped for
Markdown by ``render.markdown.md_text``), ``|attr`` (an id or class of ours),
``link(page_url, target)`` (a relative ``.md`` link), or a block already written as
Markdown (``Md``). A plain string printed without one of them stops the build.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from jinja2 import DictLoader, Environment, StrictUndefined
from markupsafe import escape

from build_tools.model.cache import BuildCache, cached
from build_tools.model.site import Page
from build_tools.read import yaml_io
from build_tools.render.markdown import attr_text, attr_value, link_target, md_text
from build_tools.render.urls import md_url

TEMPLATES = Path(__file__).resolve().parent / "templates"
_BLANK_LINES = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")


class Md(str):
    """Markdown already written: printed by a template as it is."""


def _finalize(value: object) -> object:
    """Return what a template prints for ``value``: Markdown, a number, or nothing; any
    other value was printed without saying how it is written, which is a bug."""
    if isinstance(value, (Md, int)) or value is None:
        return "" if value is None else value
    raise TypeError(f"a page template printed {value!r} without a Markdown filter (|md, |attr, link())")


def _link(page_url: str, target: str) -> Md:
    """Return the relative ``.md`` link from the page at ``page_url`` to the site URL ``target``
    (made of checked slugs and ids: nothing to encode)."""
    return Md(md_url(page_url, target))


@dataclass(frozen=True)
class Templates:
    """The page templates' sources, read with the other inputs: a page is a function of
    what it shows and of these."""

    sources: tuple[tuple[str, str], ...]
    """(file name, text) of every template."""

    @cached_property
    def environment(self) -> Environment:
        """The template environment over these sources (autoescape off: they write Markdown)."""
        env = Environment(loader=DictLoader(dict(self.sources)), autoescape=False,
                          undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                          keep_trailing_newline=True, finalize=_finalize)
        env.filters["md"] = lambda value: Md(md_text(str(value)))
        env.filters["attr"] = lambda value: Md(attr_value(str(value)))
        env.filters["attr_text"] = lambda value: Md(attr_text(str(value)))
        env.filters["url"] = lambda value: Md(link_target(str(value)))
        env.globals["link"] = _link
        return env


def read_templates(folder: Path = TEMPLATES) -> tuple[tuple[str, str], ...]:
    """Return (file name, text) of every page template in ``folder``, by name."""
    return tuple((path.name, path.read_text(encoding="utf-8")) for path in sorted(folder.glob("*.j2")))


FRONT_MATTER_KEYS = ("title", "kind", "document", "document_title", "document_date", "document_place",
                     "section", "part", "previous", "next")


def front_matter(meta: dict) -> str:
    """Return ``meta`` as the YAML of a page's front matter, one key a line, ending with a
    newline.

    Each value is written as JSON, which is YAML and far faster to write than through
    the YAML emitter; a value holding characters YAML would not take raw inside quotes
    (line separators, controls) goes through the emitter instead.
    """
    lines = []
    for key, value in meta.items():
        text = json.dumps(value, ensure_ascii=False)
        lines.append(f"{key}: {text}\n" if text.isprintable() else yaml_io.dump({key: value}))
    return "".join(lines)


def page_meta(title: str, kind: str, **facts: object) -> dict:
    """Return a page's front matter: its title and kind, and the document facts the
    theme reads (empty for pages that belong to no document).

    The title is escaped for HTML here, once: MkDocs holds ``page.title`` as HTML
    (a title taken from a Markdown heading keeps its entities) and themes print it
    as it is. Every other value is text, which our theme escapes where it prints it.
    """
    meta = {"title": str(escape(title)), "kind": kind, "document": "", "document_title": "",
            "document_date": "", "document_date_iso": "", "document_place": "",
            "document_version": "", "document_version_id": "", "cite_printed": "", "cite_position": "", "section": "", "part": "",
            "previous": None, "next": None}
    meta.update(facts)
    return meta


def cached_page(cache: BuildCache | None, templates: Templates, url: str, meta: dict, template: str,
                **context: object) -> Page:
    """Return ``make_page(templates, url, meta, template, **context)``, kept in ``cache`` by URL."""
    return cached(cache, ("page", url), make_page, templates, url, meta, template, **context)


def make_page(templates: Templates, url: str, meta: dict, template: str, **context: object) -> Page:
    """Return a page: YAML front matter from ``meta`` and the Markdown body rendered from
    ``template`` (runs of blank lines the template's blocks leave squeezed to one)."""
    body = templates.environment.get_template(template).render(page_url=url, **context)
    body = _BLANK_LINES.sub("\n\n", body.strip())
    return Page(url=url, content=f"---\n{front_matter(meta)}---\n\n{body}\n")
