"""The one family of errors a build may stop with, and the findings it reports without
stopping: each names a file and a line."""

from __future__ import annotations

from dataclasses import dataclass
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


@dataclass(frozen=True)
class Finding:
    """One problem found in the source or the built site; ``fails`` when it fails the check."""

    path: str
    line: int
    message: str
    fails: bool = True

    def __str__(self) -> str:
        level = "error" if self.fails else "warning"
        return f"{self.path}:{self.line}: {level}: {self.message}"
