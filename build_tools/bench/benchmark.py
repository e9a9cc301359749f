"""``python -m build_tools bench``: what a user waits for, on synthetic corpora.

For each size the benchmark writes a synthetic project (a source folder shaped
like ``source/`` and an ``mkdocs.yml`` that is the project's own with absolute
paths) and times whole commands, each in a process of its own, as a user runs
them:

1. ``make site``: ``python -m build_tools build`` from a clean checkout's state
   (no generated pages, no site; the registry an earlier build wrote), with the
   peak resident memory of that process (``wait4``: the largest of it and the
   processes it ran, the Pagefind binary among them), the Pagefind binary's own
   peak as the build log reports it, and each of its steps as its build log
   reports them (``steps (s): …``), so that search indexing is shown apart and
   the target compares ``make site`` without it;
2. the floor: ``mkdocs build --strict`` with an empty theme (``{{ page.content }}``),
   no plugin and no hook, over the very Markdown ``python -m build_tools dump``
   writes, with the project's Markdown extensions and validation;
3. Material: the same Markdown and config with ``mkdocs-material``'s theme, when
   installed (``make portability`` installs it);
4. an edit under ``make serve``: ``mkdocs serve --dirty`` on the project, one
   paragraph of one text edited, and the seconds from the file's write until the
   served page holds the new words (the file watcher's wait included, as a user
   waits for it), with the median rebuild after the first and its generation as
   the serve log reports them (every rebuild the edits caused).

Every figure is the median of ``repeats`` runs. Targets are printed as PASS or
MISS next to the figures; nothing is asserted.
"""

from __future__ import annotations

import json
import re
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, replace
from importlib.metadata import entry_points
from pathlib import Path

import yaml

from build_tools.bench.synthetic import EDIT_SENTENCE, CorpusShape, edited_text, write_corpus
from build_tools.site.portability import portable_config

PROJECT = Path(__file__).resolve().parents[2]
CONFIG = PROJECT / "mkdocs.yml"
BUILD_DATE = "2026-01-15"
SERVE_TIMEOUT = 600.0
"""Seconds a served page may take to appear (the first build of 200 documents)."""


@dataclass(frozen=True)
class Timed:
    """One command's medians over its runs."""

    seconds: float
    peak_mib: float
    runs: tuple[float, ...]
    """Every run's seconds, in order."""
    steps: tuple[tuple[str, float], ...] = ()
    """(step, median seconds) of each step its build log reports, in order."""
    indexer_mib: float = 0.0
    """The median of the search indexer's own peak memory, as its build log reports it (0: none)."""

    def step(self, name: str) -> float:
        """Return the median seconds of one step (0 when the build has no such step)."""
        return dict(self.steps).get(name, 0.0)

    @property
    def without_search(self) -> float:
        """The median seconds less the median of its search indexing step."""
        return self.seconds - self.step("search")


@dataclass(frozen=True)
class SizeFigures:
    """Everything measured at one corpus size."""

    documents: int
    pages: int
    site: Timed
    """``make site`` (``python -m build_tools build``)."""
    floor: Timed
    """MkDocs, empty theme, no plugin or hook, on the dumped Markdown."""
    material: Timed | None
    """MkDocs with Material's theme on the dumped Markdown; None when not installed."""
    serve_edit: Timed | None
    """Seconds from an edit's write to the new words being served; None when skipped."""


def run_timed(command: list[str], cwd: Path, env: dict[str, str] | None = None,
              output: list[str] | None = None) -> tuple[float, float]:
    """Run ``command``; return (wall seconds, peak resident MiB of that process); its output
    is appended to ``output`` when given.

    The peak is the kernel's account of the child alone (``wait4``), so this
    benchmark's own memory is not counted. Raises RuntimeError when it fails.
    """
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT)
    output_bytes = process.stdout.read() if process.stdout else b""
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if output is not None:
        output.append(output_bytes.decode("utf-8", "replace"))
    if process.returncode != 0:
        tail = output_bytes.decode("utf-8", "replace").strip().splitlines()[-15:]
        raise RuntimeError(f"{' '.join(command)} failed:\n" + "\n".join(tail))
    return elapsed, usage.ru_maxrss / 1024


def median_of(runs: list[tuple[float, float]], logs: list[str] | None = None) -> Timed:
    """Return the medians of (seconds, peak MiB) runs, and of the steps their build logs
    (``logs``, one per run) report."""
    per_step: dict[str, list[float]] = {}
    indexer: list[float] = []
    for log in logs or ():
        for name, seconds in build_steps(log):
            per_step.setdefault(name, []).append(seconds)
        indexer += [float(m) for m in INDEXER_PEAK.findall(log)]
    return Timed(statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs),
                 tuple(r[0] for r in runs),
                 tuple((name, statistics.median(found)) for name, found in per_step.items()),
                 statistics.median(indexer) if indexer else 0.0)


