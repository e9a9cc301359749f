"""Publishing a checked site and its registry together, so that no fault loses or re-mints an id.

What a build guarantees, whatever stops it (an error, a full disk, ``kill -9``,
a power cut):

- ``site/`` always exists once it has been published once: the new site is
  swapped in by one atomic exchange of the two folders (Linux ``renameat2`` with
  ``RENAME_EXCHANGE``), so there is no moment without it;
- the registry is never behind the published site: it is written before the
  swap, and it only adds to what was published, so it holds every id the site
  shows at every moment;
- the registry holds only what was published: a journal, written before
  anything else, lets the next run (or this one, on an error) finish a publication
  whose site was swapped in, or roll back one whose site was not, restoring the
  previous registry from the backup the journal names;
- the next run removes what an interrupted one left (staging folders, the
  backup, temporary files);
- one build at a time: a build holds an ``flock`` on the source folder and on the
  folder holding ``site/``; the kernel drops it when the process ends, however it
  ends, so no stale lock is ever left behind.

The steps, in order (each a function, so that a test can stop the build at any of
them): write the journal, back up the registry, write the new registry, exchange
the folders, remove the journal, remove the previous site and the backup.

Where the file system cannot exchange two folders (not Linux, or a file system
without ``RENAME_EXCHANGE``), the previous site is renamed aside and the new one
renamed in: two renames with a moment between them without ``site/``, after which
the next run puts the previous site back if a crash fell between them.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import json
import os
import shutil
import sys
import tempfile
from contextlib import ExitStack, contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Iterator

from build_tools.errors import BuildError, Finding
from build_tools.model.ids import Registry
from build_tools.read.registry import dumps_registry
from build_tools.site.file_writes import make_ordinary, sync_folder, write_text_atomic

JOURNAL = ".publish-journal.json"
"""The journal's name, in the source folder beside the registry."""
STAGING = ".staging-"
"""Infix of the folder a site is built in, beside ``site/``: ``site.staging-<random>``."""
REPLACED = ".replaced-"
"""Infix of the name the previous site takes when the folders cannot be exchanged."""
BACKUP_SUFFIX = ".previous"
"""The registry's backup, while a publication is under way: ``.anchor-registry.json.previous``."""


@dataclass(frozen=True)
class Journal:
    """What a publication under way will change, for the run that finds it interrupted."""

    site: str
    """The site folder being replaced."""
    staging: str
    """The folder holding the new site, and after the exchange, the previous one."""
    staging_inode: tuple[int, int]
    """(device, inode) of the new site: ``site`` is the new site exactly when it has them."""
    replaced: str
    """Where the previous site is renamed to when the folders cannot be exchanged."""
    registry: str
    backup: str
    """Where the previous registry is kept until the new site is published."""
    had_registry: bool
    """Whether a registry existed before (else rolling back removes the new one)."""


# ------------------------------------------------------------------ the lock

@contextmanager
def build_lock(source: Path, site_dir: Path) -> Iterator[None]:
    """Hold, for the block, an exclusive lock on ``source`` and on the folder holding
    ``site_dir`` (made if missing); raise BuildError at once when another build holds either."""
    if not Path(source).is_dir():
        raise BuildError(source, 0, "no such source folder")
    Path(site_dir).resolve().parent.mkdir(parents=True, exist_ok=True)
    folders = dict.fromkeys([Path(source).resolve(), Path(site_dir).resolve().parent])
    with ExitStack() as stack:
        for folder in folders:
            descriptor = os.open(folder, os.O_RDONLY)
            stack.callback(os.close, descriptor)  # closing releases the lock
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise BuildError(folder, 0, "another build is running on this folder: wait for it "
                                            "to finish, then build again") from None
        yield


# ------------------------------------------------------------------ the steps

def new_staging(site_dir: Path) -> Path:
    """Return a new empty folder beside ``site_dir`` to build the site in."""
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=site_dir.name + STAGING, dir=site_dir.parent))


