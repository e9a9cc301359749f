"""Golden dumps: a section page, the glossary page and a topic page of the real source, as
``make dump`` writes them on a fixed date, so that a reviewer sees the page format and every
change to it shows in a diff. ``UPDATE_GOLDEN=1`` rewrites them."""

from __future__ import annotations

import os

import pytest

from build_tools.pipeline import generate, read_inputs
from tests.helpers import BUILD_DATE, ROOT, SOURCE

GOLDEN = ROOT / "tests" / "golden" / "pages"
PAGES = {
    "section": "g7-leaders-2024-apulia-communique/economic-resilience-and-economic-security/",
    "glossary": "glossary/",
    "topic": "topics/ukraine/",
}


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return {p.url: p.content for p in generate(read_inputs(SOURCE), BUILD_DATE).pages}


@pytest.mark.parametrize("kind", PAGES)
def test_the_generated_page_matches_its_golden_dump(pages, kind):
    golden = GOLDEN / f"{kind}.md"
    content = pages[PAGES[kind]]
    if os.environ.get("UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(content, encoding="utf-8")
    assert content == golden.read_text(encoding="utf-8"), f"{kind}: the page differs from {golden}"
