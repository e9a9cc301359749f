"""Tests of the synthetic corpus, the caches and the benchmark, at a tiny size (no timing asserts)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from build_tools import cache, site_build
from build_tools.bench import Run, Target, bench_size, changed_pages, run_bench, table, targets
from build_tools.glossary import load_glossary
from build_tools.pipeline import generate, read_inputs
from build_tools.synthetic import (EDIT_SENTENCE, CorpusShape, document_source, edit_one_paragraph,
                                   mention_forms, synthetic_entries, write_corpus)
from build_tools.writer import WriteReport, write_pages

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2026-01-15"


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
    from build_tools.registry import write_registry_atomic
    write_registry_atomic(source / "anchor-registry.json", first.registry)
    text = sorted((source / "texts").glob("*.txt"))[1]
    line = edit_one_paragraph(text)
    assert text.read_text(encoding="utf-8").split("\n")[line - 1].endswith(EDIT_SENTENCE)
    second = generate(read_inputs(source), "2026-02-01")
    assert second.identified.report.amended and not second.identified.report.new
    assert changed_pages(first, second)


def test_a_warm_rebuild_gives_the_same_pages_as_a_cold_one(corpus, tmp_path):
    cache.clear()
    cold = generate(read_inputs(corpus.source), TODAY)
    warm = generate(read_inputs(corpus.source), TODAY)
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


def test_table_and_targets_print_every_figure():
    report = WriteReport(("a/index.md",), (), ())
    run = Run("2 docs", 2, {"read": 0.1, "parse": 0.2}, 0.3, 3.0, 2.5, 100.0, 10, 1234, report, 12)
    lines = table([run])
    assert any(line.startswith("read (s)") for line in lines)
    assert any("1,234" in line for line in lines)
    assert Target("x", 0.05, 0.1).line().startswith("PASS")
    assert Target("x", 0.5, 0.1).line().startswith("MISS")


def test_run_bench_runs_end_to_end_at_two_documents(tmp_path, capsys):
    assert run_bench([2], tmp_path / "work") == 0
    out = capsys.readouterr().out
    for figure in ("read (s)", "MkDocs, our theme (s)", "MkDocs, empty theme (s)", "peak RSS (MiB)",
                   "bytes written", "edit 2: written"):
        assert figure in out
    assert "glossary matching, 500 entries / 50 entries" in out
    assert "pages written that did not change: 0.000" in out
    assert (tmp_path / "work" / "docs-2" / "site" / "index.html").exists()
    assert (tmp_path / "work" / "docs-2" / "site-floor" / "index.html").exists()


def test_the_pages_written_target_counts_an_unchanged_page_any_edit_wrote():
    report = WriteReport(("a/index.md",), (), ())
    full = Run("50 docs", 50, {}, 1.0, 10.0, 9.0, 100.0, 10, 1, report)
    clean = Run("edit 50", 50, {}, 0.1, 10.0, None, 100.0, 10, 1, report, changed=("a/index.md",))
    dirty = Run("edit 50", 50, {}, 0.1, 10.0, None, 100.0, 10, 1, report, changed=("a/index.md",),
                unchanged_written=("b/index.md",))

    def written_target(edit: Run) -> Target:
        return next(t for t in targets({50: full}, {50: edit}, {}) if "did not change" in t.name)
    assert written_target(clean).met and written_target(clean).value == 0
    assert not written_target(dirty).met and written_target(dirty).value == 1


def test_mkdocs_builds_of_the_benchmark_find_every_page_already_written(tmp_path):
    # Our write stage writes where the hook does, so MkDocs' time holds no write of ours.
    full, edit, _ = bench_size(2, tmp_path)
    hook_write = site_build.last_write_report
    assert hook_write is not None
    assert hook_write.written == ()
    assert len(hook_write.kept) == edit.pages
    assert len(full.report.written) == full.pages
