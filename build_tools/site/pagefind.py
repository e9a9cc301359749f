"""The search index: Pagefind indexes the site's index pages and writes its bundle into
the built site (``pagefind/``), after MkDocs has built the pages.

The index pages come from the pipeline (``render.search_pages``: one per section,
holding its paragraphs, and one per glossary entry), never from the built HTML. They are
written, each at its URL, into a folder of their own under the folder the bundle goes to,
Pagefind's command line (``python -m pagefind --site <that folder> --output-path
<site>/pagefind``, the binary the ``pagefind[bin]`` package installs, pinned in
pyproject.toml; nothing is downloaded at run time) indexes them, and the folder is
removed. A glossary entry's URL has a fragment (``glossary/#unodc``), which no file
has: its page is written at ``glossary/unodc/`` and states its URL as Pagefind's ``url``
meta, which the search UI follows (``theme/js/search.js``).
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from build_tools.errors import BuildError
from build_tools.model.site import SearchPage

BUNDLE = "pagefind"
"""The bundle's folder in the built site; the search UI loads ``pagefind/pagefind.js``."""
INDEX_CHUNK_SIZE = 4000
"""How much of the word index one file holds (Pagefind's own measure: word positions; its
default is 20,000). A search fetches the files holding its words; at 200 documents the
default makes each a 20 to 50 KB download and the first search 160 KB, this one 5 to 12 KB
and the first search 120 to 150 KB (tests/browser/test_browser_search_budget.py: the more
pauses in the typing, the more chunks the searches on the way fetch). Pagefind
1.5 reads it from the environment variable PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE only; the
version is pinned, and the budget test fails should a version drop it."""
UNUSED_FILES = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
                "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js",
                "pagefind-worker.js")
"""What Pagefind writes into every bundle and the site does not use: its own search UIs
(theme/js/search.js is ours) and its web worker (our UI runs Pagefind without it)."""


LOWEST_PRIORITY = 19
"""The niceness of a preview's background indexing (the lowest priority Linux gives)."""


@dataclass(frozen=True)
class IndexReport:
    """What indexing the site's search index pages took."""

    pages: int
    seconds: float
    peak_mib: float
    """The indexer's own peak resident memory (the Pagefind process alone)."""

    def summary(self) -> str:
        """Return the build log's line (the benchmark reads it: keep its shape)."""
        return (f"search index: {self.pages} pages in {self.seconds:.2f} s, "
                f"indexer peak memory {self.peak_mib:.0f} MiB")


def index_file(url: str) -> str:
    """Return where the index page of ``url`` is written for Pagefind, relative to the folder
    it reads: the page of the URL ('doc/s/' → 'doc/s/index.html'), or, for a URL with a
    fragment, a page named by the fragment ('glossary/#unodc' → 'glossary/unodc/index.html')."""
    page, _, fragment = url.partition("#")
    path = f"{page}{fragment}/" if fragment else page
    parts = path.split("/")[:-1]
    if path and (not path.endswith("/") or any(p in ("", ".", "..") for p in parts)):
        raise ValueError(f"search index URL {url!r} is not a folder inside the site")
    return f"{path}index.html"


def write_index_pages(pages: tuple[SearchPage, ...], folder: Path) -> None:
    """Write every index page into ``folder`` at its ``index_file``."""
    for page in pages:
        path = folder / index_file(page.url)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page.html, encoding="utf-8")


def run_pagefind(pages_folder: Path, bundle: Path, background: bool = False) -> float:
    """Run Pagefind's command line over ``pages_folder``, writing its bundle to ``bundle``;
    return its peak resident memory in MiB. Raises BuildError when it fails.

    ``background``: it runs at the lowest CPU priority, so that it takes only what the
    preview's next rebuild leaves (on two cores, an edit made while it ran waited for it).

    ``python -m pagefind`` replaces itself with the binary, so ``wait4`` gives the kernel's
    account of the binary's memory. It runs in ``pages_folder``, where no ``pagefind.yml``
    of the user's working directory can change what it does."""
    environment = {**os.environ, "PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE": str(INDEX_CHUNK_SIZE)}
    command = [sys.executable, "-m", "pagefind", "--site", str(pages_folder.resolve()),
               "--output-path", str(bundle.resolve()), "--quiet"]
    process = subprocess.Popen(command, cwd=pages_folder, env=environment, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT)
    if background:
        try:
            os.setpriority(os.PRIO_PROCESS, process.pid, LOWEST_PRIORITY)
        except OSError:  # it has already ended
            pass
    output = process.stdout.read() if process.stdout else b""
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        lines = [line.strip() for line in output.decode("utf-8", "replace").splitlines() if line.strip()]
        # Pagefind's own error line; else (no Pagefind to run) the last line of the traceback
        reason = next((line for line in lines if line.startswith("Error")),
                      lines[-1] if lines else f"exit status {process.returncode}")
        raise BuildError(BUNDLE, 0, f"Pagefind failed: {reason}")
    return usage.ru_maxrss / 1024


