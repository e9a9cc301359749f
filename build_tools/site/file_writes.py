"""How the build writes the files it publishes: whole or not at all, with ordinary modes.

Temporary files and folders are created private (0600, 0700); whatever of them is
published (the site folder, the registry, the journal) is given the modes the
user's umask gives a new file or folder before it is, so that a web server running
as another user can read the site.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def current_umask() -> int:
    """Return the process's umask (read by setting it and setting it back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def file_mode() -> int:
    """Return the mode the umask gives a new file (0644 under umask 022)."""
    return 0o666 & ~current_umask()


def folder_mode() -> int:
    """Return the mode the umask gives a new folder (0755 under umask 022)."""
    return 0o777 & ~current_umask()


def make_ordinary(folder: Path) -> None:
    """Give ``folder`` the ordinary folder mode (its contents, made by ordinary means,
    already have theirs)."""
    os.chmod(folder, folder_mode())


def write_text_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` (UTF-8, ``\\n`` line ends, the ordinary mode of a file) so
    that ``path`` holds the old or the whole new text, even after a crash or a power cut."""
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, file_mode())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    sync_folder(path.parent)


def sync_folder(folder: Path) -> None:
    """Flush a folder's entries to disk, so that a rename in it survives a power cut."""
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
