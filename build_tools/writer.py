"""Stage 6a, write: generated pages to a folder, rewriting only what changed."""

from __future__ import annotations

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


def write_pages(pages: tuple[Page, ...], out: Path) -> WriteReport:
    """Write ``pages`` under ``out``; unchanged files are left untouched, stale ones removed."""
    written, kept = [], []
    wanted = set()
    for page in pages:
        path = out / page.src_uri
        wanted.add(path)
        data = page.content.encode("utf-8")
        if path.exists() and path.read_bytes() == data:
            kept.append(page.src_uri)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_bytes(data)
        tmp.replace(path)
        written.append(page.src_uri)
    removed = []
    if out.exists():
        for path in sorted(out.rglob("*.md")):
            if path not in wanted:
                path.unlink()
                removed.append(str(path.relative_to(out)))
    return WriteReport(tuple(written), tuple(kept), tuple(removed))
