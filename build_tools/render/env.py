"""The Jinja2 environment and the page record every renderer returns."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import NamedTuple

from jinja2 import DictLoader, Environment, StrictUndefined
from markupsafe import escape

from build_tools.model.cache import BuildCache, cached
from build_tools.model.site import Page
from build_tools.read import yaml_io
from build_tools.render.urls import relative_url

TEMPLATES = Path(__file__).resolve().parent / "templates"
_BLANK_LINES = re.compile(r"\n[ \t]*(?:\n[ \t]*)+")


class Joined(NamedTuple):
    """HTML fragments a template shows joined: ``lead + parts[0] + separator + lead + parts[1] ...``.

    The fragments are kept apart until the page is rendered (Jinja reads them
    through ``__html__``): a row shared by many pages is one string, and each page
    puts its own way to the site root before it.
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


@dataclass(frozen=True)
class Templates:
    """The page templates' sources, read with the other inputs: a page is a function of
    what it shows and of these."""

    sources: tuple[tuple[str, str], ...]
    """(file name, text) of every template."""

    @cached_property
    def environment(self) -> Environment:
        """The template environment over these sources (autoescaping on)."""
        env = Environment(loader=DictLoader(dict(self.sources)), autoescape=True,
                          undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                          keep_trailing_newline=True)
        env.globals["rel"] = relative_url
        return env


def read_templates(folder: Path = TEMPLATES) -> tuple[tuple[str, str], ...]:
    """Return (file name, text) of every page template in ``folder``, by name."""
    return tuple((path.name, path.read_text(encoding="utf-8")) for path in sorted(folder.glob("*.j2")))


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


def cached_page(cache: BuildCache | None, templates: Templates, url: str, meta: dict, template: str,
                **context: object) -> Page:
    """Return ``make_page(templates, url, meta, template, **context)``, kept in ``cache`` by URL."""
    return cached(cache, ("page", url), make_page, templates, url, meta, template, **context)


def make_page(templates: Templates, url: str, meta: dict, template: str, **context: object) -> Page:
    """Return a page: YAML front matter from ``meta`` and the body rendered from ``template``.

    Blank lines are squeezed out of the body so Python-Markdown reads it as a
    single raw HTML block and never parses source text as Markdown.
    """
    body = templates.environment.get_template(template).render(page_url=url, **context)
    body = _BLANK_LINES.sub("\n", body.strip())
    return Page(url=url, content=f"---\n{front_matter(meta)}---\n\n{body}\n")
