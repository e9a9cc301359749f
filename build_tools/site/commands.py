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
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, MkDocsException

from build_tools.check.site import check_site
from build_tools.errors import BuildError, Finding
from build_tools.model.ids import Registry
from build_tools.model.source import SourceTree
from build_tools.pipeline import Generated, generate, read_inputs, source_findings
from build_tools.read.registry import RegistryError, dumps_registry, parse_registry
from build_tools.site import build as site_build, publishing
from build_tools.site.plugin import G7Plugin
from build_tools.site.writer import WriteReport, write_pages


class _CountWarnings(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def build_site(generated: Generated, site_dir: Path, config_file: Path, source: Path
               ) -> tuple[list[str], G7Plugin | None]:
    """Run the strict MkDocs build of ``generated`` into ``site_dir``; return its warnings and
    the plugin that built it (its reports: what it wrote, what indexing took), None when the
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
    with publishing.build_lock(tree.root, site_dir):
        for line in publishing.recover(tree.registry, site_dir):
            print(line)
        inputs = read_inputs(source)
        if _report_missing_ids(site_dir, inputs.registry, tree.registry):
            return 1
        generated = generate(inputs, site_build.build_date())
        for line in generated.report_lines():
            print(line)
        changed = _registry_to_write(generated.registry, tree.registry)
        staging = publishing.new_staging(site_dir)
        try:
            report = _build_and_check(generated, staging, config_file, source)
            if report is None:
                return 1
            for warning in publishing.publish_site(staging, site_dir, tree.registry, generated.registry,
                                                   changed):
                print(f"warning: {warning}", file=sys.stderr)
        finally:
            if staging.exists():
                shutil.rmtree(staging, ignore_errors=True)  # else the next build removes it
    if changed is not None:
        print(f"updated {tree.registry}: commit it with the texts")
    print(report.summary())
    print(f"built {len(generated.pages)} pages into {site_dir}")
    return 0


def _build_and_check(generated: Generated, staging: Path, config_file: Path, source: Path
                     ) -> WriteReport | None:
    """Build the site into ``staging`` and check it; return what the build wrote to the
    generated pages' folder, or print why and return None when it fails."""
    warnings, plugin = build_site(generated, staging, config_file, source)
    if warnings:
        for message in warnings:
            print(f"error: {message}", file=sys.stderr)
        print("error: the build failed; site/ and the registry are unchanged", file=sys.stderr)
        return None
    findings = [f for f in check_site(staging, site_build.site_root(config_file)) if f.fails]
    if findings:
        for finding in findings:
            print(f"error: {finding}", file=sys.stderr)
        print("error: the built site failed its checks; site/ and the registry are unchanged",
              file=sys.stderr)
        return None
    assert plugin is not None and plugin.write_report is not None and plugin.index_report is not None
    print(plugin.index_report.summary())
    return plugin.write_report


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
    """Write the generated Markdown pages to ``out`` (same code path as the build)."""
    generated = generate(read_inputs(source), site_build.build_date())
    report = write_pages(generated.pages, out)
    print(report.summary())
    return 0


def run_check(source: Path, site_dir: Path, config_file: Path) -> int:
    """Check the source and the built site; print findings; return the exit code."""
    inputs = read_inputs(source)
    generated = generate(inputs, site_build.build_date())
    findings = source_findings(inputs, generated)
    findings += publishing.publication_findings(inputs.tree.registry, site_dir, inputs.registry)
    if site_dir.exists():
        findings += check_site(site_dir, site_build.site_root(config_file))
    else:
        findings.append(Finding(str(site_dir), 0, "no built site to check: run `make site` first"))
    for finding in findings:
        print(finding)
    failing = sum(f.fails for f in findings)
    print(f"check: {failing} error(s), {len(findings) - failing} warning(s)")
    return 1 if failing else 0
