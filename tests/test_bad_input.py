"""Bad input: a clear error naming file and line, and nothing published is lost."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from build_tools.pipeline import generate, read_inputs
from tests.helpers import build

SMALL_TEXT = """G7 Test Ministers’ Statement

Release Date: May 2, 2025

Cooperation

  1. We will work together against transnational organized crime.

  2. We welcome the work of UNODC and INTERPOL.
"""


def make_source(root: Path, texts: dict[str, bytes | str]) -> Path:
    """Return a source folder holding ``texts`` (name → content) and no glossary."""
    (root / "texts").mkdir(parents=True)
    for name, content in texts.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        (root / "texts" / name).write_bytes(data)
    return root


def tree_digest(path: Path) -> str:
    """Return one hash over every file below ``path`` (names and bytes)."""
    digest = hashlib.sha256()
    for file in sorted(p for p in path.rglob("*") if p.is_file()):
        digest.update(str(file.relative_to(path)).encode())
        digest.update(file.read_bytes())
    return digest.hexdigest()


@pytest.fixture()
def published(tmp_path):
    """A source folder built once: its site and registry are what must survive."""
    source = make_source(tmp_path / "source", {"statement.txt": SMALL_TEXT})
    site = tmp_path / "site"
    assert build(source, site) == 0
    registry = source / "anchor-registry.json"
    return source, site, registry, tree_digest(site), registry.read_bytes()


def assert_nothing_lost(published) -> None:
    source, site, registry, site_digest, registry_bytes = published
    assert tree_digest(site) == site_digest, "the previous site changed"
    assert registry.read_bytes() == registry_bytes, "the registry changed"


def test_text_that_is_not_utf8_names_file_line_and_byte_offset(published, capsys):
    source = published[0]
    (source / "texts" / "latin1.txt").write_bytes("Title\n\nCaf\xe9 society\n".encode("latin-1"))
    assert build(source, published[1]) == 1
    err = capsys.readouterr().err
    assert "latin1.txt:3:" in err and "byte offset 10" in err and "not UTF-8" in err
    assert_nothing_lost(published)


def test_binary_file_is_refused_with_its_name(published, capsys):
    source = published[0]
    (source / "texts" / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert build(source, published[1]) == 1
    err = capsys.readouterr().err
    assert "image.txt:" in err and "binary" in err
    assert_nothing_lost(published)


def test_empty_file_is_refused_with_its_name(published, capsys):
    source = published[0]
    (source / "texts" / "empty.txt").write_bytes(b"  \n\n")
    assert build(source, published[1]) == 1
    assert "empty.txt:1: the file is empty" in capsys.readouterr().err
    assert_nothing_lost(published)


def test_sidecar_that_is_not_yaml_names_its_line(published, capsys):
    source = published[0]
    (source / "texts" / "statement.yml").write_text("title: ok\nplace: [unclosed\n", encoding="utf-8")
    assert build(source, published[1]) == 1
    err = capsys.readouterr().err
    assert "statement.yml:" in err and "not valid YAML" in err
    assert_nothing_lost(published)


def test_unknown_sidecar_key_names_its_line(published, capsys):
    source = published[0]
    (source / "texts" / "statement.yml").write_text("title: ok\nplcae: Rome\n", encoding="utf-8")
    assert build(source, published[1]) == 1
    assert "statement.yml:2: unknown sidecar key 'plcae'" in capsys.readouterr().err
    assert_nothing_lost(published)


def test_glossary_that_is_not_yaml_names_its_line(published, capsys):
    source = published[0]
    (source / "glossary.yml").write_text("- id: a\n  name: [x\n", encoding="utf-8")
    assert build(source, published[1]) == 1
    err = capsys.readouterr().err
    assert "glossary.yml:" in err
    assert_nothing_lost(published)


def test_registry_damaged_by_hand_stops_the_build_and_is_not_reminted(published, capsys):
    source, site = published[0], published[1]
    registry = source / "anchor-registry.json"
    damaged = registry.read_text(encoding="utf-8").replace('"status"', '"statsu"', 1)
    registry.write_text(damaged, encoding="utf-8")
    site_before = tree_digest(site)
    assert build(source, site) == 1
    assert "anchor-registry.json:" in capsys.readouterr().err
    assert registry.read_text(encoding="utf-8") == damaged
    assert tree_digest(site) == site_before


def test_registry_that_is_not_json_names_its_line(published, capsys):
    source = published[0]
    registry = source / "anchor-registry.json"
    registry.write_text(registry.read_text(encoding="utf-8")[:-20], encoding="utf-8")
    assert build(source, published[1]) == 1
    assert "anchor-registry.json:" in capsys.readouterr().err


def _paragraph_texts(site: Path) -> list[str]:
    return [r["text"] for r in json.loads((site / "api" / "paragraphs.json").read_text(encoding="utf-8"))]


def test_byte_order_mark_and_windows_line_endings_build_like_plain_text(tmp_path):
    plain = make_source(tmp_path / "a", {"statement.txt": SMALL_TEXT})
    windows = make_source(tmp_path / "b", {
        "statement.txt": b"\xef\xbb\xbf" + SMALL_TEXT.replace("\n", "\r\n").encode("utf-8")})
    assert build(plain, tmp_path / "site-a") == 0
    assert build(windows, tmp_path / "site-b") == 0
    assert _paragraph_texts(tmp_path / "site-a") == _paragraph_texts(tmp_path / "site-b")
    home = (tmp_path / "site-b" / "statement" / "index.html").read_text(encoding="utf-8")
    assert "\ufeff" not in home


def test_tabs_and_no_break_spaces_are_whitespace(tmp_path):
    text = SMALL_TEXT.replace("  1. We will", "\t1.\u00a0We will").replace("\n\n", "\n\u00a0\n")
    source = make_source(tmp_path / "source", {"statement.txt": text})
    assert build(source, tmp_path / "site") == 0
    texts = _paragraph_texts(tmp_path / "site")
    assert texts[0] == "We will work together against transnational organized crime."


def test_text_with_no_recognisable_structure_builds_as_one_paragraph(tmp_path):
    blob = " ".join(["these words have no headings and no numbers"] * 40) + "."
    source = make_source(tmp_path / "source", {"blob.txt": blob + "\n"})
    assert build(source, tmp_path / "site") == 0
    assert _paragraph_texts(tmp_path / "site") == [blob]


HOSTILE = """Statement on Markup

