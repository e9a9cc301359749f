"""The one family of errors a build may stop with: each names a file and a line."""

from __future__ import annotations

from pathlib import Path


class BuildError(Exception):
    """A problem in the input, reported as ``file:line: message`` (``file: message``
    when line is 0: a folder, or a file as a whole)."""

    def __init__(self, path: Path | str, line: int, message: str) -> None:
        self.path = Path(path)
        self.line = line
        self.message = message
        super().__init__(f"{path}:{line}: {message}" if line else f"{path}: {message}")


class SourceError(BuildError):
    """A source file cannot be read: not UTF-8, binary, empty, or bad YAML."""
