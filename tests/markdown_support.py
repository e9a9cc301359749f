"""Generated pages rendered as MkDocs renders them, without MkDocs: Python-Markdown with the
extensions and settings of the project's mkdocs.yml, and ``.md`` links turned into the
directory URLs MkDocs writes."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import yaml
from bs4 import BeautifulSoup, Tag

ROOT = Path(__file__).resolve().parent.parent
MKDOCS_BUILTINS = ["tables", "fenced_code"]
"""MkDocs adds these two to every build."""
_MD_LINK = re.compile(r"(^|/)index\.md(?=#|$)")


def project_markdown() -> markdown.Markdown:
    """Return Python-Markdown with the extensions and settings of the project's mkdocs.yml."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    names, settings = list(MKDOCS_BUILTINS), {}
    for entry in config["markdown_extensions"]:
        if isinstance(entry, dict):
            (name, options), = entry.items()
            settings[name] = options or {}
        else:
            name = entry
        names.append(name)
    return markdown.Markdown(extensions=names, extension_configs=settings)


_MD = project_markdown()


def render_markdown(text: str) -> str:
    """Return the HTML of Markdown ``text``."""
    _MD.reset()
    return _MD.convert(text)


def page_html(page) -> BeautifulSoup:
    """Return a generated page's body (after its front matter) as the HTML MkDocs makes of it."""
    soup = BeautifulSoup(render_markdown(page.content.split("\n---\n", 1)[1]), "html.parser")
    for a in soup.find_all("a", href=True):
        href = a["href"]
        if "://" not in href:
            a["href"] = _MD_LINK.sub(lambda m: m.group(1) or "./", href)
    return soup


def block_of(heading: Tag) -> list[Tag]:
    """Return a heading and the elements after it up to the next heading of its level or
    higher: what the page shows under it."""
    level = int(heading.name[1])
    found = [heading]
    for sibling in heading.find_next_siblings():
        if sibling.name in {f"h{n}" for n in range(1, level + 1)}:
            break
        found.append(sibling)
    return found


def select_in(elements: list[Tag], selector: str) -> list[Tag]:
    """Return the elements matching ``selector`` among ``elements`` and their descendants."""
    found = []
    for element in elements:
        if element.css.match(selector):
            found.append(element)
        found += element.select(selector)
    return found
