"""The commands: ``build`` (generate, build into a staging folder, check, then publish),
``dump`` (the generated pages into a folder) and ``check`` (the source and the built site).

A build that fails at any step leaves the previous ``site/`` and the anchor
registry exactly as they were; one interrupted while publishing is finished or
rolled back by the next run (see ``publishing``).
"""

from __future__ import annotations

import logging
import shutil
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, MkDocsException

from build_tools.check.deep import check_site
from build_tools.errors import BuildError, Finding
from build_tools.model.ids import Registry
from build_tools.model.site import DataFile
from build_tools.model.source import SourceTree
from build_tools.pipeline import Generated, generate, generation_findings, read_inputs, source_findings
from build_tools.read.registry import RegistryError, dumps_registry, parse_registry
from build_tools.site import build as site_build, publishing
from build_tools.site.plugin import G7Plugin
from build_tools.site.writer import require_inside, write_pages


class StepTimes:
    """The seconds each step of a build took, printed as one line of the build log
    ('steps (s): generate 1.20, check 0.05, mkdocs 3.00, publish 0.10') so that the
    benchmark can report a step apart."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextmanager
    def step(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - start

    def line(self) -> str:
        return "steps (s): " + ", ".join(f"{name} {seconds:.2f}" for name, seconds in self.seconds.items())


class _CountWarnings(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def build_site(generated: Generated, site_dir: Path, config_file: Path, source: Path
               ) -> tuple[list[str], G7Plugin | None]:
    """Run the strict MkDocs build of ``generated`` into ``site_dir``; return its warnings and
    the plugin that built it (its report of what indexing took), None when the
    config has none."""
    counter = _CountWarnings()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(counter)
    plugin: G7Plugin | None = None
    try:
        config = load_config(str(config_file), site_dir=str(site_dir.resolve()), strict=True)
        config["extra"]["source_dir"] = str(source.resolve())
        plugin = config.plugins.get("g7")
        if not isinstance(plugin, G7Plugin):
            raise BuildError(config_file, 0, "the site's plugin is missing: list it as 'plugins: [g7]'")
        plugin.handed = generated
        mkdocs_build(config)
    except (Abort, MkDocsException) as err:
        counter.messages.append(f"MkDocs build failed: {err}")
    finally:
        if plugin is not None:
            plugin.handed = None
        logger.removeHandler(counter)
    return counter.messages, plugin


def publish(source: Path, site_dir: Path, config_file: Path) -> int:
    """Build the site from ``source`` into ``site_dir``; return the exit code.

    Under the build lock: finish or roll back what an interrupted build left, refuse
    a registry that lost ids the site published, generate, build into a staging
    folder, check, then publish the site and the registry together (``publishing``).
    """
    site_dir = site_dir.resolve()
    tree = SourceTree(Path(source))
    steps = StepTimes()
    with publishing.build_lock(tree.root, site_dir):
        for line in publishing.recover(tree.registry, site_dir):
            print(line)
        with steps.step("generate"):
            inputs = read_inputs(source)
            if _report_missing_ids(site_dir, inputs.registry, tree.registry):
                return 1
            generated = generate(inputs, site_build.build_date())
        for line in generated.report_lines():
            print(line)
        changed = _registry_to_write(generated.registry, tree.registry)
        with steps.step("check"):
            if not _generation_passes(generated):
                return 1
        staging = publishing.new_staging(site_dir)
        try:
            with steps.step("mkdocs"):
                built = _build(generated, staging, config_file, source, steps)
            # Search indexing runs inside MkDocs' build: shown apart, not twice.
            steps.seconds["mkdocs"] -= steps.seconds.get("search", 0.0)
            if not built:
                return 1
            with steps.step("publish"):
                for warning in publishing.publish_site(staging, site_dir, tree.registry,
                                                       generated.registry, changed):
                    print(f"warning: {warning}", file=sys.stderr)
        finally:
            if staging.exists():
                shutil.rmtree(staging, ignore_errors=True)  # else the next build removes it
    if changed is not None:
        print(f"updated {tree.registry}: commit it with the texts")
    print(steps.line())
    print(f"built {len(generated.pages)} pages into {site_dir}")
    return 0


def _generation_passes(generated: Generated) -> bool:
    """Return True when the generation passes the checks MkDocs cannot make; print each
    failing finding otherwise."""
    findings = [f for f in generation_findings(generated) if f.fails]
    for finding in findings:
        print(f"error: {finding}", file=sys.stderr)
    if findings:
        print("error: the generated site failed its checks; site/ and the registry are unchanged",
              file=sys.stderr)
    return not findings


def _build(generated: Generated, staging: Path, config_file: Path, source: Path,
           steps: StepTimes) -> bool:
    """Run MkDocs' strict build (its link and anchor validation included) into ``staging``;
    return True when it built, else print why and return False. ``steps`` is told how long
    search indexing took within the build."""
    warnings, plugin = build_site(generated, staging, config_file, source)
    if warnings:
        for message in warnings:
            print(f"error: {message}", file=sys.stderr)
        print("error: the build failed; site/ and the registry are unchanged", file=sys.stderr)
        return False
    assert plugin is not None and plugin.index_report is not None
    steps.seconds["search"] = plugin.index_report.seconds
    print(plugin.index_report.summary())
    return True


def _report_missing_ids(site_dir: Path, registry: Registry, registry_path: Path) -> bool:
    """Print an error for every id the published site shows that the registry lacks;
    return True when there is one (the build must not mint it again for other words)."""
    missing = publishing.missing_published_ids(site_dir, registry)
    for pid in missing:
        print(f"error: {registry_path}: id '{pid}' was published ({site_dir / publishing.ANCHORS_EXPORT}) "
              "but is missing from the registry", file=sys.stderr)
    if missing:
        print(f"error: restore {registry_path} (from version control) before building: a new build "
              "would give these ids to other words; site/ and the registry are unchanged",
              file=sys.stderr)
    return bool(missing)


def _registry_to_write(registry: Registry, path: Path) -> str | None:
    """Return the text of ``registry`` when it differs from the file at ``path``, None when
    it does not; raise BuildError when the text would not read back as ``registry``."""
    text = dumps_registry(registry)
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return None
    try:
        read_back = parse_registry(text, path)
    except RegistryError as error:
        raise BuildError(path, 0, f"the registry this build made would not read back ({error.message} "
                                  f"at line {error.line}); nothing was written") from None
    if read_back != registry:
        raise BuildError(path, 0, "the registry this build made reads back differently; nothing was written")
    return text


def dump(source: Path, out: Path) -> int:
    """Write the generated Markdown pages to ``out`` (same code path as the build), with the
    data files they link to, so that the folder builds as it is as a ``docs_dir``."""
    generated = generate(read_inputs(source), site_build.build_date())
    report = write_pages(generated.pages, out)
    write_data_files(generated.data_files, out)
    print(report.summary())
    return 0


def write_data_files(files: tuple[DataFile, ...], out: Path) -> None:
    """Write the data files (exports, anchor map, redirect pages) under ``out``."""
    for data in files:
        require_inside(data.path, out)
        path = out / data.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(data.content, encoding="utf-8")


def run_check(source: Path, site_dir: Path, config_file: Path, deep: bool = False) -> int:
    """Check the source, the generation and the published registry (with ``deep``, the
    built site read back too); print findings; return the exit code."""
    inputs = read_inputs(source)
    generated = generate(inputs, site_build.build_date())
    findings = source_findings(inputs, generated) + generation_findings(generated)
    findings += publishing.publication_findings(inputs.tree.registry, site_dir, inputs.registry)
    if deep and site_dir.exists():
        findings += check_site(site_dir, site_build.site_root(config_file))
    elif deep:
        findings.append(Finding(str(site_dir), 0, "no built site to check: run `make site` first"))
    for finding in findings:
        print(finding)
    failing = sum(f.fails for f in findings)
    print(f"check: {failing} error(s), {len(findings) - failing} warning(s)")
    return 1 if failing else 0
