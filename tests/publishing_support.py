"""What the publishing tests share: the state a fault must leave, and a build that can be
killed at a chosen step.

Run as a script, it is that build: ``python tests/publishing_support.py
MODULE:FUNCTION:WHEN[,...] SIGNAL_FILE BUILD_ARGS...`` replaces each named function:
with WHEN ``before`` or ``after``, by one that before or after the real call creates
SIGNAL_FILE and sleeps until the process is killed; with ``false``, by one that returns
False (``build_tools.site.publishing:exchange:false``: a file system that cannot exchange
folders). Nothing in the package knows about it.
"""

from __future__ import annotations

import importlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def site_ids(site: Path) -> set[str]:
    """Return every id the site at ``site`` published (its api/anchors.json)."""
    return {row["id"] for row in json.loads((site / "api" / "anchors.json").read_text(encoding="utf-8"))}


def registry_ids(registry: Path) -> set[str]:
    """Return every paragraph id the registry file holds (none when there is no file)."""
    if not registry.exists():
        return set()
    return {row["id"] for row in json.loads(registry.read_text(encoding="utf-8"))["paragraphs"]}


def leftovers(source: Path, site: Path) -> list[str]:
    """Return the names of publishing files and folders left beside the registry and the site."""
    found = [p.name for p in source.iterdir() if p.name.startswith(".") and p.is_file()]
    found += [p.name for p in site.parent.iterdir() if p.name.startswith(site.name + ".")]
    return sorted(found)


def assert_registry_covers_site(source: Path, site: Path) -> None:
    """Assert the state every moment must have: a site, and a registry holding every id it shows."""
    assert site.is_dir(), "no site/"
    missing = site_ids(site) - registry_ids(source / "anchor-registry.json")
    assert not missing, f"the registry lacks ids the published site shows: {sorted(missing)}"


def build_paused_at(step: str, signal_file: Path, source: Path, site: Path) -> subprocess.Popen:
    """Start a build in a subprocess that pauses at ``step`` ('module:function:before|after',
    see the module docstring); return it once it has reached the step."""
    process = subprocess.Popen(
        [sys.executable, str(Path(__file__).resolve()), step, str(signal_file),
         "build", "--source", str(source), "--site-dir", str(site)],
        cwd=ROOT, env=dict(os.environ, G7_BUILD_DATE="2026-02-01"),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not signal_file.exists():
        if process.poll() is not None:
            raise AssertionError(f"the build ended before {step}:\n{process.stdout.read()}\n{process.stderr.read()}")
        if time.monotonic() > deadline:
            process.kill()
            raise AssertionError(f"the build never reached {step}")
        time.sleep(0.05)
    return process


def kill_hard(process: subprocess.Popen) -> None:
    """Kill the process with SIGKILL (no clean-up runs) and wait for it."""
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    process.stdout.close()
    process.stderr.close()


def _pause_at(steps: str, signal_file: str) -> None:
    for step in steps.split(","):
        module_name, function_name, when = step.split(":")
        module = importlib.import_module(module_name)
        replacement = (lambda *args, **kwargs: False) if when == "false" else _paused(
            getattr(module, function_name), when, signal_file)
        setattr(module, function_name, replacement)


def _paused(real, when: str, signal_file: str):
    """Return ``real`` pausing for good before or after it runs."""
    def paused(*args, **kwargs):
        if when == "before":
            _signal_and_sleep(signal_file)
        result = real(*args, **kwargs)
        _signal_and_sleep(signal_file)
        return result

    return paused


def _signal_and_sleep(signal_file: str) -> None:
    Path(signal_file).write_text("paused\n", encoding="utf-8")
    while True:
        time.sleep(60)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    _pause_at(sys.argv[1], sys.argv[2])
    from build_tools.cli import main

    raise SystemExit(main(sys.argv[3:]))
