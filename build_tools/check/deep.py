"""The deep check (``python -m build_tools check --deep``): the built site read back with
BeautifulSoup, every link and fragment of every page (the theme's included), every
paragraph's id, and the exports against the words each page shows.

``make site`` does not run it: MkDocs validates the pages' links and anchors itself,
and ``check.anchors`` checks the rest from the generation. It stays for a look at
what a built site really holds, at the cost of parsing every page.

Every finding names a file and line and says whether it fails the build.
"""

from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import jsonschema
from bs4 import BeautifulSoup

from build_tools.errors import Finding
from build_tools.render.exports import SCHEMAS


@dataclass(frozen=True)
class BuiltPage:
    """One HTML page of the built site, parsed once."""

    path: str
    """Path below the site folder ('doc/sec/index.html')."""
    soup: BeautifulSoup

    @property
    def url(self) -> str:
        return self.path.removesuffix("index.html")


def read_built_pages(site_dir: Path) -> dict[str, BuiltPage]:
    """Return every HTML page of a built site by its path."""
    pages = {}
    for path in sorted(site_dir.rglob("*.html")):
        rel = path.relative_to(site_dir).as_posix()
        pages[rel] = BuiltPage(rel, BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser"))
    return pages


def _target_path(page: BuiltPage, href: str, root: str) -> tuple[str, str] | None:
    """Return (site path of the target file, fragment) of an internal link, None if external.

    A link from the host's root ('/topics/', as MkDocs writes them on its error
    page) is read below ``root``, the path the site is served at; one outside it
    keeps its leading '/' and so names no file of the site.
    """
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:")):
        return None
    base = posixpath.dirname(page.path)
    path = unquote(parts.path)
    if not path:
        return page.path, parts.fragment
    if path.startswith("/"):
        if not path.startswith(root):
            return path, parts.fragment
        base, path = "", path[len(root):] or "."
    target = posixpath.normpath(posixpath.join(base, path))
    if path.endswith("/") or target == ".":
        target = posixpath.join("" if target == "." else target, "index.html")
    return target, parts.fragment


def check_links(pages: dict[str, BuiltPage], site_dir: Path, root: str = "/") -> list[Finding]:
    """Return a finding for every internal link whose file or fragment does not exist
    (``root``: the path the site is served at, from ``site_url``)."""
    ids = {path: {el["id"] for el in p.soup.find_all(id=True)} for path, p in pages.items()}
    findings = []
    for page in pages.values():
        for tag in page.soup.find_all(["a", "link", "script", "img"]):
            href = tag.get("href") or tag.get("src")
            if not href:
                continue
            resolved = _target_path(page, href, root)
            if resolved is None:
                continue
            target, fragment = resolved
            line = getattr(tag, "sourceline", 0) or 0
            outside = target.startswith("/")  # a host path outside the site
            if outside or (target not in ids and not (site_dir / target).exists()):
                findings.append(Finding(page.path, line, f"link to a missing file: {href}"))
            elif fragment and target in ids and fragment not in ids[target] and not fragment.startswith(":~:"):
                findings.append(Finding(page.path, line, f"link to a missing fragment: {href}"))
    return findings


def check_paragraph_ids(pages: dict[str, BuiltPage]) -> list[Finding]:
    """Return findings for paragraphs without an id and ids used twice on a page or site."""
    findings = []
    seen: dict[str, str] = {}
    for page in pages.values():
        page_ids: set[str] = set()
        for el in page.soup.find_all(id=True):
            if el["id"] in page_ids:
                findings.append(Finding(page.path, el.sourceline or 0, f"id {el['id']!r} used twice"))
            page_ids.add(el["id"])
        for para in page.soup.select(".para"):
            pid = para.get("id")
            if not pid:
                findings.append(Finding(page.path, para.sourceline or 0, "paragraph without an id"))
                continue
            if pid in seen:
                findings.append(Finding(page.path, para.sourceline or 0,
                                        f"paragraph id {pid!r} also on {seen[pid]}"))
            seen[pid] = page.path
    return findings


def _validate(data: object, schema_name: str, path: str) -> list[Finding]:
    schema = json.loads((SCHEMAS / schema_name).read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    return [Finding(path, 1, f"does not match {schema_name}: {'/'.join(map(str, e.path))}: {e.message}")
            for e in validator.iter_errors(data)]


def check_exports(pages: dict[str, BuiltPage], site_dir: Path) -> list[Finding]:
    """Return findings where an export breaks its schema or disagrees with the pages."""
    findings: list[Finding] = []
    exports = {}
    for name in ("paragraphs", "glossary", "anchors"):
        path = site_dir / "api" / f"{name}.json"
        if not path.exists():
            findings.append(Finding(f"api/{name}.json", 0, "export missing"))
            continue
        exports[name] = json.loads(path.read_text(encoding="utf-8"))
        findings += _validate(exports[name], f"{name}.schema.json", f"api/{name}.json")
    for row in exports.get("paragraphs", []):
        page_path = row["url"].partition("#")[0] + "index.html"
        page = pages.get(page_path)
        el = page.soup.find(id=row["id"]) if page else None
        if el is None:
            findings.append(Finding("api/paragraphs.json", 0, f"{row['id']} is not on {page_path}"))
            continue
        shown = " ".join(shown_text(el).split())
        expected = " ".join(row["text"].replace("\n", " ").split())
        if not _same_words(shown, expected):
            findings.append(Finding(page_path, el.sourceline or 0,
                                    f"{row['id']}: page text differs from api/paragraphs.json"))
    return findings


NOT_SOURCE = frozenset({"para-label", "fn-ref", "footnote-ref", "para-tools"})
"""Classes of what a paragraph's element shows besides its text: its label, footnote
references and the citation tools the browser adds."""


def shown_text(element) -> str:
    """Return the text a paragraph's element shows of its source: its blocks' text, its
    label, footnote references and tools left out."""
    parts = []
    for text in element.find_all(string=True):
        if any(NOT_SOURCE.intersection(parent.get("class") or ()) for parent in text.parents
               if parent is not element and parent.name):
            continue
        parts.append(str(text))
    return "".join(parts)


def _same_words(shown: str, exported: str) -> bool:
    return _WORDS.findall(shown) == _WORDS.findall(exported)


_WORDS = re.compile(r"\w+")


def check_site(site_dir: Path, root: str = "/") -> list[Finding]:
    """Return every finding on a built site served at ``root``."""
    pages = read_built_pages(site_dir)
    return (check_links(pages, site_dir, root) + check_paragraph_ids(pages)
            + check_exports(pages, site_dir))


