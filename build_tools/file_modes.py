"""The ordinary modes of published files: what the user's umask gives a new file or folder.

Temporary files and folders are created private (0600, 0700); whatever of them is
published (the site folder, the registry) is given these modes before it is, so a web
server running as another user can read the site.
"""

from __future__ import annotations

import os
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
