"""The texts of ``source/texts/``, each with its sidecar."""

from __future__ import annotations

from pathlib import Path

from build_tools.errors import SourceError
from build_tools.model.cache import BuildCache, cached
from build_tools.model.source import Sidecar, SourceText, SourceTree
from build_tools.read.files import decode_text, read_yaml_text
from build_tools.read.sidecars import sidecar_from_text
from build_tools.read.source_names import check_unique_names, file_name_slug


def read_source_text(path: Path, cache: BuildCache | None = None) -> SourceText:
    """Return one text and its optional sidecar (``<stem>.yml`` beside it)."""
    text = decode_text(path.read_bytes(), path)
    sidecar_path = path.with_suffix(".yml")
    sidecar = Sidecar()
    if sidecar_path.exists():
        sidecar = cached(cache, ("sidecar", str(sidecar_path)), sidecar_from_text,
                         read_yaml_text(sidecar_path), sidecar_path)
    slug = sidecar.slug or file_name_slug(path)
    return SourceText(path=path, slug=slug, text=text, sidecar=sidecar)


def read_texts(tree: SourceTree, cache: BuildCache | None = None) -> tuple[SourceText, ...]:
    """Return every ``*.txt`` of the texts folder, in file-name order."""
    if not tree.texts.is_dir():
        raise SourceError(tree.texts, 0, "no texts folder: put the texts in source/texts/")
    texts = tuple(read_source_text(p, cache) for p in sorted(tree.texts.glob("*.txt")))
    if not texts:
        raise SourceError(tree.texts, 0, "no *.txt text to publish")
    check_unique_names(texts)
    return texts
