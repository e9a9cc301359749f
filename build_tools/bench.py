"""``python -m build_tools bench``: time the build on synthetic corpora and print the figures.

For each size the benchmark writes a synthetic source folder (see ``synthetic``),
then measures, in this process:

1. a full build: read, our stages (as ``generate`` times them), writing the
   pages with ``write_pages`` into the folder the hook writes to (the fastest of
   two cold runs), the MkDocs build with our theme, which so finds every page
   already written, and the floor:
   the same pages built by MkDocs with an empty theme, the search plugin and
   our hook;
2. a rebuild after one paragraph of one document was edited, on the registry
   the build before wrote, writing into the same pages folder (the fastest of two
   such edits, each in another document; the pages-written target holds for both).

Peak memory is the peak resident set of the process during one build (our
stages and MkDocs with our theme): the kernel's high-water mark (VmHWM), reset
before each build through ``/proc/self/clear_refs``. The floor's build comes
after the reading. The targets are ratios of figures from the same run; the
benchmark prints PASS or MISS next to each and asserts nothing.
"""

from __future__ import annotations

import os
import resource
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from build_tools import cache
from build_tools.glossary import Glossary
from build_tools.pipeline import Generated, generate, read_inputs
from build_tools.publish import build_site
from build_tools.registry import write_registry_atomic
from build_tools.site_build import page_navigation, pages_folder
from build_tools.synthetic import CorpusShape, edit_one_paragraph, write_corpus
from build_tools.terms import build_matcher, find_mentions
from build_tools.writer import WriteReport, write_pages

PROJECT = Path(__file__).resolve().parent.parent
CONFIG = PROJECT / "mkdocs.yml"
HOOK = PROJECT / "build_tools" / "mkdocs_hook.py"
TODAY = "2026-01-15"
COLD_REPEATS = 2
"""Cold generations per size: the figures are the fastest's, as a single run on a
shared machine varies by a fifth."""
EDIT_DAY = "2026-02-01"
EDIT_REPEATS = 2
"""One-paragraph edits per size, each in another document and rebuilt on the registry
the build before wrote: the edit's figures are the fastest's, as the cold runs' are."""


@dataclass(frozen=True)
class Run:
    """The figures of one generation and its MkDocs builds."""

    label: str
    documents: int
    stages: dict[str, float]
    """Seconds per stage, in pipeline order: read, generate's stages, write."""
    ours: float
    """Seconds from reading to written pages (read + generate + write)."""
    mkdocs: float
    """Seconds of the MkDocs build with our theme."""
    floor: float | None
    """Seconds of the MkDocs build with an empty theme, or None when not measured."""
    peak_mib: float
    pages: int
    bytes_written: int
    report: WriteReport
    nav_links: int = 0
    """Most links the navigation of one page carries."""
    changed: tuple[str, ...] = field(default=())
    """Pages whose Markdown differs from the previous generation (edit runs)."""
    unchanged_written: tuple[str, ...] = field(default=())
    """Pages an edit run wrote although their Markdown did not change (any of the edits)."""


def reset_peak() -> None:
    """Start measuring the peak resident set afresh (Linux: ``/proc/self/clear_refs``).

    So a size's figure is its own build's (our stages and MkDocs with our theme),
    not an earlier size's nor the floor build's (MkDocs' search plugin holds every
    page's text). Where the kernel does not offer it, the peak stays the process's.
    """
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        pass


