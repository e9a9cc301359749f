"""The first search is light: at 200 documents (the benchmark's corpus) it transfers under 150 KB,
gzip-compressed as a static server sends it, the search UI's own files included."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from browser_support import ROOT
from build_tools.bench.search_figures import QUERIES, first_search, serve_folder

pytestmark = pytest.mark.browser

BUDGET = 150 * 1024


@pytest.fixture(scope="module")
def site_of_200(site, tmp_path_factory):
    """The site's pages and theme with the search index of the benchmark's 200 documents."""
    from build_tools.bench.synthetic import CorpusShape, write_corpus
    from build_tools.pipeline import generate, read_inputs
    from build_tools.site.pagefind import write_search_index

    base = tmp_path_factory.mktemp("search-200")
    corpus = write_corpus(base / "source", CorpusShape(200), ROOT / "source")
    generated = generate(read_inputs(corpus.source), "2026-01-15")
    root = base / "site"
    shutil.copytree(site.root, root, ignore=shutil.ignore_patterns("pagefind"))
    write_search_index(generated.search_pages, root)
    with serve_folder(root) as url:
        yield root, url


@pytest.mark.parametrize("query", QUERIES)
def test_the_first_search_at_200_documents_transfers_under_150_kb(browser, site_of_200, query):
    root, url = site_of_200
    page = next(p.relative_to(root).parent.as_posix() + "/" for p in sorted(root.glob("*/*/index.html")))
    search = first_search(browser, root, url, page, query)
    print(f"\nfirst search for '{query}' at 200 documents: {search.total / 1024:.1f} KB in {len(search.sent)} files, "
          f"{search.milliseconds:.0f} ms from the last key to the results")
    assert search.results > 0
    assert any(path.endswith("js/search.js") for path in search.sent), "the UI's own files are counted"
    assert search.total < BUDGET, sorted(search.sent.items(), key=lambda kv: -kv[1])