def write_search_index(pages: tuple[SearchPage, ...], site_dir: Path,
                       background: bool = False) -> IndexReport:
    """Index ``pages`` with Pagefind and write its bundle to ``site_dir/pagefind/``
    (replacing one there); return what it took. The index pages live in a temporary
    folder under ``site_dir`` while Pagefind reads them; ``background``: see ``run_pagefind``.
    Raises BuildError when Pagefind fails."""
    start = time.perf_counter()
    bundle = site_dir / BUNDLE
    pages_folder = Path(tempfile.mkdtemp(prefix=".search-pages-", dir=site_dir))
    try:
        write_index_pages(pages, pages_folder)
        if bundle.exists():
            shutil.rmtree(bundle)
        peak = run_pagefind(pages_folder, bundle, background)
    finally:
        shutil.rmtree(pages_folder, ignore_errors=True)
    for name in UNUSED_FILES:
        (bundle / name).unlink(missing_ok=True)
    return IndexReport(len(pages), time.perf_counter() - start, peak)


class BackgroundIndexer:
    """Indexes a preview's pages in a thread of its own, so that ``mkdocs serve`` shows an edit
    without waiting for the search index (3.5 to 4 s at 200 documents): the preview's search answers
    from the index before the edit until the new one is swapped in.

    Only the newest request is indexed: one made while another is being indexed replaces
    any still waiting. The bundle is written beside the site and swapped in by renaming."""

    def __init__(self) -> None:
        self._lock = threading.Condition()
        self._waiting: tuple[tuple[SearchPage, ...], Path] | None = None
        self._busy = False
        self.last: IndexReport | str | None = None
        """The last indexing's report, or the error it stopped with."""

    def request(self, pages: tuple[SearchPage, ...], site_dir: Path) -> None:
        """Index ``pages`` into ``site_dir/pagefind/`` as soon as the thread is free."""
        with self._lock:
            self._waiting = (pages, site_dir)
            if not self._busy:
                self._busy = True
                threading.Thread(target=self._run, name="g7-search-index", daemon=True).start()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until every request is indexed; return False when ``timeout`` ran out first."""
        with self._lock:
            return self._lock.wait_for(lambda: not self._busy, timeout)

    def _run(self) -> None:
        while True:
            with self._lock:
                if self._waiting is None:
                    self._busy = False
                    self._lock.notify_all()
                    return
                pages, site_dir = self._waiting
                self._waiting = None
            self.last = _index_and_swap(pages, site_dir)
            log = logging.getLogger("mkdocs.plugins.g7")
            if isinstance(self.last, IndexReport):
                log.info("%s (in the background)", self.last.summary())
            else:
                log.error("the search index was not updated: %s", self.last)


def _index_and_swap(pages: tuple[SearchPage, ...], site_dir: Path) -> IndexReport | str:
    """Index ``pages`` into a folder beside ``site_dir``, then rename it to ``site_dir/pagefind``;
    return the report, or the error as text (a preview keeps running)."""
    scratch = Path(tempfile.mkdtemp(prefix=".g7-search-", dir=site_dir.parent))
    try:
        report = write_search_index(pages, scratch, background=True)
        bundle, old = site_dir / BUNDLE, scratch / "previous"
        if bundle.exists():
            bundle.rename(old)
        (scratch / BUNDLE).rename(bundle)
        return report
    except (BuildError, OSError) as err:
        return str(err)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