def publish_site(staging: Path, site_dir: Path, registry_path: Path, registry: Registry,
                 registry_text: str | None) -> list[str]:
    """Make ``staging`` the published ``site_dir`` and ``registry`` the registry (its file's
    text ``registry_text``; None: the file already holds it), through the journal; on any
    error, finish or roll back before raising.

    Return warnings: what could not be removed once the site was published (the next
    run removes it)."""
    journal = Journal(
        site=str(site_dir), staging=str(staging), staging_inode=_inode(staging),
        replaced=str(staging.with_name(staging.name.replace(STAGING, REPLACED, 1))),
        registry=str(registry_path),
        backup=str(backup_path(registry_path)), had_registry=registry_path.exists())
    journal_path = registry_path.parent / JOURNAL
    make_ordinary(staging)
    try:
        write_journal(journal_path, journal)
        if registry_text is not None:
            if journal.had_registry:
                back_up_registry(registry_path, Path(journal.backup))
            write_registry(registry_path, registry, registry_text)
        swap_in(staging, site_dir, Path(journal.replaced))
        remove_journal(journal_path)
    except BaseException:
        for line in recover(registry_path, site_dir):
            print(line, file=sys.stderr)
        raise
    try:
        clean_up(journal)
    except OSError as error:
        return [f"{error.filename}: {error.strerror}: left for the next build to remove"]
    return []


def backup_path(registry_path: Path) -> Path:
    """Return where the previous registry is kept while a publication is under way."""
    return registry_path.parent / f".{registry_path.name}{BACKUP_SUFFIX}"


def write_journal(path: Path, journal: Journal) -> None:
    """Write the journal atomically."""
    write_text_atomic(path, json.dumps(asdict(journal), indent=2) + "\n")


def back_up_registry(registry_path: Path, backup: Path) -> None:
    """Copy the registry to ``backup`` atomically."""
    write_text_atomic(backup, registry_path.read_text(encoding="utf-8"))


def write_registry(registry_path: Path, registry: Registry, text: str) -> None:
    """Write the new registry atomically, with the ordinary mode of a file."""
    write_registry_atomic(registry_path, registry, text)


def swap_in(staging: Path, site_dir: Path, replaced: Path) -> None:
    """Put the site built in ``staging`` at ``site_dir``; the previous site goes to
    ``staging`` (exchanged) or ``replaced`` (where the folders cannot be exchanged)."""
    if not site_dir.exists():
        os.rename(staging, site_dir)
    elif not exchange(staging, site_dir):
        rename_aside(site_dir, replaced)
        os.rename(staging, site_dir)
    sync_folder(site_dir.parent)


def rename_aside(site_dir: Path, replaced: Path) -> None:
    """Rename the previous site out of the way (the fallback's first rename)."""
    os.rename(site_dir, replaced)


def remove_journal(path: Path) -> None:
    """Remove the journal: the publication is complete."""
    path.unlink()
    sync_folder(path.parent)


def clean_up(journal: Journal) -> None:
    """Remove what the publication no longer needs: the previous site and the backup."""
    for folder in (Path(journal.staging), Path(journal.replaced)):
        if folder.exists():
            shutil.rmtree(folder)
    Path(journal.backup).unlink(missing_ok=True)


# ------------------------------------------------------------------ recovery

def recover(registry_path: Path, site_dir: Path) -> list[str]:
    """Finish or roll back a publication a fault interrupted, and remove what it, or any
    interrupted build of ``site_dir``, left; return what was done, one line each (none
    when there was nothing to do). Run under the build lock."""
    journal_path = registry_path.parent / JOURNAL
    done: list[str] = []
    if journal_path.exists():
        journal = _read_journal(journal_path)
        site = Path(journal.site)
        if site.exists() and _inode(site) == tuple(journal.staging_inode):
            done.append(f"{site}: an interrupted publication is finished: the new site was "
                        "swapped in, and its registry written before it")
        else:
            if not site.exists() and Path(journal.replaced).exists():
                os.rename(journal.replaced, site)
            if Path(journal.backup).exists():
                os.replace(journal.backup, journal.registry)
            elif not journal.had_registry:
                Path(journal.registry).unlink(missing_ok=True)
            done.append(f"{site}: an interrupted publication is rolled back: the previous site "
                        "and registry stand")
        journal_path.unlink()
        sync_folder(journal_path.parent)
        clean_up(journal)
    return done + remove_leftovers(registry_path, site_dir)


