"""Incremental generation: unchanged pages are not rewritten; a one-paragraph edit
rewrites its section's page and only the pages that show that paragraph."""

from __future__ import annotations

from build_tools.model.site import Page
from build_tools.pipeline import generate, read_inputs
from build_tools.site.publishing import write_registry_atomic
from build_tools.site.writer import write_pages
from tests.helpers import copy_source

COMMUNIQUE = "g7-interior-security-ministers-2024-communique"


def test_unchanged_pages_are_kept_and_pages_no_longer_generated_removed(tmp_path):
    source = copy_source(tmp_path / "source")
    pages = generate(read_inputs(source), "2026-01-15").pages
    out = tmp_path / "pages"
    (out / "notes").mkdir(parents=True)
    (out / "notes" / "mine.md").write_text("a maintainer's own file", encoding="utf-8")
    first = write_pages(pages + (Page("gone/", "old page"),), out)
    assert len(first.written) == len(pages) + 1 and not first.kept
    mtimes = {p: p.stat().st_mtime_ns for p in out.rglob("index.md") if "gone" not in str(p)}
    second = write_pages(pages, out)
    assert second.written == () and len(second.kept) == len(pages)
    assert second.removed == ("gone/index.md",)
    assert {p: p.stat().st_mtime_ns for p in mtimes} == mtimes
    assert (out / "notes" / "mine.md").exists(), "a file the writer did not make was removed"


def test_one_paragraph_edit_rewrites_only_the_pages_that_show_it(tmp_path):
    source = copy_source(tmp_path / "source")
    first = generate(read_inputs(source), "2026-01-15")
    write_registry_atomic(source / "anchor-registry.json", first.registry)
    out = tmp_path / "pages"
    write_pages(first.pages, out)
    text = source / "texts" / f"{COMMUNIQUE}.txt"
    text.write_text(text.read_text(encoding="utf-8").replace(
        "committed by members Russia’s forces", "committed by members of Russia’s forces"), encoding="utf-8")
    second = generate(read_inputs(source), "2026-03-01")
    report = write_pages(second.pages, out)
    written = set(report.written)
    assert {f"{COMMUNIQUE}/ukraine/index.md", "changes/index.md"} <= written
    allowed = {f"{COMMUNIQUE}/ukraine/index.md", "changes/index.md", "commitments/index.md",
               f"commitments/{COMMUNIQUE}/index.md"}
    # The edit makes a new version of the document: its pages name it in their citations
    # (front matter), its versions list and the text at the new version are new, and the
    # text at the version before now says until when it stood.
    version_pages = {w for w in written if w.startswith(f"versions/{COMMUNIQUE}/")}
    assert version_pages == {f"versions/{COMMUNIQUE}/index.md", f"versions/{COMMUNIQUE}/2026-03-01/index.md",
                             f"versions/{COMMUNIQUE}/2026-01-15/index.md",
                             f"versions/{COMMUNIQUE}/compare/index.md"}, version_pages
    allowed.add(f"full-text/{COMMUNIQUE}/index.md")
    document_pages = {w for w in written if w.startswith(f"{COMMUNIQUE}/")}
    rest = written - allowed - version_pages - document_pages
    assert rest <= {w for w in written if w.startswith(("topics/", "commitments/topic-"))}, written
    assert "index.md" not in written and "glossary/index.md" not in written
    assert not [w for w in written if w.startswith(("g7-leaders", "full-text/g7-leaders", "versions/g7-leaders"))]


def test_a_page_equal_in_a_new_string_is_kept_and_one_changed_in_place_is_written(tmp_path):
    out = tmp_path / "pages"
    write_pages((Page("a/", "first words"), Page("b/", "other words")), out)
    same_words = "".join(["first", " words"])  # equal to the page written, another string
    report = write_pages((Page("a/", same_words), Page("b/", "other wordz")), out)
    assert report.kept == ("a/index.md",)
    assert report.written == ("b/index.md",), "a change of the same length went unseen"
    assert (out / "b" / "index.md").read_text(encoding="utf-8") == "other wordz"
