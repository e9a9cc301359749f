"""References between documents: where a mention of a published document names a part of it.

A mention of a glossary entry whose ``document`` is published links to that
document. When the words right after it name a part ('... Communiqué on
Synthetic Drug Threats'), the link goes to that part instead:

1. a section of the document whose heading shares every content word of the
   named part (or the reverse) is the part;
2. otherwise, the document's first paragraph holding every content word of
   the named part ('Recalling our statement on Synthetic Drug Threats ...');
3. otherwise, a topic whose keywords the named part mentions leads to the
   document's first paragraph on that topic.

Mentions of documents that are not published link to their glossary entry;
when such a document is added later, the same mentions link to it.
"""

from __future__ import annotations

import re
from typing import Mapping

from build_tools.annotate.terms import TermMatcher, find_mentions
from build_tools.model.document import Document
from build_tools.model.ids import PlacedParagraph
from build_tools.model.notes import PartReference
from build_tools.read.term_keys import term_key

# 'on Synthetic Drug Threats', 'on the Rule of Law': capitalised words after 'on'.
_PART = re.compile(r"\s+on\s+(?:the\s+)?((?:[A-Z][\w’'\-]*)(?:\s+(?:(?:and|of|the|for|in|to)\s+)?[A-Z][\w’'\-]*)*)")
_FILLER = {"and", "of", "the", "for", "in", "to", "on", "a", "an"}


def named_part(text: str, mention_end: int) -> str | None:
    """Return the part named right after a mention ('Synthetic Drug Threats'), or None."""
    match = _PART.match(text, mention_end)
    return match.group(1) if match else None


def _content_words(text: str) -> set[str]:
    return {k for k in term_key(text) if k.isalnum() and k not in _FILLER}


def part_url(part: str, document: Document, sections, paragraphs: tuple[PlacedParagraph, ...],
             paragraphs_of_topic: Mapping[str, str], topic_matcher: TermMatcher) -> str | None:
    """Return the URL of the part of ``document`` that ``part`` names, or None."""
    words = _content_words(part)
    for placed in sections:
        section = document.sections[placed.index]
        heading = _content_words(" ".join(filter(None, [section.title, section.subtitle])))
        if words and heading and (words <= heading or heading <= words):
            return placed.url
    for p in paragraphs:
        if words and words <= _content_words(p.paragraph.text):
            return p.url
    for mention in find_mentions(topic_matcher, part):
        if mention.entry_id in paragraphs_of_topic:
            return paragraphs_of_topic[mention.entry_id]
    return None


def part_references(paragraphs: tuple[PlacedParagraph, ...], pieces_of: Mapping[str, tuple],
                    document_of_entry: Mapping[str, str], documents: Mapping[str, Document],
                    sections_of: Mapping[str, tuple], topics_of: Mapping[str, tuple[str, ...]],
                    topic_matcher: TermMatcher) -> dict[str, tuple[PartReference, ...]]:
    """Return, per paragraph id, the mentions of published documents that name a part."""
    first_on_topic: dict[str, dict[str, str]] = {}
    by_document: dict[str, list[PlacedParagraph]] = {}
    for p in paragraphs:
        by_document.setdefault(p.document, []).append(p)
        for topic in topics_of.get(p.id, ()):
            first_on_topic.setdefault(p.document, {}).setdefault(topic, p.url)
    found: dict[str, tuple[PartReference, ...]] = {}
    for p in paragraphs:
        refs = []
        for piece in pieces_of.get(p.id, ()):
            text = p.paragraph.text if piece.item < 0 else p.paragraph.items[piece.item].text
            for mention in piece.mentions:
                slug = document_of_entry.get(mention.entry_id)
                if slug not in documents or slug == p.document:
                    continue
                part = named_part(text, mention.end)
                url = part and part_url(part, documents[slug], sections_of.get(slug, ()),
                                        tuple(by_document.get(slug, ())),
                                        first_on_topic.get(slug, {}), topic_matcher)
                if url:
                    refs.append(PartReference(piece.item, mention.start, url))
        if refs:
            found[p.id] = tuple(refs)
    return found


def entry_documents(glossary_entries, documents: tuple[Document, ...]) -> dict[str, str]:
    """Return glossary id → slug of the published document the entry names.

    An entry's ``document`` field says it outright; otherwise a published
    document whose title equals the entry's name or an alias (typography
    ignored) is the one. So publishing a text that was only referred to turns
    every mention of it into a link to it, with no other change.
    """
    by_title = {term_key(d.title): d.slug for d in documents}
    published = {d.slug for d in documents}
    found: dict[str, str] = {}
    for entry in glossary_entries:
        if entry.document in published:
            found[entry.id] = entry.document
            continue
        for name in (entry.name, *entry.aliases):
            slug = by_title.get(term_key(name))
            if slug:
                found[entry.id] = slug
                break
    return found
