"""Property tests: random texts never crash the pipeline except with a clear error,
every word survives into the generated pages, and ids are unique."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from build_tools.errors import BuildError
from build_tools.pipeline import generate, read_inputs
from tests.markdown_support import page_html
from tests.page_text import source_words

WORD = re.compile(r"\w+")
MARKUP = ["<script>", "</div>", "*", "_", "[x](y)", "#", "{{ x }}", "{% if %}", "&amp;", "`", "|", ">"]

words = st.text(alphabet=st.characters(categories=("L", "N"), max_codepoint=0x2FFF),
                min_size=1, max_size=10)
fragment = st.one_of(words, words, words, st.sampled_from(MARKUP))
sentence = st.lists(fragment, min_size=1, max_size=14).map(lambda ws: " ".join(ws))
heading = st.lists(words, min_size=1, max_size=6).map(lambda ws: " ".join(w.title() for w in ws))


@st.composite
def texts(draw) -> str:
    """Return a random text: headings, numbering styles, bullets, sub-points."""
    lines = [draw(heading), ""]
    number = 0
    for _ in range(draw(st.integers(1, 6))):
        if draw(st.booleans()):
            lines += [draw(heading), ""]
            if draw(st.booleans()):
                number = 0
        for _ in range(draw(st.integers(1, 5))):
            style = draw(st.sampled_from(["plain", "number", "comma", "glued", "bullet", "subpoint"]))
            body = draw(sentence) + draw(st.sampled_from([".", "", ";", ":"]))
            number += 1
            line = {"plain": body, "number": f"{number}. {body}", "comma": f"{number}, {body}",
                    "glued": f"{number}.{body}", "bullet": f"- {body}",
                    "subpoint": f"({'i' * (number % 3 + 1)}) {body}"}[style]
            lines.append(line)
            lines.append(draw(st.sampled_from(["", "", "\u00a0"])))
    return "\n".join(lines) + "\n"


def page_words(page) -> list[str]:
    """Return the words a generated page shows as source text, in order (its footnotes after)."""
    body, notes = source_words(page_html(page))
    return body + notes


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts())
# A number printed twice is labelled '4bis': the page must still show the printed '4' as source.
@example(text="0\n\n0.\n\n4. 0.\n\n0\n\na.\n\n4. 0.\n")
def test_random_text_builds_keeps_every_word_and_mints_unique_ids(text):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "texts").mkdir()
        (root / "texts" / "random.txt").write_text(text, encoding="utf-8")
        try:
            generated = generate(read_inputs(root), "2026-01-15")
        except BuildError as err:
            assert str(err).startswith(str(root)), f"error without a file name: {err}"
            return
    ids = [p.id for p in generated.identified.paragraphs]
    assert len(ids) == len(set(ids))
    document = generated.site.documents[0]
    removed = {r.line for r in document.removed}
    source_words = [w for n, line in enumerate(text.splitlines(), 1) if n not in removed
                    for w in WORD.findall(line)]
    shown: list[str] = []
    doc_pages = [p for p in generated.pages if p.url.startswith("random/")]
    for page in sorted(doc_pages, key=lambda p: (p.url != "random/",)):
        shown += page_words(page)
    assert shown == source_words
