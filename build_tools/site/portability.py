"""``make portability``: the Markdown ``make dump`` writes, built by other engines and themes.

Each build is a process of its own, strict, and is then checked for every paragraph id of
``api/paragraphs.json`` on the page its URL names:

- MkDocs with its built-in ``mkdocs`` theme, on the dump (the CI test runs this one too);
- MkDocs with Material (``mkdocs-material``), on the dump;
- ProperDocs (``properdocs``, the continuation of MkDocs 1.x) running our ``g7`` plugin and
  theme on the source, as ``make site`` does with MkDocs;
- Zensical (``zensical``), which reads ``mkdocs.yml`` but runs no plugin, on the dump.

The engines other than MkDocs are in the ``portability`` extra of the package; one that
is not installed is reported as such. Every config is the project's own Markdown
extensions and validation (see ``portable_config``), so a build that passes here passes
for the same reasons as ``make site``.
"""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

from build_tools.site.commands import dump

PROJECT = Path(__file__).resolve().parents[2]
CONFIG = PROJECT / "mkdocs.yml"
_ID = re.compile(r'\bid="([^"]+)"')


@dataclass(frozen=True)
class PortabilityResult:
    """What one engine made of the pages."""

    engine: str
    outcome: str
    """'pass', 'fail' or 'not installed'."""
    seconds: float = 0.0
    detail: str = ""

    def line(self) -> str:
        timing = f" in {self.seconds:.1f} s" if self.seconds else ""
        return f"{self.engine}: {self.outcome}{timing}{': ' + self.detail if self.detail else ''}"


def project_settings(config: Path = CONFIG) -> dict:
    """Return the parts of the project's mkdocs.yml every build of the pages shares: the
    Markdown extensions and the validation."""
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    return {"markdown_extensions": data["markdown_extensions"], "validation": data["validation"]}


def portable_config(docs: Path, theme: str, site: Path) -> str:
    """Return the YAML of a config building the pages in ``docs`` into ``site`` with
    ``theme`` ('mkdocs', 'material') and no plugin, strict, validated as the site is."""
    config = {"site_name": "G7 texts", "docs_dir": str(docs), "site_dir": str(site),
              "use_directory_urls": True, "strict": True, "theme": {"name": theme},
              "plugins": [], **project_settings()}
    return yaml.safe_dump(config, sort_keys=False, allow_unicode=True)


def missing_paragraph_ids(site: Path, paragraphs: list[dict]) -> list[str]:
    """Return 'id (page)' for every paragraph whose id is not on the page its URL names."""
    ids_on: dict[str, set[str]] = {}
    missing = []
    for row in paragraphs:
        page = row["url"].partition("#")[0]
        if page not in ids_on:
            path = site / page / "index.html"
            ids_on[page] = set(_ID.findall(path.read_text(encoding="utf-8"))) if path.exists() else set()
        if row["id"] not in ids_on[page]:
            missing.append(f"{row['id']} ({page or 'home'})")
    return missing


def run_build(command: list[str], cwd: Path) -> tuple[bool, float, str]:
    """Run a build command; return (it succeeded, seconds, the tail of its output)."""
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-8:])
    return done.returncode == 0, seconds, tail


def checked(engine: str, ok: bool, seconds: float, tail: str, site: Path, paragraphs: list[dict]) -> PortabilityResult:
    """Return the result of a build: failed, or passed with every paragraph id present."""
    if not ok:
        return PortabilityResult(engine, "fail", seconds, tail)
    missing = missing_paragraph_ids(site, paragraphs)
    if missing:
        return PortabilityResult(engine, "fail", seconds,
                                 f"{len(missing)} paragraph ids missing, e.g. {', '.join(missing[:3])}")
    return PortabilityResult(engine, "pass", seconds, f"all {len(paragraphs)} paragraph ids present")


def build_dump_with_mkdocs(docs: Path, theme: str, work: Path, paragraphs: list[dict]) -> PortabilityResult:
    """Return the result of ``mkdocs build --strict`` of the dump in ``docs`` with ``theme``."""
    site = work / f"site-{theme}"
    config = work / f"mkdocs-{theme}.yml"
    config.write_text(portable_config(docs, theme, site), encoding="utf-8")
    ok, seconds, tail = run_build([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config)], work)
    return checked(f"MkDocs, theme '{theme}'", ok, seconds, tail, site, paragraphs)


def build_source_with_properdocs(source: Path, work: Path, paragraphs: list[dict]) -> PortabilityResult:
    """Return the result of ``properdocs build --strict`` on the project's own config (our
    plugin generating the pages from ``source``, our theme)."""
    engine = "ProperDocs, our plugin and theme"
    if importlib.util.find_spec("properdocs") is None:
        return PortabilityResult(engine, "not installed")
    config = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))
    docs = work / "properdocs-docs"
    docs.mkdir(exist_ok=True)
    site = work / "site-properdocs"
    config.update(docs_dir=str(docs), site_dir=str(site), watch=[])
    config["theme"]["custom_dir"] = str(PROJECT / config["theme"]["custom_dir"])
    # A copy of the source in the work folder: the plugin writes its pages beside the source
    # folder of a config outside the project (build.pages_folder), which must not be the project.
    own_source = work / "properdocs-source"
    shutil.copytree(source, own_source, dirs_exist_ok=True)
    config["extra"]["source_dir"] = str(own_source.resolve())
    path = work / "properdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    ok, seconds, tail = run_build([sys.executable, "-m", "properdocs", "build", "--strict", "-q", "-f", str(path)],
                                  work)
    return checked(engine, ok, seconds, tail, site, paragraphs)


def build_dump_with_zensical(docs: Path, work: Path, paragraphs: list[dict]) -> PortabilityResult:
    """Return the result of ``zensical build --strict`` of the dump (Zensical wants the pages
    inside the folder of its config: they are copied there)."""
    engine = "Zensical"
    executable = shutil.which("zensical") or str(Path(sys.executable).with_name("zensical"))
    if not Path(executable).exists():
        return PortabilityResult(engine, "not installed")
    project = work / "zensical"
    shutil.rmtree(project, ignore_errors=True)
    shutil.copytree(docs, project / "docs")
    config = yaml.safe_load(portable_config(project / "docs", "material", project / "site"))
    config.update(docs_dir="docs", site_dir="site")
    del config["theme"]
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True),
                                        encoding="utf-8")
    ok, seconds, tail = run_build([executable, "build", "--strict", "-f", "mkdocs.yml"], project)
    return checked(engine, ok, seconds, tail, project / "site", paragraphs)


def run_portability(source: Path, work: Path) -> int:
    """Dump the pages of ``source`` and build them with every engine; print one line per
    engine; return 1 when an installed engine failed."""
    work = work.resolve()
    shutil.rmtree(work, ignore_errors=True)
    docs = work / "dump"
    dump(source, docs)
    paragraphs = json.loads((docs / "api" / "paragraphs.json").read_text(encoding="utf-8"))
    results = [build_dump_with_mkdocs(docs, "mkdocs", work, paragraphs)]
    if importlib.util.find_spec("material") is not None:
        results.append(build_dump_with_mkdocs(docs, "material", work, paragraphs))
    else:
        results.append(PortabilityResult("MkDocs, theme 'material'", "not installed"))
    results.append(build_source_with_properdocs(source, work, paragraphs))
    results.append(build_dump_with_zensical(docs, work, paragraphs))
    for result in results:
        print(result.line())
    return 1 if any(r.outcome == "fail" for r in results) else 0