def peak_mib() -> float:
    """Return the peak resident set size in MiB since ``reset_peak`` (VmHWM), or the
    process's peak (ru_maxrss) where /proc does not say."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed_generation(source: Path, pages_dir: Path, today: str) -> tuple[Generated, dict[str, float], float, WriteReport]:
    """Return the generation of ``source``, seconds per stage, total seconds, and the write report."""
    start = time.perf_counter()
    inputs = read_inputs(source)
    read_done = time.perf_counter()
    generated = generate(inputs, today)
    generated_at = time.perf_counter()
    report = write_pages(generated.pages, pages_dir)
    end = time.perf_counter()
    stages = {"read": read_done - start, **generated.timings}
    other = (generated_at - read_done) - sum(generated.timings.values())
    if other > 0.001:
        stages["other"] = other
    stages["write"] = end - generated_at
    return generated, stages, end - start, report


def timed_mkdocs(generated: Generated, site_dir: Path, config: Path, source: Path) -> float:
    """Return the seconds of a strict MkDocs build of ``generated``; print its warnings."""
    if site_dir.exists():
        shutil.rmtree(site_dir)
    start = time.perf_counter()
    warnings = build_site(generated, site_dir, config, source)
    elapsed = time.perf_counter() - start
    for message in warnings[:5]:
        print(f"  warning ({config.name}): {message}")
    return elapsed


def floor_config(work: Path) -> Path:
    """Write the floor's MkDocs config (empty theme, search plugin, our hook); return its path."""
    theme = work / "floor-theme"
    theme.mkdir(parents=True, exist_ok=True)
    (theme / "main.html").write_text("{{ page.content }}\n", encoding="utf-8")
    (work / "floor-docs").mkdir(exist_ok=True)
    config = work / "floor-mkdocs.yml"
    config.write_text(
        "site_name: G7 texts (floor)\n"
        f"docs_dir: {work / 'floor-docs'}\n"
        "use_directory_urls: true\nstrict: true\n"
        f"theme:\n  name: null\n  custom_dir: {theme}\n"
        f"hooks:\n  - {HOOK}\n"
        "plugins:\n  - search:\n      lang: en\n", encoding="utf-8")
    return config


