"""Build and publish: generate, build into a temporary folder, check, then swap.

A build that fails at any step leaves the previous ``site/`` and the anchor
registry exactly as they were.
"""

from __future__ import annotations

import logging
import shutil
import sys
import tempfile
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, MkDocsException

from build_tools import site_build
from build_tools.pipeline import Generated, generate, read_inputs
from build_tools.registry import dumps_registry, write_registry_atomic
from build_tools.writer import write_pages


class _CountWarnings(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def build_site(generated: Generated, site_dir: Path, config_file: Path, source: Path) -> list[str]:
    """Run the strict MkDocs build of ``generated`` into ``site_dir``; return its warnings."""
    counter = _CountWarnings()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(counter)
    site_build.inject(generated)
    try:
        config = load_config(str(config_file), site_dir=str(site_dir.resolve()), strict=True)
        config["extra"]["source_dir"] = str(source.resolve())
        mkdocs_build(config)
    except (Abort, MkDocsException) as err:
        counter.messages.append(f"MkDocs build failed: {err}")
    finally:
        site_build.inject(None)
        logger.removeHandler(counter)
    return counter.messages


def swap_in(new_site: Path, site_dir: Path) -> None:
    """Replace ``site_dir`` by ``new_site`` with two renames."""
    old = site_dir.with_name(site_dir.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    if site_dir.exists():
        site_dir.rename(old)
    new_site.rename(site_dir)
    if old.exists():
        shutil.rmtree(old)


def publish(source: Path, site_dir: Path, config_file: Path) -> int:
    """Build the site from ``source`` into ``site_dir``; return the exit code."""
    from build_tools.check import check_site

    inputs = read_inputs(source)
    generated = generate(inputs, site_build.build_date())
    for line in generated.report_lines():
        print(line)
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=site_dir.name + ".", dir=site_dir.parent))
    try:
        warnings = build_site(generated, staging, config_file, source)
        if warnings:
            for message in warnings:
                print(f"error: {message}", file=sys.stderr)
            print("error: the build failed; site/ and the registry are unchanged", file=sys.stderr)
            return 1
        findings = [f for f in check_site(staging, site_build.site_root(config_file)) if f.fails]
        if findings:
            for finding in findings:
                print(f"error: {finding}", file=sys.stderr)
            print("error: the built site failed its checks; site/ and the registry are unchanged",
                  file=sys.stderr)
            return 1
        swap_in(staging, site_dir)
    finally:
        if staging.exists():
            shutil.rmtree(staging)
    registry_path = inputs.tree.registry
    new_text = dumps_registry(generated.registry)
    if not registry_path.exists() or registry_path.read_text(encoding="utf-8") != new_text:
        write_registry_atomic(registry_path, generated.registry)
        print(f"updated {registry_path}: commit it with the texts")
    if site_build.last_write_report is not None:
        print(site_build.last_write_report.summary())
    print(f"built {len(generated.pages)} pages into {site_dir}")
    return 0


def dump(source: Path, out: Path) -> int:
    """Write the generated Markdown pages to ``out`` (same code path as the build)."""
    generated = generate(read_inputs(source), site_build.build_date())
    report = write_pages(generated.pages, out)
    print(report.summary())
    return 0
