"""Generated pages to a folder, writing only the pages whose content changed."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from build_tools.model.cache import BuildCache, Written
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


def _bytes_to_write(path: str, content: str, cache: BuildCache | None) -> bytes | None:
    """Return ``content`` encoded when the file at ``path`` does not hold it, None when it does.

    A file ``cache`` says this writer wrote, untouched since (the same modification time
    and size), is compared with the text written; any other file is read back.
    """
    try:
        stat = os.stat(path)
    except FileNotFoundError:
        return content.encode("utf-8")
    known = cache.written.get(path) if cache is not None else None
    if known is not None and (known.mtime_ns, known.size) == (stat.st_mtime_ns, stat.st_size):
        return None if known.content == content else content.encode("utf-8")
    data = content.encode("utf-8")
    if stat.st_size != len(data):
        return data
    with open(path, "rb") as handle:
        if handle.read() != data:
            return data
    _record(cache, path, content)
    return None


def _record(cache: BuildCache | None, path: str, content: str) -> None:
    """Note in ``cache`` that the file at ``path`` holds ``content`` now."""
    if cache is not None:
        stat = os.stat(path)
        cache.written[path] = Written(stat.st_mtime_ns, stat.st_size, content)


MANIFEST = ".generated-pages"
"""The list of pages the last write made, kept in the output folder."""


def write_pages(pages: tuple[Page, ...], out: Path, cache: BuildCache | None = None) -> WriteReport:
    """Write ``pages`` under ``out``; unchanged files are left untouched, and pages an
    earlier write made that are no longer generated are removed. ``cache`` records what
    was written, so that the next write compares a page with it instead of the file."""
    written, kept = [], []
    folders: set[str] = set()
    root = str(out)
    for page in pages:
        require_inside(page.src_uri, out)
        path = os.path.join(root, page.src_uri)
        data = _bytes_to_write(path, page.content, cache)
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
        _record(cache, path, page.content)
        written.append(page.src_uri)
    return WriteReport(tuple(written), tuple(kept), remove_pages_no_longer_made(pages, out))


def require_inside(src_uri: str, out: Path | str) -> None:
    """Raise ValueError unless the file at ``src_uri`` (a page or a data file) lies inside the
    folder ``out`` it is written to (by us, or by MkDocs into the site). Slugs and registry
    URLs are checked when read: reaching the error is a bug."""
    if not is_inside(src_uri):
        raise ValueError(f"path {src_uri!r} is not inside {out}")


def is_inside(src_uri: str) -> bool:
    """Return True when ``src_uri`` names a file below the output folder: relative,
    with no empty, '.' or '..' segment."""
    parts = src_uri.split("/")
    return not src_uri.startswith("/") and "\\" not in src_uri and all(
        part not in ("", ".", "..") for part in parts)


def remove_pages_no_longer_made(pages: tuple[Page, ...], out: Path) -> tuple[str, ...]:
    """Remove the pages an earlier write made under ``out`` that are not among ``pages``;
    return them. The list of pages written is kept in ``out`` (``MANIFEST``)."""
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
    return tuple(removed)


def mark_changed(pages: tuple[Page, ...], out: Path) -> None:
    """Give every page under ``out`` a new modification time, so that a dirty MkDocs
    build (``mkdocs serve --dirty``) renders it again though its text is the same."""
    for page in pages:
        os.utime(os.path.join(str(out), page.src_uri))