def navigation_links(generated: Generated) -> int:
    """Return the most links any page's navigation carries (documents, sections, topics)."""
    site, most = generated.site, 0
    metas = [{"document": d.slug, "section": s.id} for d in site.documents
             for s in site.sections_of[d.slug]] or [{}]
    for meta in metas[:: max(1, len(metas) // 50)]:
        nav = page_navigation(site, meta)
        links = sum(1 + len(d["sections"]) for d in nav["documents"]) + len(nav["topics"])
        most = max(most, links)
    return most


def changed_pages(before: Generated, after: Generated) -> tuple[str, ...]:
    """Return the src_uri of every page whose Markdown differs, or that appeared or went."""
    old = {p.src_uri: p.content for p in before.pages}
    new = {p.src_uri: p.content for p in after.pages}
    return tuple(sorted(k for k in old.keys() | new.keys() if old.get(k) != new.get(k)))


def cold_generation(source: Path, pages_dir: Path, today: str,
                    repeats: int = COLD_REPEATS) -> tuple[Generated, dict[str, float], float, WriteReport]:
    """Return a cold generation of ``source`` and the figures of the fastest of ``repeats``
    cold runs (memos emptied, pages folder removed), as ``timed_generation`` does.

    Only one generation is alive at a time, and the peak is reset before the last run.
    """
    best: tuple[dict[str, float], float, WriteReport] | None = None
    generated = None
    for _ in range(repeats):
        generated = None
        if pages_dir.exists():
            shutil.rmtree(pages_dir)
        cache.clear()
        reset_peak()
        generated, stages, total, report = timed_generation(source, pages_dir, today)
        if best is None or total < best[1]:
            best = (stages, total, report)
    assert generated is not None and best is not None
    return generated, *best


def bench_size(documents: int, work: Path) -> tuple[Run, Run, Generated]:
    """Return the full run and the one-paragraph-edit run of a corpus of ``documents``."""
    base = work / f"docs-{documents}"
    corpus = write_corpus(base / "source", CorpusShape(documents), PROJECT / "source")
    # The folder the hook writes to: MkDocs' build then finds every page already
    # written, and the write is counted once, in our stages, not again in MkDocs' time.
    pages_dir = pages_folder(corpus.source, PROJECT)
    first, stages, total, report = cold_generation(corpus.source, pages_dir, TODAY)
    mkdocs = timed_mkdocs(first, base / "site", CONFIG, corpus.source)
    peak = peak_mib()
    floor = timed_mkdocs(first, base / "site-floor", floor_config(work), corpus.source)
    full = Run(f"{documents} docs", documents, stages, total, mkdocs, floor, peak,
               len(first.pages), _bytes(first, report), report, navigation_links(first))
    previous, edits = first, []
    del first
    for k in range(EDIT_REPEATS):
        write_registry_atomic(corpus.source / "anchor-registry.json", previous.registry)
        edit_one_paragraph(corpus.texts[(len(corpus.texts) // 2 + k * (len(corpus.texts) // 4 or 1))
                                        % len(corpus.texts)])
        reset_peak()
        second, stages, total, report = timed_generation(corpus.source, pages_dir, EDIT_DAY)
        changed = changed_pages(previous, second)
        edits.append((total, stages, report, changed, peak_mib(), _bytes(second, report)))
        previous = second
        del second
    total, stages, report, changed, _, written_bytes = min(edits, key=lambda e: e[0])
    peak = max(e[4] for e in edits)
    unchanged_written = tuple(sorted({page for e in edits for page in set(e[2].written) - set(e[3])}))
    mkdocs = timed_mkdocs(previous, base / "site", CONFIG, corpus.source)
    edit = Run(f"edit {documents}", documents, stages, total, mkdocs, None, peak,
               len(previous.pages), written_bytes, report, navigation_links(previous),
               changed, unchanged_written)
    return full, edit, previous


def _bytes(generated: Generated, report: WriteReport) -> int:
    written = set(report.written)
    return sum(len(p.content.encode("utf-8")) for p in generated.pages if p.src_uri in written)


def matching_times(generated: Generated, sizes: tuple[int, ...] = (50, 500),
                   repeats: int = 5) -> dict[int, float]:
    """Return, per glossary size, the best seconds of find_mentions over every paragraph.

    The memoised results are forgotten before each pass, so every pass tokenises and matches.
    """
    texts = [t for p in generated.site.paragraphs
             for t in (p.paragraph.text, *(i.text for i in p.paragraph.items))]
    glossary = generated.site.glossary
    times: dict[int, float] = {}
    for size in sizes:
        best = float("inf")
        for _ in range(repeats):
            cache.clear()
            matcher = build_matcher(Glossary(glossary.entries[:size], glossary.path))
            start = time.perf_counter()
            for text in texts:
                find_mentions(matcher, text)
            best = min(best, time.perf_counter() - start)
        times[size] = best
    return times


def table(runs: list[Run]) -> list[str]:
    """Return the lines of the figures table, one column per run."""
    stages = list(dict.fromkeys(s for r in runs for s in r.stages))
    rows: list[tuple[str, list[str]]] = [("", [r.label for r in runs])]
    for stage in stages:
        rows.append((f"{stage} (s)", [f"{r.stages.get(stage, 0.0):.3f}" for r in runs]))
    rows += [
        ("our stages (s)", [f"{r.ours:.3f}" for r in runs]),
        ("MkDocs, our theme (s)", [f"{r.mkdocs:.2f}" for r in runs]),
        ("MkDocs, empty theme (s)", [f"{r.floor:.2f}" if r.floor else "-" for r in runs]),
        ("peak RSS (MiB)", [f"{r.peak_mib:.0f}" for r in runs]),
        ("pages", [str(r.pages) for r in runs]),
        ("pages written", [str(len(r.report.written)) for r in runs]),
        ("pages kept", [str(len(r.report.kept)) for r in runs]),
        ("pages removed", [str(len(r.report.removed)) for r in runs]),
        ("bytes written", [f"{r.bytes_written:,}" for r in runs]),
        ("nav links per page (max)", [str(r.nav_links) for r in runs]),
    ]
    width = max(len(name) for name, _ in rows)
    cols = [max(len(row[1][i]) for row in rows) for i in range(len(runs))]
    return [f"{name:<{width}}  " + "  ".join(f"{v:>{cols[i]}}" for i, v in enumerate(values))
            for name, values in rows]


@dataclass(frozen=True)
class Target:
    """One target: the measured ratio, its limit, and whether it was met."""

    name: str
    value: float
    limit: float

    @property
    def met(self) -> bool:
        return self.value <= self.limit

    def line(self) -> str:
        return f"{'PASS' if self.met else 'MISS'}  {self.name}: {self.value:.3f} (limit {self.limit:g})"


def targets(full: dict[int, Run], edits: dict[int, Run], matching: dict[int, float]) -> list[Target]:
    """Return every target measured in this run (see the issue 'Fast at corpus scale')."""
    found: list[Target] = []
    large = [n for n in sorted(full) if n >= 50] or sorted(full)[-1:]
    for n in large:
        r = full[n]
        found.append(Target(f"{n} docs: our stages / MkDocs build", r.ours / r.mkdocs, 0.10))
        found.append(Target(f"{n} docs: (our stages + MkDocs, our theme) / empty-theme floor",
                            (r.ours + r.mkdocs) / r.floor, 1.25))
    if 50 in full and 200 in full:
        found.append(Target("our stages, 200 docs / 50 docs", full[200].ours / full[50].ours, 4.5))
    if matching:
        found.append(Target("glossary matching, 500 entries / 50 entries",
                            matching[500] / matching[50], 1.3))
    for n in large:
        e = edits[n]
        found.append(Target(f"{n} docs: one-paragraph edit regeneration / full generation",
                            e.ours / full[n].ours, 0.20))
        found.append(Target(f"{n} docs: pages written that did not change",
                            len(e.unchanged_written), 0))
    biggest = max(full)
    found.append(Target(f"{biggest} docs: peak RSS (GiB)", full[biggest].peak_mib / 1024, 1.0))
    return found


def scratch_folder() -> str | None:
    """Return a memory-backed folder for the benchmark's files when the machine has one.

    Both our write stage and MkDocs create thousands of files; on a virtual
    disk their time swings with the host's write-back (from 0.2 s to 3 s for the
    same 2,000 pages here), which would drown what the benchmark measures.
    """
    shm = Path("/dev/shm")
    if shm.is_dir() and os.access(shm, os.W_OK) and shutil.disk_usage(shm).free > 2 << 30:
        return str(shm)
    return None


def run_bench(sizes: list[int], work: Path | None) -> int:
    """Run the benchmark at each size, print the table and the targets; return 0.

    A work folder the benchmark made itself is removed at the end; one given is kept.
    """
    if work is not None:
        Path(work).mkdir(parents=True, exist_ok=True)
        return _run_bench(sizes, Path(work))
    made = Path(tempfile.mkdtemp(prefix="g7-bench-", dir=scratch_folder()))
    try:
        return _run_bench(sizes, made)
    finally:
        shutil.rmtree(made, ignore_errors=True)


def _run_bench(sizes: list[int], work: Path) -> int:
    print(f"benchmark in {work}")
    full: dict[int, Run] = {}
    edits: dict[int, Run] = {}
    matching: dict[int, float] = {}
    for n in sorted(set(sizes)):
        print(f"-- {n} documents")
        full[n], edits[n], generated = bench_size(n, work)
        if n == 50 or (not matching and n == max(sizes)):
            matching = matching_times(generated)
        del generated
    runs = [full[n] for n in sorted(full)] + [edits[n] for n in sorted(edits)]
    print()
    for line in table(runs):
        print(line)
    print()
    for n in sorted(edits):
        written = edits[n].report.written
        more = f", and {len(written) - 12} more" if len(written) > 12 else ""
        print(f"edit {n}: written {len(written)}: {', '.join(written[:12])}{more}")
    if matching:
        print("glossary matching over the same paragraphs: "
              + ", ".join(f"{k} entries {v:.3f} s" for k, v in matching.items()))
    print()
    for target in targets(full, edits, matching):
        print(target.line())
    return 0
