"""Bad input: a clear error naming file and line, and nothing published is lost."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from build_tools.pipeline import generate, read_inputs
from tests.helpers import SMALL_TEXT, assert_nothing_lost, build, make_source, tree_digest


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
    from tests.page_text import paragraph_text

    texts = [paragraph_text(p).strip() for p in body.select(".para")]
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


# ------------------------------------------------------- one YAML loader for every file

def _alias_bomb(levels: int = 9) -> list[tuple[str, str]]:
    """Return (anchor, flow list) of a billion-laughs bomb: each level lists the one before nine times."""
    levels_yaml = [("l0", "[" + ", ".join(['"lol"'] * 9) + "]")]
    for level in range(1, levels):
        levels_yaml.append((f"l{level}", "[" + ", ".join([f"*l{level - 1}"] * 9) + "]"))
    return levels_yaml


BOMBS = {
    # Where the bomb sits, what the file holds, the line of the first alias.
    "sidecar section_topics": ("texts/statement.yml", lambda bomb: "title: ok\nsection_topics:\n" + "".join(
        f"  {name}: &{name} {value}\n" for name, value in bomb), 4),
    "sidecar heading_splits": ("texts/statement.yml", lambda bomb: "heading_splits:\n" + "".join(
        f"  - heading: &{name} {value}\n    title: t\n" for name, value in bomb), 4),
    "topics.yml": ("topics.yml", lambda bomb: "".join(
        f"- id: t{i}\n  title: T\n  keywords: &{name} {value}\n" for i, (name, value) in enumerate(bomb)), 6),
    "glossary.yml": ("glossary.yml", lambda bomb: "".join(
        f"- id: g{i}\n  name: G{i}\n  kind: body\n  definition: D.\n  aliases: &{name} {value}\n"
        for i, (name, value) in enumerate(bomb)), 10),
}


@pytest.mark.parametrize("where", sorted(BOMBS))
def test_yaml_alias_bomb_is_refused_at_the_line_of_its_first_alias(published, capsys, where):
    source = published[0]
    name, content, first_alias_line = BOMBS[where]
    (source / name).write_text(content(_alias_bomb()), encoding="utf-8")
    assert build(source, published[1]) == 1
    err = capsys.readouterr().err
    assert f"{Path(name).name}:{first_alias_line}: YAML alias '*l0' refused" in err
    assert "Traceback" not in err
    assert_nothing_lost(published)


def test_yaml_file_over_the_size_limit_is_refused_unread(published, capsys):
    source = published[0]
    sidecar = source / "texts" / "statement.yml"
    five_mib = 5 * 2**20  # over the stated limit of 4 MiB
    sidecar.write_bytes(b"title: ok\n" + b"# padding\n" * (five_mib // 10))
    assert build(source, published[1]) == 1
    assert "statement.yml:1: the file is" in capsys.readouterr().err
    assert_nothing_lost(published)


def test_yaml_nested_too_deep_is_refused_at_its_line(published, capsys):
    source = published[0]
    (source / "topics.yml").write_text("- id: t\n  title: T\n  keywords:\n    " + "[" * 60 + "]" * 60
                                       + "\n", encoding="utf-8")
    assert build(source, published[1]) == 1
    assert "topics.yml:4: nested more than" in capsys.readouterr().err
    assert_nothing_lost(published)


def test_a_yaml_anchor_without_alias_is_still_accepted(tmp_path):
    source = make_source(tmp_path / "source", {"statement.txt": SMALL_TEXT})
    (source / "texts" / "statement.yml").write_text("place: &p Rome\n", encoding="utf-8")
    assert build(source, tmp_path / "site") == 0


# ------------------------------------------------------------------ encodings

def test_utf16_text_is_called_utf16_not_binary(published, capsys):
    source = published[0]
    (source / "texts" / "wide.txt").write_bytes(SMALL_TEXT.encode("utf-16"))
    (source / "texts" / "wide-no-bom.txt").write_bytes(SMALL_TEXT.encode("utf-16-le"))
    assert build(source, published[1]) == 1
    err = capsys.readouterr().err
    assert "wide-no-bom.txt:1:" in err and "UTF-16" in err and "must be UTF-8" in err
    assert "binary" not in err
    assert_nothing_lost(published)


def test_glossary_that_is_not_utf8_names_line_and_byte_offset(published, capsys):
    source = published[0]
    (source / "glossary.yml").write_bytes("- id: a\n  name: Caf\xe9\n".encode("latin-1"))
    assert build(source, published[1]) == 1
    err = capsys.readouterr().err
    assert "glossary.yml:2: not UTF-8: byte 0xe9 at byte offset 19" in err
    assert "Traceback" not in err
    assert_nothing_lost(published)


def test_nul_in_the_glossary_is_reported_at_its_line(published, capsys):
    source = published[0]
    (source / "glossary.yml").write_bytes(b"- id: a\n  name: A\n  kind: body\x00\n")
    assert build(source, published[1]) == 1
    assert "glossary.yml:3: NUL byte at byte offset 30" in capsys.readouterr().err
    assert_nothing_lost(published)


@pytest.mark.parametrize("control", ["\x85", "\x80", "\x9f"])
def test_c1_control_character_in_a_text_is_refused_at_its_line(published, capsys, control):
    source = published[0]
    text = next((source / "texts").glob("*.txt"))
    lines = text.read_text(encoding="utf-8").split("\n")
    lines[4] += f" ellipsis{control}"
    text.write_text("\n".join(lines), encoding="utf-8")
    assert build(source, published[1]) == 1
    assert f"{text.name}:5: control character U+{ord(control):04X}" in capsys.readouterr().err
    assert_nothing_lost(published)


# ------------------------------------------------------------------ links

@pytest.mark.parametrize("url", ["javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,<b>x</b>",
                                 "file:///etc/passwd", "https://", "//example.org/x", "www.example.org"])
def test_sidecar_source_url_must_be_http_or_https(published, capsys, url):
    source = published[0]
    (source / "texts" / "statement.yml").write_text(f'title: ok\nsource_url: "{url}"\n', encoding="utf-8")
    assert build(source, published[1]) == 1
    assert "statement.yml:2: source_url" in capsys.readouterr().err
    assert_nothing_lost(published)


@pytest.mark.parametrize("url", ["javascript:alert(1)", "https://", "https:// x"])
def test_glossary_website_must_be_an_http_or_https_url(published, capsys, url):
    source = published[0]
    (source / "glossary.yml").write_text(
        f'- id: a\n  name: A\n  kind: body\n  definition: D.\n  website: "{url}"\n', encoding="utf-8")
    assert build(source, published[1]) == 1
    assert "glossary.yml:5: website" in capsys.readouterr().err
    assert_nothing_lost(published)


def test_an_https_source_url_is_published_as_a_link(tmp_path):
    source = make_source(tmp_path / "source", {"statement.txt": SMALL_TEXT})
    (source / "texts" / "statement.yml").write_text('source_url: "https://www.g7italy.it/en/x"\n',
                                                    encoding="utf-8")
    assert build(source, tmp_path / "site") == 0
    page = (tmp_path / "site" / "statement" / "index.html").read_text(encoding="utf-8")
    assert 'href="https://www.g7italy.it/en/x"' in page
