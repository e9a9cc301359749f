"""Source text → HTML: text is escaped data; links and anchors sit on exact spans."""

from __future__ import annotations

import pytest

from build_tools.render.html import anchored_text, linked_text


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
