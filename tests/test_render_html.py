"""Source text → HTML: text is escaped data; links and anchors sit on exact spans."""

from __future__ import annotations

import pytest

from build_tools.render.env import Joined
from build_tools.render.html import anchored_text, linked_text
from build_tools.render.urls import relative_url, root_prefix
from tests.helpers import resolve_href


def test_markup_in_text_is_escaped():
    assert linked_text("<script>*x* [a](b) {{ y }}", ()) == "&lt;script&gt;*x* [a](b) {{ y }}"


def test_term_link_wraps_exactly_its_span():
    html = linked_text("We support UNODC work.", ((11, 16, "../glossary/#unodc", "unodc"),))
    assert html == 'We support <a class="term" href="../glossary/#unodc" data-term="unodc">UNODC</a> work.'


def test_overlapping_spans_are_refused():
    with pytest.raises(ValueError):
        linked_text("abcdef", ((0, 4, "x", "a"), (2, 5, "y", "b")))


def test_anchor_wraps_its_sentence_with_links_inside():
    text = "We act. We will back UNODC. Done."
    html = anchored_text(text, ((21, 26, "g/#unodc", "unodc"),), ((8, 28, "p.s2"),))
    assert html == ('We act. <span id="p.s2">We will back <a class="term" href="g/#unodc" '
                    'data-term="unodc">UNODC</a>. </span>Done.')


def test_link_crossing_an_anchor_edge_is_left_out_not_nested_wrongly():
    html = anchored_text("ab cd ef", ((1, 4, "x", "t"),), ((0, 3, "s1"),))
    assert "<a" not in html and html.startswith('<span id="s1">ab </span>')


def test_joined_shows_its_parts_joined_with_their_lead():
    assert Joined(("a", "b")).__html__() == "a\nb"
    assert Joined(("1", "2"), ", ").__html__() == "1, 2"
    assert Joined(("x\">x</a>", "y\">y</a>"), lead='<a href="../').__html__() == (
        '<a href="../x">x</a>\n<a href="../y">y</a>')
    assert not Joined(()) and Joined(("",))


@pytest.mark.parametrize("page", ["", "glossary/", "commitments/topic-ukraine/", "a/b/c/"])
@pytest.mark.parametrize("target", ["doc/section/#p-1", "glossary/#unodc", "doc/"])
def test_root_prefix_and_target_reach_what_a_relative_link_reaches(page, target):
    expected = (target.partition("#")[0].rstrip("/"), target.partition("#")[2])
    assert resolve_href(page, root_prefix(page) + target) == expected
    assert resolve_href(page, relative_url(page, target)) == expected
