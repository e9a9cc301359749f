"""Tests of the synthetic corpus and the benchmark, at a tiny size (no timing asserts)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from build_tools.bench.benchmark import (SizeFigures, Target, Timed, build_steps, median_of, run_bench,
                                         serve_rebuilds, table, targets)
from build_tools.bench.synthetic import (EDIT_SENTENCE, CorpusShape, document_source, edited_text,
                                         mention_forms, synthetic_entries, write_corpus)
from build_tools.model.cache import BuildCache
from build_tools.pipeline import generate, generate_from, read_inputs
from build_tools.read.glossary import load_glossary
from build_tools.site.writer import write_pages

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2026-01-15"


def edit_one_paragraph(path: Path) -> int:
    """Append a sentence to the middle paragraph of a text file; return its line number.

    The paragraph keeps most of its words, so matching keeps its id ('amended').
    """
    text, line = edited_text(path.read_text(encoding="utf-8"))
    path.write_text(text, encoding="utf-8")
    return line


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """A four-document synthetic corpus (one of each style) with the real glossary grown to 500."""
    return write_corpus(tmp_path_factory.mktemp("syn") / "source", CorpusShape(4), ROOT / "source")


def test_synthetic_documents_are_the_same_whatever_the_corpus_size():
    forms = ["Group of Seven", "G7"]
    assert document_source(3, CorpusShape(4), forms) == document_source(3, CorpusShape(200), forms)
    assert document_source(3, CorpusShape(4), forms) != document_source(4, CorpusShape(4), forms)


def test_corpus_is_written_as_texts_with_sidecars_and_a_500_entry_glossary(corpus):
    assert len(corpus.texts) == 4
    assert all(p.suffix == ".txt" and p.with_suffix(".yml").exists() for p in corpus.texts)
    glossary = load_glossary(corpus.source / "glossary.yml")
    assert len(glossary.entries) == corpus.glossary_entries == 500


def test_synthetic_entries_claim_no_term_twice():
    entries = synthetic_entries([], 300, random.Random(1))
    forms = [f.casefold() for f in mention_forms(entries)]
    assert len(entries) == 300
    assert len(forms) == len(set(forms))


def test_corpus_has_the_shapes_of_the_real_texts(corpus):
    documents = generate(read_inputs(corpus.source), TODAY).site.documents
    assert {d.numbering for d in documents} == {"per-section", "none", "continuous"}
    paragraphs = [p for d in documents for s in d.sections for p in s.paragraphs]
    assert any(p.items and p.items[0].marker == "-" for p in paragraphs)
    assert any(p.items and p.items[0].marker != "-" for p in paragraphs)
    assert any(s.subtitle for d in documents for s in d.sections)
    assert any(d.removed for d in documents)
    assert any(d.applied_overrides for d in documents)
    assert 30 <= len(paragraphs) / len(documents) <= 55


def test_glossary_mentions_come_at_about_the_real_density(corpus):
    site = generate(read_inputs(corpus.source), TODAY).site
    words = sum(len(p.paragraph.text.split()) + sum(len(i.text.split()) for i in p.paragraph.items)
                for p in site.paragraphs)
    mentions = sum(len(piece.mentions) for n in site.annotations.notes.values() for piece in n.pieces)
    assert 0.02 <= mentions / words <= 0.04


def test_edit_one_paragraph_appends_a_sentence_that_keeps_the_id(tmp_path, corpus):
    source = tmp_path / "source"
    write_corpus(source, CorpusShape(2), ROOT / "source")
    first = generate(read_inputs(source), TODAY)
    from build_tools.site.publishing import write_registry_atomic
    write_registry_atomic(source / "anchor-registry.json", first.registry)
    text = sorted((source / "texts").glob("*.txt"))[1]
    line = edit_one_paragraph(text)
    assert text.read_text(encoding="utf-8").split("\n")[line - 1].endswith(EDIT_SENTENCE)
    second = generate(read_inputs(source), "2026-02-01")
    assert second.identified.report.amended and not second.identified.report.new
    assert [p.content for p in first.pages] != [p.content for p in second.pages]


def test_a_rebuild_through_the_cache_gives_the_same_pages_as_a_build_from_scratch(corpus, tmp_path):
    cache = BuildCache()
    generate_from(corpus.source, TODAY, cache)
    warm = generate_from(corpus.source, TODAY, cache)
    cold = generate(read_inputs(corpus.source), TODAY)
    assert len(cache) > len(warm.pages), "the rebuild kept nothing"
    assert [p.content for p in warm.pages] == [p.content for p in cold.pages]
    assert [d.content for d in warm.data_files] == [d.content for d in cold.data_files]


def test_write_pages_rewrites_only_changed_files_even_when_touched_outside(corpus, tmp_path):
    pages = generate(read_inputs(corpus.source), TODAY).pages
    out = tmp_path / "pages"
    assert len(write_pages(pages, out).written) == len(pages)
    assert write_pages(pages, out).written == ()
    victim = out / pages[1].src_uri
    victim.write_text(victim.read_text(encoding="utf-8").replace("a", "b"), encoding="utf-8")
    assert write_pages(pages, out).written == (pages[1].src_uri,)


def test_edited_text_appends_the_sentence_to_the_line_it_names():
    text = "Title\n\n" + " ".join(["word"] * 45) + ".\n\nshort.\n"
    edited, line = edited_text(text)
    assert line == 3
    assert edited.split("\n")[2].endswith(EDIT_SENTENCE)
    assert edited.replace(EDIT_SENTENCE, "") == text


def _figures(documents: int, site: float, floor: float, edit: float | None, peak: float) -> SizeFigures:
    return SizeFigures(documents, 10, Timed(site, peak, (site,)), Timed(floor, 50.0, (floor,)), None,
                       Timed(edit, 0.0, (edit,)) if edit is not None else None)


def test_targets_compare_make_site_with_the_floor_and_check_edit_and_memory_at_the_largest_size():
    found = {t.name: t for t in targets([_figures(50, 12.0, 10.0, 0.5, 300.0),
                                          _figures(200, 60.0, 40.0, 1.5, 900.0)])}
    assert found["50 docs: make site without search indexing / floor"].met
    assert not found["200 docs: make site without search indexing / floor"].met
    assert not found["200 docs: edit to page under make serve (s)"].met
    assert found["200 docs: make site peak memory (GiB)"].met
    assert not any(name.startswith("50 docs: edit") for name in found)
    assert Target("x", 0.5, 1.0).line().startswith("PASS")
    assert Target("x", 1.5, 1.0).line().startswith("MISS")


def test_the_target_leaves_out_the_search_indexing_step_the_build_log_reports():
    log = "pages: 3 written\nsteps (s): generate 1.00, check 0.10, mkdocs 5.00, search 2.00, publish 0.10\n"
    assert build_steps(log) == [("generate", 1.0), ("check", 0.1), ("mkdocs", 5.0), ("search", 2.0),
                                ("publish", 0.1)]
    timed = median_of([(9.0, 100.0), (8.0, 100.0), (10.0, 100.0)], [log, log.replace("2.00", "3.00"), log])
    assert timed.step("search") == 2.0 and timed.without_search == 7.0
    figures = SizeFigures(50, 10, timed, Timed(6.0, 50.0, (6.0,)), None, None)
    [target] = [t for t in targets([figures]) if "floor" in t.name]
    assert target.value == 7.0 / 6.0 and target.met


def test_the_search_indexers_own_memory_is_read_from_the_build_log_and_shown():
    logs = [f"search index: 90 pages in 0.50 s, indexer peak memory {mib} MiB\nbuilt 9 pages\n"
            for mib in (70, 90, 80)]
    timed = median_of([(9.0, 300.0)] * 3, logs)
    assert timed.indexer_mib == 80.0
    assert median_of([(9.0, 300.0)], ["built 9 pages\n"]).indexer_mib == 0.0
    [row] = [line for line in table([SizeFigures(50, 10, timed, Timed(6.0, 50.0, (6.0,)), None, None)])
             if line.startswith("search indexer's own peak memory (MiB)")]
    assert row.split()[-1] == "80"


def test_the_serve_rebuilds_and_their_generation_are_read_from_the_serve_log_after_the_first():
    log = ("INFO    -  generated pages: 3376 written, 0 kept, 0 removed; the generation took 7.10 s\n"
           "INFO    -  Documentation built in 72.13 seconds\n"
           "INFO    -  Detected file changes\n"
           "INFO    -  generated pages: 9 written, 3367 kept, 0 removed; the generation took 0.81 s\n"
           "INFO    -  Documentation built in 2.57 seconds\n"
           "INFO    -  search index: 2098 pages in 4.12 s, indexer peak memory 821 MiB (in the background)\n"
           "INFO    -  generated pages: 15 written, 3361 kept, 0 removed; the generation took 0.93 s\n"
           "INFO    -  Documentation built in 3.03 seconds\n")
    assert serve_rebuilds(log) == [(2.57, 0.81), (3.03, 0.93)]
    timed = Timed(2.5, 0.0, (2.5,), (("rebuild", 2.8), ("generation", 0.87)))
    lines = table([SizeFigures(200, 10, Timed(9.0, 1.0, (9.0,)), Timed(6.0, 1.0, (6.0,)), None, timed)])
    assert any(line.startswith("  each rebuild, as the serve log says (s)") and line.endswith("2.80") for line in lines)
    assert any(line.startswith("    of which our generation (s)") and line.endswith("0.87") for line in lines)


def test_table_shows_a_missing_figure_as_a_dash():
    lines = table([_figures(2, 3.0, 1.0, None, 100.0)])
    assert any(line.startswith("edit to page under make serve (s)") and line.endswith("-")
               for line in lines)
    assert any(line.startswith("make site (s)") and line.endswith("3.00") for line in lines)


def test_run_bench_measures_every_command_end_to_end_at_two_documents(tmp_path, capsys):
    assert run_bench([2], 1, tmp_path / "work") == 0
    out = capsys.readouterr().out
    for figure in ("make site (s)", "peak memory (MiB)", "floor: MkDocs, empty theme (s)",
                   "edit to page under make serve (s)", "2 docs: make site without search indexing / floor",
                   "of which search indexing (s)"):
        assert figure in out
    edit_line = next(line for line in out.splitlines() if line.startswith("edit to page"))
    assert float(edit_line.split()[-1]) > 0
    for row in ("  each rebuild, as the serve log says (s)", "    of which our generation (s)"):
        line = next(line for line in out.splitlines() if line.startswith(row))
        assert float(line.split()[-1]) > 0, line
    assert (tmp_path / "work" / "docs-2" / "site" / "index.html").exists()
    assert (tmp_path / "work" / "site-floor" / "index.html").exists()