INDEXER_PEAK = re.compile(r"^search index: .*, indexer peak memory (\d+) MiB$", re.MULTILINE)
"""The build log's line on search indexing (``site.pagefind.IndexReport.summary``)."""


def build_steps(log: str) -> list[tuple[str, float]]:
    """Return (step, seconds) from the 'steps (s): generate 1.20, check 0.05, …' line of a
    build log (none when it has no such line)."""
    for line in log.splitlines():
        if line.startswith("steps (s): "):
            return [(name, float(seconds)) for name, _, seconds in
                    (part.rpartition(" ") for part in line.removeprefix("steps (s): ").split(", "))]
    return []


GENERATED = re.compile(r"generated pages: .*; the generation took ([\d.]+) s$", re.MULTILINE)
"""The plugin's line on each preview build (``site.plugin``)."""
BUILT = re.compile(r"Documentation built in ([\d.]+) seconds$", re.MULTILINE)
"""MkDocs' line at the end of each build."""


def serve_rebuilds(log: str) -> list[tuple[float, float]]:
    """Return (the rebuild's seconds, its generation's seconds) of every build a ``mkdocs
    serve`` log reports after its first, as MkDocs and our plugin log them."""
    generations = [float(s) for s in GENERATED.findall(log)]
    builds = [float(s) for s in BUILT.findall(log)]
    return list(zip(builds, generations))[1:]


def project_config(work: Path, source: Path, docs: Path) -> Path:
    """Write the project's mkdocs.yml with absolute paths for a synthetic source; return it."""
    config = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))
    config["docs_dir"] = str(docs)
    theme = config.get("theme") or {}
    if theme.get("custom_dir"):
        theme["custom_dir"] = str(PROJECT / theme["custom_dir"])
    config["watch"] = [str(source)]
    config.setdefault("extra", {})["source_dir"] = str(source)
    docs.mkdir(parents=True, exist_ok=True)
    path = work / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def bare_config(work: Path, pages: Path, theme: str) -> Path:
    """Write a config building the dumped ``pages`` with no plugin or hook, strict, with the
    project's Markdown extensions and validation: the empty theme ('floor') or Material's
    ('material'); return its path."""
    config = yaml.safe_load(portable_config(pages, theme, work / f"site-{theme}"))
    config["site_name"] = "G7 texts (bench)"
    if theme == "floor":
        folder = work / "empty-theme"
        folder.mkdir(exist_ok=True)
        (folder / "main.html").write_text("{{ page.content }}\n", encoding="utf-8")
        config["theme"] = {"name": None, "custom_dir": str(folder)}
    path = work / f"mkdocs-{theme}.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def has_material() -> bool:
    """Return True when mkdocs-material's theme is installed."""
    return any(e.name == "material" for e in entry_points(group="mkdocs.themes"))


def build_command(source: Path, site: Path, config: Path) -> list[str]:
    """Return the command ``make site`` runs, for this source, site folder and config."""
    return [sys.executable, "-m", "build_tools", "build", "--source", str(source),
            "--site-dir", str(site), "--config", str(config)]


def bench_environment() -> dict[str, str]:
    """Return the environment of every timed command: a fixed build date."""
    return {**os.environ, "G7_BUILD_DATE": BUILD_DATE, "PYTHONPATH": str(PROJECT)}


KEPT_IN_PROJECT = frozenset({"source", "docs", "mkdocs.yml", "serve.log"})
"""What a synthetic project keeps between builds; everything else a build made goes."""


def clear_outputs(base: Path) -> None:
    """Remove what a build left beside the source (site, generated pages, staging)."""
    for path in base.iterdir():
        if path.name in KEPT_IN_PROJECT:
            continue
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()


def time_site(base: Path, source: Path, config: Path, repeats: int) -> Timed:
    """Return the medians of ``make site`` from a clean state (after one unmeasured
    build that writes the registry, as a published source has one)."""
    env = bench_environment()
    run_timed(build_command(source, base / "site", config), PROJECT, env)
    runs: list[tuple[float, float]] = []
    logs: list[str] = []
    for _ in range(repeats):
        clear_outputs(base)
        runs.append(run_timed(build_command(source, base / "site", config), PROJECT, env, logs))
    return median_of(runs, logs)


