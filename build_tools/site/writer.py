"""Stage 6a, write: generated pages to a folder, rewriting only what changed."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from build_tools import collector
from build_tools.model.site import Page


@dataclass(frozen=True)
class WriteReport:
    """How many pages a write created or changed, kept, and removed."""

    written: tuple[str, ...]
    kept: tuple[str, ...]
    removed: tuple[str, ...]

    def summary(self) -> str:
        return (f"pages: {len(self.written)} written, {len(self.kept)} kept, "
                f"{len(self.removed)} removed")


class _Written(NamedTuple):
    """What this process last wrote at a path."""

    mtime_ns: int
    size: int
    content: str
    """The very string written: a memoised page that comes back is recognised by
    identity, and any other string is compared with it, so no page is hashed."""


_WRITTEN: dict[str, _Written] = {}
"""By path. Paths are strings here: a page costs a few system calls, and pathlib's
objects cost more than those at two thousand pages."""


def _remember(path: str, content: str) -> None:
    stat = os.stat(path)
    _WRITTEN[path] = _Written(stat.st_mtime_ns, stat.st_size, content)


def _bytes_to_write(path: str, content: str) -> bytes | None:
    """Return ``content`` encoded when ``path`` does not hold it, None when it does.

    A file this process wrote and nobody touched since is compared with the string
    written (by identity first); any other file is read back and compared. Either
    way the content is encoded at most once.
    """
    try:
        stat = os.stat(path)
    except FileNotFoundError:
        return content.encode("utf-8")
    known = _WRITTEN.get(path)
    if known is not None and (known.mtime_ns, known.size) == (stat.st_mtime_ns, stat.st_size):
        if known.content is content:
            return None
        if known.content == content:
            # Equal words in a new string: remember this one, so the next build
            # recognises it by identity.
            _WRITTEN[path] = known._replace(content=content)
            return None
        return content.encode("utf-8")
    data = content.encode("utf-8")
    if stat.st_size != len(data):
        return data
    with open(path, "rb") as handle:
        if handle.read() != data:
            return data
    _remember(path, content)
    return None


MANIFEST = ".generated-pages"
"""The list of pages the last write made, kept in the output folder."""


def write_pages(pages: tuple[Page, ...], out: Path) -> WriteReport:
    """Write ``pages`` under ``out``; unchanged files are left untouched, and pages an
    earlier write made that are no longer generated are removed."""
    with collector.paused():
        return _write_pages(pages, out)


def is_inside(src_uri: str) -> bool:
    """Return True when ``src_uri`` names a file below the output folder: relative,
    with no empty, '.' or '..' segment."""
    parts = src_uri.split("/")
    return not src_uri.startswith("/") and "\\" not in src_uri and all(
        part not in ("", ".", "..") for part in parts)


def _write_pages(pages: tuple[Page, ...], out: Path) -> WriteReport:
    written, kept = [], []
    folders: set[str] = set()
    root = str(out)
    for page in pages:
        if not is_inside(page.src_uri):
            # Slugs and registry URLs are checked when read: reaching here is a bug.
            raise ValueError(f"page path {page.src_uri!r} is not inside {out}")
        path = os.path.join(root, page.src_uri)
        data = _bytes_to_write(path, page.content)
        if data is None:
            kept.append(page.src_uri)
            continue
        folder = os.path.dirname(path)
        if folder not in folders:
            os.makedirs(folder, exist_ok=True)
            folders.add(folder)
        # Written in place: a page cut short by a crash differs from what the next
        # build makes, so that build writes it again.
        with open(path, "wb") as handle:
            handle.write(data)
        _remember(path, page.content)
        written.append(page.src_uri)
    wanted = {page.src_uri for page in pages}
    # Only pages an earlier write made are ever removed: other files in the folder are not ours.
    manifest = out / MANIFEST
    earlier = manifest.read_text(encoding="utf-8").split("\n") if manifest.exists() else []
    removed = []
    for src_uri in earlier:
        if not is_inside(src_uri):  # a manifest edited by hand, or written by an old version
            continue
        path = out / src_uri
        if src_uri not in wanted and path.is_file():
            path.unlink()
            removed.append(src_uri)
    listing = "\n".join(sorted(page.src_uri for page in pages))
    if listing != "\n".join(earlier):
        manifest.write_text(listing, encoding="utf-8")
    return WriteReport(tuple(written), tuple(kept), tuple(removed))


def mark_changed(pages: tuple[Page, ...], out: Path) -> None:
    """Give every page under ``out`` a new modification time, so that a dirty MkDocs
    build (``mkdocs serve --dirty``) renders it again though its text is the same."""
    for page in pages:
        os.utime(os.path.join(str(out), page.src_uri))
