"""`python -m build_tools outline FILE...`: a text's structure for a maintainer, at a glance."""

from __future__ import annotations

from build_tools.cli import main
from tests.test_parse import FIXTURE_TEXTS, ROOT

COMMUNIQUE = ROOT / "source" / "texts" / "g7-interior-security-ministers-2024-communique.txt"


def outline(capsys, *paths) -> str:
    assert main(["outline", *map(str, paths)]) == 0
    return capsys.readouterr().out


def test_outline_shows_title_date_place_and_where_each_comes_from(capsys) -> None:
    out = outline(capsys, FIXTURE_TEXTS / "g20-leaders-2022-bali-declaration.txt")
    assert "  title      G20 Bali Leaders’\u00a0Declaration  (printed, line 1)" in out
    assert "  date       2022-11-16  (printed, line 3)" in out
    assert "  place      Bali, Indonesia  (printed, line 3)" in out
    assert "  numbering  continuous" in out


def test_outline_lists_sections_labels_first_words_items_blocks_and_footnotes(capsys) -> None:
    out = outline(capsys, FIXTURE_TEXTS / "preamble-before-numbers.txt",
                  FIXTURE_TEXTS / "numbered-lead-ins-and-lists.txt",
                  FIXTURE_TEXTS / "footnotes-and-list-first.txt")
    lines = out.splitlines()
    assert "      ¶ [P1]    We, the Leaders of the G7, met in Ottawa at …  (line 5)" in lines
    assert "      ¶ 1       We will map the supply chains of the goods most …  (line 11)" in lines
    assert "                - reduce our dependence on single suppliers for critical …" in lines
    assert "                + in full respect of international law and of the protection …" in lines
    assert "  § Supply chains  (line 6)" in lines
    assert "      ¶ 1       [*] We will work together on supply chains.  (line 10)" in lines
    assert "      *  This paragraph was agreed by all members.  (line 17)" in lines


def test_outline_says_a_fact_the_sidecar_states_is_not_printed(capsys) -> None:
    out = outline(capsys, COMMUNIQUE)
    assert "  date       2024-10-11  (printed, line 24)" in out
    assert "  place      Mirabella Eclano, Italy  (sidecar)" in out


def test_outline_shows_the_chrome_removed_and_the_sidecar_statements(capsys) -> None:
    out = outline(capsys, COMMUNIQUE)
    assert "  removed (17 lines)" in out
    assert "      line 1: government website banner: U.S. flag" in out
    assert "Breadcrumb" not in out.split("  removed")[0]
    assert ("texts/g7-interior-security-ministers-2024-communique.txt:138: heading split by "
            "sidecar") in out
    assert "§ Artificial Intelligence — Exploring benefits, limits and risk  (line 138)" in out


def test_outline_shows_misread_shapes(capsys) -> None:
    out = outline(capsys, FIXTURE_TEXTS / "paragraph-number-forms.txt")
    assert "  findings (2)" in out
    assert "paragraph-number-forms.txt:11: warning: paragraph 11 follows 3" in out


def test_outline_of_an_empty_file_is_an_error_naming_it(tmp_path, capsys) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("\n", encoding="utf-8")
    assert main(["outline", str(empty)]) == 1
    assert capsys.readouterr().err.startswith(f"error: {empty}:1:")
