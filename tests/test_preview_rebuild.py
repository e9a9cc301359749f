"""A preview's rebuild (``make serve``): MkDocs passes by the pages built before and
unchanged since, yet the pages an edit changed show it, with every link resolved."""

from __future__ import annotations

import logging
import os
import re
import urllib.error
import urllib.parse
from pathlib import Path

from mkdocs.structure.files import File, Files, InclusionLevel

from build_tools.site.plugin import links_to_unchanged_pages, set_unchanged_aside
from tests.test_bad_input_serve import GOOD_SIDECAR, preview_of  # noqa: F401 (a fixture)


def _page(docs: Path, site: Path, src_uri: str, built: str | None) -> File:
    """Return the File of a Markdown page; ``built`` says whether its HTML is 'newer' than
    it, 'older', or (None) was never built."""
    source = docs / src_uri
    source.parent.mkdir(parents=True, exist_ok=True)
    source.write_text("# Page\n", encoding="utf-8")
    file = File(src_uri, str(docs), str(site), True)
    if built is not None:
        dest = Path(file.abs_dest_path)
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text("<p>Page</p>", encoding="utf-8")
        mtime = os.path.getmtime(source) + (10 if built == "newer" else -10)
        os.utime(dest, (mtime, mtime))
    return file


def test_only_pages_built_and_unchanged_since_are_set_aside_and_the_home_page_never(tmp_path):
    docs, site = tmp_path / "docs", tmp_path / "site"
    unchanged = _page(docs, site, "doc/unchanged/index.md", "newer")
    edited = _page(docs, site, "doc/edited/index.md", "older")
    new = _page(docs, site, "doc/new/index.md", None)
    home = _page(docs, site, "index.md", "newer")
    (docs / "api").mkdir()
    (docs / "api" / "data.json").write_text("{}", encoding="utf-8")
    data = File("api/data.json", str(docs), str(site), True)
    files = Files([unchanged, edited, new, home, data])
    assert set_unchanged_aside(files) == 1
    assert unchanged.inclusion == InclusionLevel.EXCLUDED
    assert [f.src_uri for f in files.documentation_pages(inclusion=InclusionLevel.is_in_serve)] == [
        "doc/edited/index.md", "doc/new/index.md", "index.md"]
    assert files.get_file_from_path("doc/unchanged/index.md") is unchanged, "links to it must still resolve"
    assert data.inclusion != InclusionLevel.EXCLUDED


def test_the_preview_drops_mkdocs_note_on_each_link_to_a_page_set_aside_and_no_other_line():
    def record(message: str) -> logging.LogRecord:
        return logging.LogRecord("mkdocs.structure.pages", logging.INFO, __file__, 1, message, (), None)

    assert not links_to_unchanged_pages(record(
        "Doc file 'a/index.md' contains a link to 'b/index.md' which is excluded from the built site."))
    assert links_to_unchanged_pages(record(
        "Doc file 'a/index.md' contains a link 'c.md', but the target is not found among documentation files."))


def test_an_edit_under_the_preview_shows_on_its_pages_whose_links_all_resolve(preview_of):
    project, preview = preview_of(GOOD_SIDECAR)
    preview.wait_for_log("Serving on")
    _, before = preview.get("statement/cooperation/")
    assert "Europol" not in before
    text = project / "source" / "texts" / "statement.txt"
    text.write_text(text.read_text(encoding="utf-8").replace("UNODC and INTERPOL", "UNODC, INTERPOL and Europol"),
                    encoding="utf-8")
    preview.wait_for_log("Reloading browsers")
    status, after = preview.get("statement/cooperation/")
    assert status == 200 and "UNODC, INTERPOL and Europol" in after
    log = preview.log.read_text(encoding="utf-8")
    passed_by = [int(n) for n in re.findall(r"MkDocs passes by the (\d+) pages built before", log)]
    assert passed_by[0] == 0 and passed_by[-1] > 0, "the rebuild after the edit set no page aside"
    assert "which is excluded from the built site" not in log
    hrefs = {h for h in re.findall(r'href="([^"#]*)', after) if h and not re.match(r"[a-z]+:", h)}
    assert not [h for h in hrefs if h.endswith(".md")], "a link to a page set aside was left unresolved"
    for href in sorted(hrefs):
        path = urllib.parse.urljoin("/statement/cooperation/", href).lstrip("/")
        try:
            status = preview.get(path)[0]
        except urllib.error.HTTPError as error:
            status = error.code
        assert status == 200, f"{href} does not answer after the rebuild"
