"""Cross-document topics: which sections and paragraphs are on each topic of ``source/topics.yml``.

The rule, in order:

1. a paragraph is on a topic when it mentions one of the topic's keywords or
   glossary terms (matched like glossary terms, in one pass over its text);
2. a section is on a topic when its heading names a keyword, or when at least
   a third of its paragraphs (and at least two, or its only one) are on it;
3. a sidecar's ``section_topics`` replaces the rule's answer for that section.
"""

from __future__ import annotations

from typing import Mapping

from build_tools.annotate.terms import TermMatcher, TextTokens, find_mentions, keyword_matcher
from build_tools.model.document import Document
from build_tools.model.ids import PlacedParagraph, PlacedSection
from build_tools.model.source import Topic

SECTION_SHARE = 1 / 3


def topics_of(matcher: TermMatcher, topic_terms: tuple[tuple[str, tuple[str, ...]], ...],
              texts: tuple[str, ...], terms: tuple[str, ...],
              tokens: tuple[TextTokens, ...] | None = None) -> tuple[str, ...]:
    """Return the ids of the topics (``(id, glossary ids)`` each, in order) that ``texts``
    name by keyword or whose glossary ids are among ``terms`` (``tokens``: the texts'
    ``text_tokens``, when already made)."""
    found: set[str] = set()
    for index, text in enumerate(texts):
        found.update(m.entry_id for m in find_mentions(matcher, text, tokens[index] if tokens else None))
    if terms:
        mentioned = set(terms)
        found.update(topic_id for topic_id, ids in topic_terms if not mentioned.isdisjoint(ids))
    return tuple(topic_id for topic_id, _ in topic_terms if topic_id in found)


def section_topics(documents: tuple[Document, ...], sections: tuple[PlacedSection, ...],
                   paragraphs: tuple[PlacedParagraph, ...], topics: tuple[Topic, ...],
                   topics_of_paragraph: Mapping[str, tuple[str, ...]],
                   overrides: Mapping[str, Mapping[str, tuple[str, ...]]]
                   ) -> dict[tuple[str, str], tuple[str, ...]]:
    """Return (document slug, section id) → the topics of every section, from the topics of
    its paragraphs (see the module docstring)."""
    matcher = keyword_matcher(topics)
    members: dict[tuple[str, str], list[str]] = {}
    for p in paragraphs:
        members.setdefault((p.document, p.section), []).append(p.id)
    docs = {d.slug: d for d in documents}
    by_section: dict[tuple[str, str], tuple[str, ...]] = {}
    for placed in sections:
        key = (placed.document, placed.id)
        override = overrides.get(placed.document, {}).get(placed.id)
        if override is not None:
            by_section[key] = tuple(override)
            continue
        section = docs[placed.document].sections[placed.index]
        heading = " ".join(filter(None, [section.title, section.subtitle]))
        named = {m.entry_id for m in find_mentions(matcher, heading)}
        ids = members.get(key, [])
        counts: dict[str, int] = {}
        for pid in ids:
            for topic_id in topics_of_paragraph[pid]:
                counts[topic_id] = counts.get(topic_id, 0) + 1
        need = max(min(2, len(ids)), len(ids) * SECTION_SHARE)
        by_section[key] = tuple(t.id for t in topics
                                if t.id in named or (ids and counts.get(t.id, 0) >= need))
    return by_section
