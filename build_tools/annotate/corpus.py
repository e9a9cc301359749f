"""Glossary mentions, document references, topics, related paragraphs and commitments,
computed once over the identified corpus."""

from __future__ import annotations

from typing import Mapping

from build_tools.annotate.commitments import find_commitments
from build_tools.annotate.references import entry_documents, part_references
from build_tools.annotate.related import RelatedInput, related_paragraphs
from build_tools.annotate.terms import TermMatcher, build_matcher, find_mentions
from build_tools.annotate.topics import assign_topics, keyword_matcher
from build_tools.model.document import Document, paragraph_plain_text
from build_tools.model.ids import Identified, PlacedParagraph
from build_tools.model.notes import (AnnotatedCorpus, Annotations, Commitment, ParagraphNotes,
                                     PieceMentions)
from build_tools.model.source import Glossary, Topic


def paragraph_mentions(matcher: TermMatcher, placed: PlacedParagraph) -> tuple[PieceMentions, ...]:
    """Return the glossary mentions in a paragraph's text and in each of its items."""
    pieces = [PieceMentions(-1, find_mentions(matcher, placed.paragraph.text))]
    pieces += [PieceMentions(i, find_mentions(matcher, item.text))
               for i, item in enumerate(placed.paragraph.items)]
    return tuple(p for p in pieces if p.mentions)


def annotate_terms(paragraphs: tuple[PlacedParagraph, ...], glossary: Glossary,
                   matcher: TermMatcher) -> Annotations:
    """Return the glossary mentions of every paragraph and the reverse index."""
    notes: dict[str, ParagraphNotes] = {}
    by_term: dict[str, list[str]] = {entry.id: [] for entry in glossary.entries}
    for placed in paragraphs:
        pieces = paragraph_mentions(matcher, placed)
        terms = tuple(dict.fromkeys(m.entry_id for p in pieces for m in p.mentions))
        notes[placed.id] = ParagraphNotes(pieces=pieces, terms=terms)
        for term in terms:
            by_term[term].append(placed.id)
    return Annotations(notes=notes, mentions_by_term={k: tuple(v) for k, v in by_term.items()})


def completed(annotations: Annotations, topics_of: Mapping[str, tuple[str, ...]],
              related_of: Mapping[str, tuple[str, ...]],
              part_links_of: Mapping[str, tuple[tuple[int, int, str], ...]],
              commitments_of: Mapping[str, tuple[Commitment, ...]]) -> Annotations:
    """Return ``annotations`` with each paragraph's topics, related paragraphs, part
    references and commitment sentences filled in (one new note per paragraph)."""
    notes = {pid: ParagraphNotes(pieces=n.pieces, terms=n.terms, topics=topics_of.get(pid, ()),
                                 related=related_of.get(pid, ()),
                                 commitments=commitments_of.get(pid, ()),
                                 part_links=part_links_of.get(pid, ()))
             for pid, n in annotations.notes.items()}
    return Annotations(notes=notes, mentions_by_term=annotations.mentions_by_term)


def annotate_corpus(documents: tuple[Document, ...], identified: Identified, glossary: Glossary,
                    topics: tuple[Topic, ...],
                    section_overrides: Mapping[str, Mapping[str, tuple[str, ...]]]) -> AnnotatedCorpus:
    """Return the annotations of an identified corpus, one kind after the other:
    glossary mentions, topics, related paragraphs, references to parts of
    published documents, commitments."""
    paragraphs = identified.paragraphs
    annotations = annotate_terms(paragraphs, glossary, build_matcher(glossary))
    assignment = assign_topics(documents, identified.sections, paragraphs, topics,
                               {k: n.terms for k, n in annotations.notes.items()}, section_overrides)
    related = related_paragraphs(tuple(
        RelatedInput(p.id, f"{p.document}/{p.section}", paragraph_plain_text(p.paragraph))
        for p in paragraphs))
    linked = entry_documents(glossary.entries, documents)
    sections_of: dict[str, list] = {}
    for placed in identified.sections:
        sections_of.setdefault(placed.document, []).append(placed)
    references = part_references(
        paragraphs, {k: n.pieces for k, n in annotations.notes.items()}, linked,
        {d.slug: d for d in documents}, sections_of, assignment.paragraphs, keyword_matcher(topics))
    annotations = completed(
        annotations, assignment.paragraphs, related,
        {pid: tuple((r.item, r.start, r.url) for r in refs) for pid, refs in references.items()},
        {p.id: find_commitments(p.id, p.paragraph.text) for p in paragraphs})
    return AnnotatedCorpus(annotations, assignment.sections, linked)
