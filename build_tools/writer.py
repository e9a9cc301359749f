"""Stage 6a, write: generated pages to a folder, rewriting only what changed."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from build_tools import collector
from build_tools.render.env import Page


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
    digest: bytes
    content: str
    """The very string written: a memoised page that comes back is recognised by identity."""


_WRITTEN: dict[Path, _Written] = {}


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=20).digest()


def _remember(path: Path, content: str, data: bytes) -> None:
    stat = path.stat()
    _WRITTEN[path] = _Written(stat.st_mtime_ns, stat.st_size, _digest(data), content)


def _bytes_to_write(path: Path, content: str) -> bytes | None:
    """Return ``content`` encoded when ``path`` does not hold it, None when it does.

    A file this process wrote and nobody touched since is compared by identity of
    the string, else by digest; any other file is read back and compared. Either
    way the content is encoded at most once.
    """
    try:
        stat = path.stat()
    except FileNotFoundError:
        return content.encode("utf-8")
    known = _WRITTEN.get(path)
    if known is not None and (known.mtime_ns, known.size) == (stat.st_mtime_ns, stat.st_size):
        if known.content is content:
            return None
        data = content.encode("utf-8")
        if len(data) == stat.st_size and known.digest == _digest(data):
            # Equal words in a new string: remember this one, so the next build
            # recognises it by identity.
            _WRITTEN[path] = known._replace(content=content)
            return None
        return data
    data = content.encode("utf-8")
    if stat.st_size != len(data) or path.read_bytes() != data:
        return data
    _remember(path, content, data)
    return None


MANIFEST = ".generated-pages"
"""The list of pages the last write made, kept in the output folder."""


def write_pages(pages: tuple[Page, ...], out: Path) -> WriteReport:
    """Write ``pages`` under ``out``; unchanged files are left untouched, and pages an
    earlier write made that are no longer generated are removed."""
    with collector.paused():
        return _write_pages(pages, out)


def _write_pages(pages: tuple[Page, ...], out: Path) -> WriteReport:
    written, kept = [], []
    wanted = set()
    folders: set[Path] = set()
    for page in pages:
        path = out / page.src_uri
        wanted.add(path)
        data = _bytes_to_write(path, page.content)
        if data is None:
            kept.append(page.src_uri)
            continue
        if path.parent not in folders:
            path.parent.mkdir(parents=True, exist_ok=True)
            folders.add(path.parent)
        # Written in place: a page cut short by a crash differs from what the next
        # build makes, so that build writes it again.
        path.write_bytes(data)
        _remember(path, page.content, data)
        written.append(page.src_uri)
    # Only pages an earlier write made are ever removed: other files in the folder are not ours.
    manifest = out / MANIFEST
    earlier = manifest.read_text(encoding="utf-8").split("\n") if manifest.exists() else []
    removed = []
    for src_uri in earlier:
        path = out / src_uri
        if src_uri and path not in wanted and path.is_file():
            path.unlink()
            removed.append(src_uri)
    listing = "\n".join(sorted(page.src_uri for page in pages))
    if listing != "\n".join(earlier):
        manifest.write_text(listing, encoding="utf-8")
    return WriteReport(tuple(written), tuple(kept), tuple(removed))
