"""Bad input, preview: ``mkdocs serve`` (as ``make serve`` runs it) keeps answering while a
sidecar is broken, showing the last pages that built or a page saying what is wrong, and
logs every failure with its message."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.helpers import ROOT, SMALL_TEXT

GOOD_SIDECAR = "place: Rome\n"
BROKEN = "place: [unclosed\n"
FAILURES = [("place: [unclosed\n", "not valid YAML"),
            ("place: Rome\nplcae: typo\n", "unknown sidecar key 'plcae'"),
            ("place: Rome\nplcae: typo\n\n", "unknown sidecar key 'plcae'")]
"""Breakages one after the other, the last two with the same message: each is logged."""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _project(root: Path, sidecar: str) -> Path:
    """Return a copy of the project (config, theme) at ``root`` with a one-text source; the
    plugin comes from the installed package."""
    for folder in ("theme", "docs"):
        shutil.copytree(ROOT / folder, root / folder)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    texts = root / "source" / "texts"
    texts.mkdir(parents=True)
    (texts / "statement.txt").write_text(SMALL_TEXT, encoding="utf-8")
    (texts / "statement.yml").write_text(sidecar, encoding="utf-8")
    return root


class Preview:
    """``mkdocs serve --dirty --no-strict`` running on a project, its log in a file."""

    def __init__(self, project: Path) -> None:
        self.port = _free_port()
        self.log = project / "serve.log"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--no-strict", "-a", f"127.0.0.1:{self.port}"],
            cwd=project, stdout=self.log.open("w"), stderr=subprocess.STDOUT)

    def wait_for_log(self, text: str, count: int = 1, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while self.log.read_text(encoding="utf-8").count(text) < count:
            assert self.process.poll() is None, f"mkdocs serve ended:\n{self.log.read_text()}"
            assert time.monotonic() < deadline, f"never logged {text!r}:\n{self.log.read_text()}"
            time.sleep(0.1)

    def get(self, path: str = "") -> tuple[int, str]:
        """Return (status, body) of a page; a request the server holds fails the test."""
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/{path}", timeout=20) as response:
            return response.status, response.read().decode("utf-8")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@pytest.fixture()
def preview_of(tmp_path):
    previews = []

    def start(sidecar: str) -> tuple[Path, Preview]:
        project = _project(tmp_path / "project", sidecar)
        previews.append(Preview(project))
        return project, previews[-1]

    yield start
    for preview in previews:
        preview.stop()


def test_a_broken_sidecar_keeps_the_preview_answering_with_the_last_pages_and_logs_each_error(preview_of):
    project, preview = preview_of(GOOD_SIDECAR)
    preview.wait_for_log("Serving on")
    status, home = preview.get()
    assert status == 200 and "Statement" in home
    sidecar = project / "source" / "texts" / "statement.yml"
    for number, (broken, message) in enumerate(FAILURES, start=1):
        sidecar.write_text(broken, encoding="utf-8")
        preview.wait_for_log("Reloading browsers", count=number)  # the rebuild succeeded
        status, page = preview.get("statement/")
        assert status == 200 and "Rome" in page, "the last pages that built are shown"
        assert "The source has an error" in page and message.replace("'", "&#39;") in page
    log = preview.log.read_text(encoding="utf-8")
    assert log.count("statement.yml:2: unknown sidecar key 'plcae'") == 2
    assert log.count("statement.yml:2: not valid YAML") == 1
    assert "Aborted with a BuildError" not in log and "Traceback" not in log
    sidecar.write_text("place: Paris\n", encoding="utf-8")
    preview.wait_for_log("Reloading browsers", count=len(FAILURES) + 1)
    status, page = preview.get("statement/")
    assert "Paris" in page and "The source has an error" not in page


def test_a_preview_started_on_a_broken_sidecar_answers_with_a_page_naming_the_error(preview_of):
    project, preview = preview_of(BROKEN)
    preview.wait_for_log("Serving on")
    status, page = preview.get()
    assert status == 200
    assert "The site cannot be built" in page and "statement.yml:2: not valid YAML" in page
    assert "statement.yml:2: not valid YAML" in preview.log.read_text(encoding="utf-8")