def dump_pages(source: Path, out: Path) -> int:
    """Write the Markdown the build makes to ``out``; return how many pages it holds."""
    run_timed([sys.executable, "-m", "build_tools", "dump", str(out), "--source", str(source)],
              PROJECT, bench_environment())
    return sum(1 for _ in out.rglob("*.md"))


def time_bare(work: Path, pages: Path, theme: str, repeats: int) -> Timed:
    """Return the medians of MkDocs building the dumped pages with ``theme``."""
    config = bare_config(work, pages, theme)
    runs = []
    for k in range(repeats):
        site = work / f"site-{theme}"
        if site.exists():
            shutil.rmtree(site)
        runs.append(run_timed([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config),
                               "-d", str(site)], PROJECT, bench_environment()))
    return median_of(runs)


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that is free now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> bytes | None:
    """Return the body at ``url``, or None when it is not (yet) served."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read()
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(url: str, needle: bytes | None, timeout: float, step: float = 0.02) -> float:
    """Poll ``url`` until it is served (holding ``needle`` when given); return the time."""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        body = fetch(url)
        if body is not None and (needle is None or needle in body):
            return time.perf_counter()
        time.sleep(step)
    raise RuntimeError(f"{url} did not show the edit within {timeout:.0f} s")


def paragraph_page(base_url: str, words: str) -> str:
    """Return the served page URL of the paragraph holding ``words`` (from the open data)."""
    body = fetch(base_url + "api/paragraphs.json")
    if body is None:
        raise RuntimeError("the served site has no api/paragraphs.json")
    for record in json.loads(body):
        if words in record["text"]:
            return base_url + record["url"].split("#")[0]
    raise RuntimeError(f"no served paragraph holds {words!r}")


def time_serve_edits(base: Path, texts: tuple[Path, ...], config: Path, repeats: int) -> Timed:
    """Return the medians of the seconds from an edit's write until ``make serve`` shows it.

    Each edit is in another text; the server runs as ``make serve`` runs it.
    """
    port = free_port()
    base_url = f"http://127.0.0.1:{port}/"
    log = open(base / "serve.log", "wb")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--no-strict", "-f", str(config),
         "-a", f"127.0.0.1:{port}"], cwd=PROJECT, env=bench_environment(), stdout=log,
        stderr=subprocess.STDOUT)
    try:
        wait_for(base_url + "api/paragraphs.json", None, SERVE_TIMEOUT, step=0.5)
        runs = []
        for k in range(repeats):
            # Another text each time: an edited text already holds the sentence.
            text = texts[(len(texts) // 2 + k * max(1, len(texts) // (repeats + 1))) % len(texts)]
            before = text.read_text(encoding="utf-8")
            after, line = edited_text(before)
            # A stretch of the edited line's own words finds its page in the open data.
            words = before.split("\n")[line - 1].strip()[-40:]
            page = paragraph_page(base_url, words)
            if EDIT_SENTENCE.strip().encode() in (fetch(page) or b""):
                raise RuntimeError(f"{page} holds the edit's words before the edit: the timing would mean nothing")
            written = time.perf_counter()
            text.write_text(after, encoding="utf-8")
            shown = wait_for(page, EDIT_SENTENCE.strip().encode(), 120.0)
            runs.append((shown - written, 0.0))
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
    timed = median_of(runs)
    rebuilds = serve_rebuilds((base / "serve.log").read_text(encoding="utf-8", errors="replace"))
    if rebuilds:
        timed = replace(timed, steps=(("rebuild", statistics.median(r for r, _ in rebuilds)),
                                      ("generation", statistics.median(g for _, g in rebuilds))))
    return timed


def bench_size(documents: int, work: Path, repeats: int, serve: bool = True) -> SizeFigures:
    """Return every figure at ``documents`` documents."""
    base = work / f"docs-{documents}"
    base.mkdir(parents=True, exist_ok=True)
    corpus = write_corpus(base / "source", CorpusShape(documents), PROJECT / "source")
    config = project_config(base, corpus.source, base / "docs")
    site = time_site(base, corpus.source, config, repeats)
    dumped = work / f"dump-{documents}"
    pages = dump_pages(corpus.source, dumped)
    floor = time_bare(work, dumped, "floor", repeats)
    material = time_bare(work, dumped, "material", repeats) if has_material() else None
    edit = time_serve_edits(base, corpus.texts, config, repeats) if serve else None
    return SizeFigures(documents, pages, site, floor, material, edit)


def serve_step(figures: SizeFigures, step: str) -> str:
    """Return the median seconds of a step of the serve edits' rebuilds, '-' when not measured."""
    edit = figures.serve_edit
    return f"{edit.step(step):.2f}" if edit and dict(edit.steps).get(step) is not None else "-"


