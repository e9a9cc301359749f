"""Writing the anchor registry file, whole or not at all."""

from __future__ import annotations

from pathlib import Path

from build_tools.file_writes import write_text_atomic
from build_tools.model.ids import Registry
from build_tools.read.registry import _LAST, dumps_registry


def write_registry_atomic(path: Path | str, registry: Registry, text: str | None = None) -> None:
    """Write the registry so that path holds either the old or the whole new file, with the
    ordinary mode of a new file; ``text``, when given, is ``dumps_registry(registry)``."""
    text = dumps_registry(registry) if text is None else text
    write_text_atomic(Path(path), text)
    _LAST.get(text, lambda: registry)  # kept: the next read of this text is this registry