def remove_leftovers(registry_path: Path, site_dir: Path) -> list[str]:
    """Remove temporary files beside the registry and staging folders beside ``site_dir``
    (under the lock, no build is using any); return one line per thing removed."""
    removed: list[str] = []
    folder = registry_path.parent
    for pattern in (f".{registry_path.name}.*.tmp", f".{JOURNAL}.*.tmp", backup_path(registry_path).name):
        for path in folder.glob(pattern):
            path.unlink()
            removed.append(f"removed leftover {path}")
    for infix in (STAGING, REPLACED):
        for path in site_dir.parent.glob(f"{site_dir.name}{infix}*"):
            if path.is_dir():
                shutil.rmtree(path)
                removed.append(f"removed leftover {path}")
    return removed


def _read_journal(path: Path) -> Journal:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        data["staging_inode"] = tuple(data["staging_inode"])
        return Journal(**data)
    except (ValueError, TypeError, KeyError, RecursionError) as error:
        raise BuildError(path, 0, f"the publishing journal is damaged ({error}): compare site/ "
                                  "and the registry by hand, then remove it") from None


# ------------------------------------------------------------------ ids the site published

ANCHORS_EXPORT = Path("api") / "anchors.json"
"""Where a built site lists every id it published (see ``render.exports.anchor_object``)."""


def missing_published_ids(site_dir: Path, registry: Registry) -> list[str]:
    """Return the ids the site published at ``site_dir`` lists in api/anchors.json that
    ``registry`` lacks, in that file's order (none when no site was published there)."""
    path = site_dir / ANCHORS_EXPORT
    if not path.exists():
        return []
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))
        published = [row["id"] for row in rows]
    except (ValueError, TypeError, KeyError, RecursionError) as error:
        raise BuildError(path, 0, f"the published site's id list cannot be read ({error}): "
                                  "the ids it published cannot be compared with the registry") from None
    known = {record.id for record in registry.paragraphs}
    return [pid for pid in published if pid not in known]


def publication_findings(registry_path: Path, site_dir: Path, registry: Registry) -> list[Finding]:
    """Return the check's findings on the publication: an interrupted one not yet finished
    or rolled back, and every id the published site shows that the registry lacks."""
    findings = []
    if (registry_path.parent / JOURNAL).exists():
        findings.append(Finding(str(registry_path.parent / JOURNAL), 0,
                                "a publication was interrupted: the next build finishes or rolls it back"))
    for pid in missing_published_ids(site_dir, registry):
        findings.append(Finding(str(registry_path), 0, f"id '{pid}' was published "
                                f"({site_dir / ANCHORS_EXPORT}) but is missing from the registry: "
                                "restore the registry, or a build would give it to other words"))
    return findings


# ------------------------------------------------------------------ system calls

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100
_libc = ctypes.CDLL(None, use_errno=True)
_renameat2 = getattr(_libc, "renameat2", None)  # glibc 2.28+; absent elsewhere


def exchange(a: Path, b: Path) -> bool:
    """Exchange the folders ``a`` and ``b`` atomically; return False, having done nothing,
    where the system or file system cannot."""
    if _renameat2 is None:
        return False
    if _renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def _inode(path: Path) -> tuple[int, int]:
    stat = os.stat(path)
    return stat.st_dev, stat.st_ino


def write_registry_atomic(path: Path | str, registry: Registry, text: str | None = None) -> None:
    """Write the registry so that path holds either the old or the whole new file, with the
    ordinary mode of a new file; ``text``, when given, is ``dumps_registry(registry)``."""
    text = dumps_registry(registry) if text is None else text
    write_text_atomic(Path(path), text)