def table(figures: list[SizeFigures]) -> list[str]:
    """Return the lines of the figures table, one column per size."""
    def seconds(t: Timed | None) -> str:
        return f"{t.seconds:.2f}" if t else "-"

    rows: list[tuple[str, list[str]]] = [
        ("", [f"{f.documents} docs" for f in figures]),
        ("pages", [str(f.pages) for f in figures]),
        ("make site (s)", [seconds(f.site) for f in figures]),
        ("  of which search indexing (s)", [f"{f.site.step('search'):.2f}" for f in figures]),
        ("make site without search indexing (s)", [f"{f.site.without_search:.2f}" for f in figures]),
        ("  peak memory (MiB)", [f"{f.site.peak_mib:.0f}" for f in figures]),
        ("search indexer's own peak memory (MiB)", [f"{f.site.indexer_mib:.0f}" for f in figures]),
        ("floor: MkDocs, empty theme (s)", [seconds(f.floor) for f in figures]),
        ("Material on the same pages (s)", [seconds(f.material) for f in figures]),
        ("edit to page under make serve (s)", [seconds(f.serve_edit) for f in figures]),
        ("  each rebuild, as the serve log says (s)", [serve_step(f, "rebuild") for f in figures]),
        ("    of which our generation (s)", [serve_step(f, "generation") for f in figures]),
    ]
    width = max(len(name) for name, _ in rows)
    cols = [max(len(row[1][i]) for row in rows) for i in range(len(figures))]
    return [f"{name:<{width}}  " + "  ".join(f"{v:>{cols[i]}}" for i, v in enumerate(values))
            for name, values in rows]


@dataclass(frozen=True)
class Target:
    """One target: the measured value, its limit, and whether it was met."""

    name: str
    value: float
    limit: float

    @property
    def met(self) -> bool:
        return self.value <= self.limit

    def line(self) -> str:
        return f"{'PASS' if self.met else 'MISS'}  {self.name}: {self.value:.3f} (limit {self.limit:g})"


def targets(figures: list[SizeFigures]) -> list[Target]:
    """Return the targets this run measured: make site against the floor at every size,
    and at the largest size the edit under make serve and the peak memory."""
    found = [Target(f"{f.documents} docs: make site without search indexing / floor",
                    f.site.without_search / f.floor.seconds, 1.25) for f in figures]
    largest = max(figures, key=lambda f: f.documents)
    if largest.serve_edit:
        found.append(Target(f"{largest.documents} docs: edit to page under make serve (s)",
                            largest.serve_edit.seconds, 1.0))
    found.append(Target(f"{largest.documents} docs: make site peak memory (GiB)",
                        largest.site.peak_mib / 1024, 1.0))
    return found


def scratch_folder() -> str | None:
    """Return a memory-backed folder for the benchmark's files when the machine has one
    (on a virtual disk, creating thousands of files swings with the host's write-back)."""
    shm = Path("/dev/shm")
    if shm.is_dir() and os.access(shm, os.W_OK) and shutil.disk_usage(shm).free > 4 << 30:
        return str(shm)
    return None


def run_bench(sizes: list[int], repeats: int, work: Path | None, serve: bool = True) -> int:
    """Run the benchmark at each size, print the figures and the targets; return 0.

    A work folder the benchmark made itself is removed at the end; one given is kept.
    """
    made = None
    if work is None:
        work = made = Path(tempfile.mkdtemp(prefix="g7-bench-", dir=scratch_folder()))
    work.mkdir(parents=True, exist_ok=True)
    try:
        print(f"benchmark in {work}, median of {repeats} runs")
        figures = []
        for n in sorted(set(sizes)):
            print(f"-- {n} documents", flush=True)
            figures.append(bench_size(n, work, repeats, serve))
        print()
        for line in table(figures):
            print(line)
        print()
        for f in figures:
            print(f"{f.documents} docs, every run (s): make site "
                  + ", ".join(f"{s:.2f}" for s in f.site.runs)
                  + "; floor " + ", ".join(f"{s:.2f}" for s in f.floor.runs)
                  + ("; serve edit " + ", ".join(f"{s:.2f}" for s in f.serve_edit.runs)
                     if f.serve_edit else ""))
        print()
        for target in targets(figures):
            print(target.line())
        return 0
    finally:
        if made is not None:
            shutil.rmtree(made, ignore_errors=True)
