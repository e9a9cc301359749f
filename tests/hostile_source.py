"""A source folder whose every value a page shows is markup that would run if printed raw.

Shared by the bad-input suite (the built HTML) and the browser test (no dialog in Chromium).
"""

from __future__ import annotations

from pathlib import Path

TITLE = "G7 Title <svg onload=alert(1)></svg> Declaration"
HEADING = "Markup <img src=data:, onerror=alert(2)> Section"
PLACE = "Rome <svg onload=alert(3)></svg>"
KIND = "Declaration"  # one of a fixed vocabulary: markup there is refused (tests/test_search_pages.py)
TERM_NAME = "Hostile <b>Body</b> <img src=x onerror=alert(4)>"
TERM_DEFINITION = "Defined <script>alert(5)</script> here."
TOPIC_TITLE = "Borders <svg onload=alert(6)></svg>"
TOPIC_DESCRIPTION = "About <img src=x onerror=alert(7)> borders."
SLUG = "hostile-declaration"

TEXT = f"""{TITLE}

{HEADING}

1. We will cooperate with HB on border security.

2. We welcome the work of partners on border security.

Closing Section

3. We commit to protect our borders together.
"""

SIDECAR = f"""place: "{PLACE}"
date: "2024-10-04"
kind: "{KIND}"
meeting_dates: "<b>2-4</b> October"
"""

GLOSSARY = f"""- id: hostile-body
  name: {TERM_NAME}
  acronym: HB
  kind: body
  definition: {TERM_DEFINITION}
"""

TOPICS = f"""- id: borders
  title: {TOPIC_TITLE}
  description: {TOPIC_DESCRIPTION}
  keywords: [border security, borders]
"""

SHOWN = (TITLE, HEADING, PLACE, TOPIC_TITLE)
"""Values the theme itself prints on a section page (title, navigation, masthead, pager)."""


def make_hostile_source(root: Path) -> Path:
    """Return a source folder (created at ``root``) holding the hostile text, sidecar,
    glossary and topics."""
    texts = root / "texts"
    texts.mkdir(parents=True)
    (texts / f"{SLUG}.txt").write_text(TEXT, encoding="utf-8")
    (texts / f"{SLUG}.yml").write_text(SIDECAR, encoding="utf-8")
    (root / "glossary.yml").write_text(GLOSSARY, encoding="utf-8")
    (root / "topics.yml").write_text(TOPICS, encoding="utf-8")
    return root
