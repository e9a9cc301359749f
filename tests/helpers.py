"""Helpers the tests share: copies of source/ and in-process builds."""

from __future__ import annotations

import gzip
import hashlib
import json
import shutil
from dataclasses import dataclass
from pathlib import Path

from build_tools.model.ids import Registry
from build_tools.render.exports import anchor_object

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "source"
FIXTURE_TEXTS = ROOT / "tests" / "fixtures" / "texts"
BUILD_DATE = "2026-01-15"


@dataclass(frozen=True)
class BuiltSite:
    """A site built from a source folder by the real command."""

    source: Path
    site: Path


def copy_source(target: Path, with_registry: bool = False) -> Path:
    """Return a copy of source/ (without the committed registry unless asked)."""
    shutil.copytree(SOURCE, target)
    if not with_registry:
        (target / "anchor-registry.json").unlink(missing_ok=True)
    return target


def build(source: Path, site: Path, monkeypatch=None, date: str = BUILD_DATE) -> int:
    """Run `python -m build_tools build` in-process; return its exit code."""
    import os

    from build_tools.cli import main

    previous = os.environ.get("G7_BUILD_DATE")
    os.environ["G7_BUILD_DATE"] = date
    try:
        return main(["build", "--source", str(source), "--site-dir", str(site)])
    finally:
        if previous is None:
            os.environ.pop("G7_BUILD_DATE", None)
        else:
            os.environ["G7_BUILD_DATE"] = previous


def anchors_export(registry: Registry) -> list[dict]:
    """Return the objects of api/anchors.json: every id ever published."""
    return [anchor_object(r) for r in registry.paragraphs]


def resolve_href(page_url: str, href: str) -> tuple[str, str]:
    """Return (site path of the target page, fragment) of a link on the page at ``page_url``."""
    import posixpath

    path, _, fragment = href.partition("#")
    target = posixpath.normpath(posixpath.join(page_url.strip("/"), path)) if path else page_url.strip("/")
    return ("" if target == "." else target), fragment


# ------------------------------------------------------------ the bad-input suite

SMALL_TEXT = """G7 Test Ministers’ Statement

Release Date: May 2, 2025

Cooperation

  1. We will work together against transnational organized crime.

  2. We welcome the work of UNODC and INTERPOL.
"""


def make_source(root: Path, texts: dict[str, bytes | str]) -> Path:
    """Return a source folder holding ``texts`` (name → content) and no glossary."""
    (root / "texts").mkdir(parents=True)
    for name, content in texts.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        (root / "texts" / name).write_bytes(data)
    return root


def tree_digest(path: Path) -> str:
    """Return one hash over every file below ``path`` (names and bytes)."""
    digest = hashlib.sha256()
    for file in sorted(p for p in path.rglob("*") if p.is_file()):
        digest.update(str(file.relative_to(path)).encode())
        digest.update(file.read_bytes())
    return digest.hexdigest()


def assert_nothing_lost(published) -> None:
    """Assert that the site and the registry of the ``published`` fixture are as built."""
    source, site, registry, site_digest, registry_bytes = published
    assert tree_digest(site) == site_digest, "the previous site changed"
    assert registry.read_bytes() == registry_bytes, "the registry changed"


def search_fragments(site: Path) -> list[dict]:
    """Return what the site's Pagefind index holds of each page it indexed (its fragments:
    url, content, meta, filters, anchors), read back from the bundle's files."""
    fragments = []
    for path in sorted((site / "pagefind" / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(b"pagefind_dcd"), path
        fragments.append(json.loads(data[len(b"pagefind_dcd"):]))
    return fragments
