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

from build_tools import cache
from build_tools.annotate.terms import TermMatcher, add_term, find_mentions
from build_tools.cache import memoised
from build_tools.model.document import Document
from build_tools.model.ids import PlacedParagraph
from build_tools.model.notes import TopicAssignment
from build_tools.model.source import Topic

SECTION_SHARE = 1 / 3


@memoised(cache.DOCUMENTS)
def keyword_matcher(topics: tuple[Topic, ...]) -> TermMatcher:
    """Return one matcher over every topic keyword; a keyword's id is its topic's."""
    trie: dict = {}
    for topic in topics:
        for keyword in topic.keywords:
            add_term(trie, keyword, topic.id, exact=False)
    return TermMatcher(trie)


def paragraph_topics(matcher: TermMatcher, topic_terms: tuple[tuple[str, tuple[str, ...]], ...],
                     placed: PlacedParagraph, terms: tuple[str, ...]) -> tuple[str, ...]:
    """Return the topics a paragraph mentions, in topics.yml order (see ``topics_of``)."""
    return topics_of(matcher, topic_terms,
                     (placed.paragraph.text, *(i.text for i in placed.paragraph.items)), terms)


@memoised(cache.TEXTS)
def topics_of(matcher: TermMatcher, topic_terms: tuple[tuple[str, tuple[str, ...]], ...],
               texts: tuple[str, ...], terms: tuple[str, ...]) -> tuple[str, ...]:
    """Return the ids of the topics (``(id, glossary ids)`` each, in order) that ``texts``
    name by keyword or whose glossary ids are among ``terms``."""
    found: set[str] = set()
    for text in texts:
        found.update(m.entry_id for m in find_mentions(matcher, text))
    if terms:
        mentioned = set(terms)
        found.update(topic_id for topic_id, ids in topic_terms if not mentioned.isdisjoint(ids))
    return tuple(topic_id for topic_id, _ in topic_terms if topic_id in found)


def assign_topics(documents: tuple[Document, ...], sections, paragraphs: tuple[PlacedParagraph, ...],
                  topics: tuple[Topic, ...], terms_of: Mapping[str, tuple[str, ...]],
                  overrides: Mapping[str, Mapping[str, tuple[str, ...]]]) -> TopicAssignment:
    """Return the topics of every paragraph and section (see the module docstring)."""
    matcher = keyword_matcher(topics)
    topic_terms = tuple((t.id, t.terms) for t in topics)
    by_paragraph = {p.id: paragraph_topics(matcher, topic_terms, p, terms_of.get(p.id, ()))
                    for p in paragraphs}
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
            for topic_id in by_paragraph[pid]:
                counts[topic_id] = counts.get(topic_id, 0) + 1
        need = max(min(2, len(ids)), len(ids) * SECTION_SHARE)
        by_section[key] = tuple(t.id for t in topics
                                if t.id in named or (ids and counts.get(t.id, 0) >= need))
    return TopicAssignment(paragraphs=by_paragraph, sections=by_section)
