"""Source text stays data: whatever a text holds, Python-Markdown with the project's extensions
shows it as written, wherever a page puts it (a paragraph, a list item, a heading, a link,
a commitment's span, a wrapper)."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from tests.html_tree import Element, parse_html
from tests.markdown_support import project_markdown
from build_tools.render.markdown import attr_text, attr_value, link_target, md_link, md_text
from build_tools.render.paragraphs import BULLETS, ItemView, ParagraphView, paragraph_markdown

MD = project_markdown()


def rendered(source: str) -> Element:
    """Return the tree of the HTML Python-Markdown makes of ``source`` (every character of
    its text kept: BeautifulSoup would fold a run of white space into one space)."""
    MD.reset()
    return parse_html(MD.convert(source))


# Text as the parser gives it (any character a web page or a PDF holds, markup included)
# and text built from the characters Markdown reads as syntax, where they do harm.
SYNTAX = list("\\`*_{}[]()#+-.!|<>&=~:^\"' \t\n\r\x02\x03") + ["1.", "1)", "{:", "{ #", "[^1]", "*[", "---",
                                                              "===", "```", "~~~", "    ", "<b>", "&amp;",
                                                              "](x)", "<!--", "<span>", "</div>", "  \n"]
# The reader refuses NUL and C1 control characters (read/files.py): they never reach a page.
READABLE = st.characters(blacklist_categories=("Cs",),
                         blacklist_characters="\x00" + "".join(map(chr, range(0x80, 0xa0))))
PLAIN = st.text(alphabet=READABLE, max_size=60)
HOSTILE = st.lists(st.one_of(st.sampled_from(SYNTAX), st.text(alphabet="ab 1", max_size=3)),
                   max_size=20).map("".join)
TEXT = st.one_of(PLAIN, HOSTILE)
EXAMPLES = ["1. x", "# x #", "- x", "+ x", "> x", "---", "===", "~~~", ":   x", "    code", "x  ",
            "{: #id .c }", "[a](b)", "*a* _b_ `c`", "<script>alert(1)</script>", "&amp; &lt;", "a | b",
            "\\", "x\n\ny", "[^1]: note", "*[HTML]: x", "1) x", "<div markdown>x</div>", "\x02x\x03"]


def shows(element, text: str) -> None:
    assert element is not None
    assert element.get_text() == text


@settings(max_examples=300, deadline=None)
@given(TEXT)
@example("")
def test_a_paragraph_shows_its_text_as_written(text):
    html = rendered(f"{md_text(text)}\n{{ #p .para }}")
    if text == "":
        return
    shows(html.find(id="p"), text)


@pytest.mark.parametrize("text", EXAMPLES)
def test_each_kind_of_markdown_syntax_shows_as_written_in_a_paragraph(text):
    shows(rendered(f"{md_text(text)}\n{{ #p .para }}").find(id="p"), text)


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_text_after_a_label_link_shows_as_written(text):
    html = rendered(f"[¶ 4](#p){{ .para-label }} {md_text(text)}\n{{ #p .para }}")
    paragraph = html.find(id="p")
    paragraph.remove(paragraph.find("a", class_="para-label"))
    shows(paragraph, " " + text)


@settings(max_examples=200, deadline=None)
@given(TEXT.filter(lambda t: t.strip() != ""))
def test_a_list_item_shows_its_text_as_written(text):
    html = rendered(f"- {md_text(text)}\n  {{ data-marker=\"a)\" }}\n- second")
    shows(html.find("li"), text)


@settings(max_examples=200, deadline=None)
@given(TEXT.filter(lambda t: t.strip() != ""))
def test_a_heading_shows_its_text_as_written(text):
    html = rendered(f"# {md_text(text)} {{ #h }}")
    heading = html.find(id="h")
    for permalink in [a for a in heading.find_all("a") if "headerlink" in a.attrs.get("class", "")]:
        heading.remove(permalink)
    shows(heading, text)


@settings(max_examples=200, deadline=None)
@given(TEXT.filter(lambda t: t.strip() != ""), TEXT)
def test_a_term_link_and_the_text_after_it_show_as_written(term, after):
    link = md_link(term, "../glossary/index.md#t", '.term data-term="t"')
    html = rendered(f"x {link}{md_text(after)}\n{{ #p }}")
    shows(html.find("a", class_="term"), term)
    shows(html.find(id="p"), f"x {term}{after}")


@settings(max_examples=200, deadline=None)
@given(TEXT, TEXT.filter(lambda t: t.strip() != ""), TEXT)
def test_a_commitment_span_inside_a_wrapper_shows_as_written(before, sentence, after):
    source = (f'<div markdown class="para" id="p">\n[¶ 1](#p){{ .para-label }} {md_text(before)}'
              f'<span id="p.s1">{md_text(sentence)}</span>{md_text(after)}\n\n- item\n</div>')
    html = rendered(source)
    shows(html.find(id="p.s1"), sentence)
    lead = html.find(id="p").find("p")
    lead.remove(lead.find("a", class_="para-label"))
    shows(lead, f" {before}{sentence}{after}")


def test_attribute_values_are_ours_and_anything_else_is_refused():
    assert attr_value("g7-interior-2024-ukraine-4.s2") == "g7-interior-2024-ukraine-4.s2"
    for bad in ('a"b', "a b", "", "a}b", "<x>"):
        with pytest.raises(ValueError):
            attr_value(bad)


def test_free_text_in_an_attribute_reads_back_as_written():
    label = attr_text('Say "<hi>" & {x}')
    html = rendered(f'[x](#a){{ aria-label="{label}" }}')
    assert html.find("a")["aria-label"] == 'Say "<hi>" & {x}'


def test_a_link_target_with_syntax_in_it_stays_one_link():
    target = link_target("https://example.org/a (b)/<c>?d=e&f=\"g\"")
    html = rendered(f"[x]({target})")
    assert html.find("a")["href"] == "https://example.org/a%20%28b%29/%3Cc%3E?d=e&f=%22g%22"


# ------------------------------------------------ a whole paragraph, as the renderer writes it

MARKERS = ["-", "•", "a)", "(ii)", "1)", "*", ""]


@st.composite
def paragraph_views(draw) -> ParagraphView:
    """Return a paragraph of random text with term links, commitment spans and items."""
    text = draw(TEXT.filter(lambda t: t.strip() != ""))

    def intervals() -> list[tuple[int, int]]:
        cuts = sorted(draw(st.sets(st.integers(0, len(text)), max_size=6)))
        return [(a, b) for a, b in zip(cuts[::2], cuts[1::2]) if a < b]

    spans = tuple((a, b, "../../glossary/index.md#t", "t") for a, b in intervals())
    anchors = tuple((a, b, f"p-1.s{n}") for n, (a, b) in enumerate(intervals(), start=1))
    items = tuple(ItemView(draw(st.sampled_from(MARKERS)), draw(TEXT.filter(lambda t: t.strip() != "")))
                  for _ in range(draw(st.integers(0, 4))))
    return ParagraphView(id="p-1", label="4", numbered=True, text=text, spans=spans, anchors=anchors,
                         items=items, footnote_refs=())


def _without_label(element: Element) -> str:
    label = element.find("a", class_="para-label")
    if label is not None:
        element.remove(label)
    return element.get_text()


@settings(max_examples=300, deadline=None)
@given(paragraph_views())
def test_a_rendered_paragraph_shows_its_source_text_and_items_as_written(view):
    html = rendered(paragraph_markdown(view))
    element = html.find(id="p-1")
    assert element is not None and element["data-label"] == "4"
    if not view.items:
        assert element.name == "p" and _without_label(element) == " " + view.text
        return
    blocks = [child for child in element.children if isinstance(child, Element)]
    assert _without_label(blocks[0]) == " " + view.text
    shown: list[str] = []
    for block in blocks[1:]:
        shown += [li.get_text() for li in block.find_all("li")] if block.name == "ul" else [block.get_text()]
    written = [item.text if item.marker in BULLETS or not item.marker else f"{item.marker} {item.text}"
               for item in view.items]
    assert shown == written
    for start, end, anchor in view.anchors:
        assert html.find(id=anchor).get_text() == view.text[start:end]
