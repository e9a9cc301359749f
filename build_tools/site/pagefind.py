"""The search index: Pagefind indexes the site's index pages and writes its bundle into
the built site (``pagefind/``), after MkDocs has built the pages.

The index pages come from the pipeline (``render.search_pages``: one per section,
holding its paragraphs, and one per glossary entry), never from the built HTML. The binary is the one the ``pagefind-bin``
wheel installs (pinned in pyproject.toml), found by ``pagefind_bin.get_executable``;
nothing is downloaded at run time.

We talk to that binary's service mode (``pagefind --service``: requests and responses
are base64-encoded JSON messages, each ending with a comma, on its standard input and
output) ourselves rather than through the ``pagefind`` package's ``PagefindIndex``:
that wrapper waits 0.1 s before reading each response, so it adds ten pages a
second (a minute for 600 pages, four minutes at 200 documents); written all at
once, the same pages are indexed in a fraction of a second.
"""

from __future__ import annotations

import base64
import json
import logging
import os
import shutil
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Iterator

from build_tools.errors import BuildError
from build_tools.model.site import SearchPage

BUNDLE = "pagefind"
"""The bundle's folder in the built site; the search UI loads ``pagefind/pagefind.js``."""
INDEX_CHUNK_SIZE = 4000
"""How much of the word index one file holds (Pagefind's own measure: word positions; its
default is 20,000). A search fetches the files holding its words; at 200 documents the
default makes each a 20 to 50 KB download and the first search 160 KB, this one 5 to 12 KB
and the first search about 130 KB (tests/browser/test_browser_search_budget.py). Pagefind
1.5 reads it from the environment variable PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE only; the
version is pinned, and the budget test fails should a version drop it."""
UNUSED_FILES = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
                "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js",
                "pagefind-worker.js")
"""What Pagefind writes into every bundle and the site does not use: its own search UIs
(theme/js/search.js is ours) and its web worker (our UI runs Pagefind without it)."""


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


def pagefind_binary() -> Path:
    """Return the Pagefind binary of the installed ``pagefind-bin`` wheel."""
    try:
        from pagefind_bin import get_executable
        return Path(get_executable())
    except (ImportError, FileNotFoundError) as err:
        raise BuildError(BUNDLE, 0, f"the Pagefind binary is missing ({err}): "
                                    "install the project's dependencies (make site does)") from None


def page_request(index_id: int, page: SearchPage) -> dict:
    """Return the service's request that adds ``page`` to the index ``index_id``."""
    return {"type": "AddFile", "index_id": index_id, "url": "/" + page.url, "file_contents": page.html,
            "file_path": None}


def encode(message_id: int, payload: dict) -> bytes:
    """Return one request as the service reads it: base64 of its JSON, then a comma."""
    message = json.dumps({"message_id": message_id, "payload": payload}, ensure_ascii=False)
    return base64.b64encode(message.encode("utf-8")) + b","


def decode_all(stream: IO[bytes]) -> Iterator[dict]:
    """Yield each response the service writes on ``stream``, in order, until it closes."""
    pending = b""
    while chunk := stream.read1(1 << 16):  # type: ignore[attr-defined]
        pending += chunk
        *complete, pending = pending.split(b",")
        for message in complete:
            yield json.loads(base64.b64decode(message))


class _Service:
    """A running ``pagefind --service`` and the responses it has written."""

    def __init__(self, binary: Path) -> None:
        environment = {**os.environ, "PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE": str(INDEX_CHUNK_SIZE)}
        self.process = subprocess.Popen([str(binary), "--service"], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=environment)
        self.responses = decode_all(self.process.stdout)  # type: ignore[arg-type]
        self.sent = 0

    def send(self, payloads: list[dict]) -> list[dict]:
        """Send ``payloads`` and return the service's answers to them, in the same order;
        raise BuildError on the first error answered.

        The requests are written from a thread of their own while the answers are read
        here, so that neither side waits on a full pipe."""
        first = self.sent + 1
        self.sent += len(payloads)
        stdin = self.process.stdin
        assert stdin is not None

        def write() -> None:
            try:
                for offset, payload in enumerate(payloads):
                    stdin.write(encode(first + offset, payload))
                stdin.flush()
            except BrokenPipeError:
                pass  # the service stopped: reading its answers says so

        writer = threading.Thread(target=write, daemon=True)
        writer.start()
        answers: dict[int, dict] = {}
        for response in self.responses:
            answers[response.get("message_id") or 0] = response["payload"]
            if response["payload"].get("type") == "Error":
                raise BuildError(BUNDLE, 0, f"Pagefind: {response['payload'].get('message')}")
            if len(answers) == len(payloads):
                break
        writer.join()
        if len(answers) < len(payloads):
            raise BuildError(BUNDLE, 0, "Pagefind stopped before indexing every page")
        return [answers[first + offset] for offset in range(len(payloads))]

    def close(self, failed: bool) -> float:
        """Stop the service (at once when ``failed``); return its peak resident memory in MiB.

        The service stops when its input closes; waiting for it with ``wait4`` gives the
        kernel's account of its memory."""
        if failed:
            self.process.kill()
        if self.process.stdin:
            try:
                self.process.stdin.close()
            except BrokenPipeError:
                pass
        _, status, usage = os.wait4(self.process.pid, 0)
        self.process.returncode = os.waitstatus_to_exitcode(status)
        return usage.ru_maxrss / 1024


def write_search_index(pages: tuple[SearchPage, ...], site_dir: Path) -> IndexReport:
    """Index ``pages`` with Pagefind and write its bundle to ``site_dir/pagefind/``
    (replacing one there); return what it took. Raises BuildError when Pagefind fails."""
    start = time.perf_counter()
    bundle = site_dir / BUNDLE
    service = _Service(pagefind_binary())
    failed = True
    try:
        (created,) = service.send([{"type": "NewIndex", "config": None}])
        index_id = created["index_id"]
        # Every page is answered before the index is written: the service works on
        # requests concurrently, and the bundle must hold them all.
        service.send([page_request(index_id, p) for p in pages])
        if bundle.exists():
            shutil.rmtree(bundle)
        service.send([{"type": "WriteFiles", "index_id": index_id, "output_path": str(bundle.resolve())}])
        failed = False
    finally:
        peak = service.close(failed)
    for name in UNUSED_FILES:
        (bundle / name).unlink(missing_ok=True)
    return IndexReport(len(pages), time.perf_counter() - start, peak)


class BackgroundIndexer:
    """Indexes a preview's pages in a thread of its own, so that ``mkdocs serve`` shows an edit
    without waiting for the search index (2.7 s at 200 documents): the preview's search answers
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
        report = write_search_index(pages, scratch)
        bundle, old = site_dir / BUNDLE, scratch / "previous"
        if bundle.exists():
            bundle.rename(old)
        (scratch / BUNDLE).rename(bundle)
        return report
    except (BuildError, OSError) as err:
        return str(err)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
