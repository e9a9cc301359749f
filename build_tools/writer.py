"""Stage 6a, write: generated pages to a folder, rewriting only what changed."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

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


_WRITTEN: dict[Path, tuple[int, int, bytes]] = {}
"""What this process wrote: path -> (mtime_ns, size, digest), to skip reading it back."""


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=20).digest()


def _remember(path: Path, data: bytes) -> None:
    stat = path.stat()
    _WRITTEN[path] = (stat.st_mtime_ns, stat.st_size, _digest(data))


def _unchanged(path: Path, data: bytes) -> bool:
    """Return True when ``path`` holds ``data``: compared by digest if this process wrote
    the file and it has not been touched since, else by reading it."""
    try:
        stat = path.stat()
    except FileNotFoundError:
        return False
    if stat.st_size != len(data):
        return False
    known = _WRITTEN.get(path)
    if known is not None and known[:2] == (stat.st_mtime_ns, stat.st_size):
        return known[2] == _digest(data)
    if path.read_bytes() != data:
        return False
    _remember(path, data)
    return True


MANIFEST = ".generated-pages"
"""The list of pages the last write made, kept in the output folder."""


def write_pages(pages: tuple[Page, ...], out: Path) -> WriteReport:
    """Write ``pages`` under ``out``; unchanged files are left untouched, and pages an
    earlier write made that are no longer generated are removed."""
    written, kept = [], []
    wanted = set()
    for page in pages:
        path = out / page.src_uri
        wanted.add(path)
        data = page.content.encode("utf-8")
        if _unchanged(path, data):
            kept.append(page.src_uri)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_bytes(data)
        tmp.replace(path)
        _remember(path, data)
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