<script>alert('x')</script> opens the text, then <img src=x onerror=alert(1)> and <a href="javascript:alert(2)">a link</a> follow.

Stars *bold* and _under_ and [x](y) and # hash and {{ config.site_name }} and {% if true %}jinja{% endif %} stay as typed.
"""


def test_html_markdown_and_jinja_in_a_text_are_shown_as_characters(tmp_path):
    source = make_source(tmp_path / "source", {"hostile.txt": HOSTILE})
    assert build(source, tmp_path / "site") == 0
    from bs4 import BeautifulSoup

    page = BeautifulSoup((tmp_path / "site" / "hostile" / "index.html").read_text(encoding="utf-8"),
                         "html.parser")
    body = page.select_one(".g7-page")
    assert body.find("script") is None and body.find("img") is None
    assert not [a for a in body.find_all("a") if a.get("href", "").startswith("javascript")]
    texts = [p.get_text() for p in body.select(".para-text")]
    assert texts[0] == ("<script>alert('x')</script> opens the text, then <img src=x onerror=alert(1)> "
                        "and <a href=\"javascript:alert(2)\">a link</a> follow.")
    assert texts[1] == ("Stars *bold* and _under_ and [x](y) and # hash and {{ config.site_name }} and "
                        "{% if true %}jinja{% endif %} stay as typed.")


def test_text_of_fifty_thousand_paragraphs_generates(tmp_path):
    lines = ["Very Long Statement", ""]
    lines += [f"{n}. Paragraph number {n} says something about cooperation." for n in range(1, 50_001)]
    source = make_source(tmp_path / "source", {"long.txt": "\n\n".join(lines) + "\n"})
    generated = generate(read_inputs(source), "2026-01-15")
    paragraphs = generated.identified.paragraphs
    assert len(paragraphs) == 50_000
    assert len({p.id for p in paragraphs}) == 50_000
    assert paragraphs[-1].paragraph.text == "Paragraph number 50000 says something about cooperation."
