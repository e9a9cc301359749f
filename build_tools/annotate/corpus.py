"""Glossary mentions, document references, topics, related paragraphs and commitments,
computed once over the identified corpus."""

from __future__ import annotations

from collections import Counter
from typing import Mapping, NamedTuple

from build_tools.annotate.commitments import find_commitments
from build_tools.annotate.references import entry_documents, part_references
from build_tools.annotate.related import RelatedInput, WordTerms, related_paragraphs, term_counts
from build_tools.annotate.terms import (TermMatcher, TokenKeys, build_matcher, find_mentions,
                                        keyword_matcher, text_tokens)
from build_tools.annotate.topics import section_topics, topics_of
from build_tools.model.cache import BuildCache, cached
from build_tools.model.document import Document, paragraph_plain_text
from build_tools.model.ids import Identified, PlacedParagraph
from build_tools.model.notes import (AnnotatedCorpus, Annotations, Commitment, ParagraphNotes,
                                     PieceMentions)
from build_tools.model.source import Glossary, Topic


class ParagraphFindings(NamedTuple):
    """What annotation finds in one paragraph by itself, before the passes over the corpus."""

    pieces: tuple[PieceMentions, ...]
    """Glossary mentions in its text and in each of its items."""
    terms: tuple[str, ...]
    """Glossary ids mentioned, in order of first mention."""
    topics: tuple[str, ...]
    commitments: tuple[Commitment, ...]
    term_counts: Counter
    """Its content terms, for related paragraphs."""


def document_findings(paragraphs: tuple[PlacedParagraph, ...], matcher: TermMatcher,
                      keywords: TermMatcher, topic_terms: tuple[tuple[str, tuple[str, ...]], ...]
                      ) -> tuple[ParagraphFindings, ...]:
    """Return what annotation finds in each of one document's paragraphs by itself: glossary
    mentions (``matcher``), topics (``keywords``, and ``topic_terms``: each topic's id and
    glossary ids), commitment sentences and content terms. A function of its arguments
    only, made one document at a time: a rebuild can keep an unchanged document's."""
    keys, words = TokenKeys(), WordTerms()
    found = []
    for placed in paragraphs:
        paragraph = placed.paragraph
        texts = (paragraph.text, *(item.text for item in paragraph.items))
        tokens = tuple(text_tokens(text, keys) for text in texts)
        pieces = tuple(PieceMentions(index - 1, mentions) for index, text in enumerate(texts)
                       if (mentions := find_mentions(matcher, text, tokens[index])))
        terms = tuple(dict.fromkeys(m.entry_id for piece in pieces for m in piece.mentions))
        found.append(ParagraphFindings(
            pieces, terms, topics_of(keywords, topic_terms, texts, terms, tokens),
            find_commitments(placed.id, paragraph.text),
            term_counts(paragraph_plain_text(paragraph), words)))
    return tuple(found)


def annotate_corpus(documents: tuple[Document, ...], identified: Identified, glossary: Glossary,
                    topics: tuple[Topic, ...],
                    section_overrides: Mapping[str, Mapping[str, tuple[str, ...]]],
                    findings: Mapping[str, ParagraphFindings]) -> AnnotatedCorpus:
    """Return the annotations of an identified corpus from each paragraph's ``findings``
    (by paragraph id, see ``document_findings``) and the passes over the whole corpus:
    the glossary's mentions, the sections' topics, related paragraphs, and references
    to parts of published documents."""
    paragraphs = identified.paragraphs
    by_term: dict[str, list[str]] = {entry.id: [] for entry in glossary.entries}
    for placed in paragraphs:
        for term in findings[placed.id].terms:
            by_term[term].append(placed.id)
    topics_of_paragraph = {p.id: findings[p.id].topics for p in paragraphs}
    sections = section_topics(documents, identified.sections, paragraphs, topics,
                              topics_of_paragraph, section_overrides)
    related = related_paragraphs(tuple(
        RelatedInput(p.id, f"{p.document}/{p.section}", paragraph_plain_text(p.paragraph),
                     findings[p.id].term_counts)
        for p in paragraphs))
    linked = entry_documents(glossary.entries, documents)
    sections_of: dict[str, list] = {}
    for placed in identified.sections:
        sections_of.setdefault(placed.document, []).append(placed)
    references = part_references(
        paragraphs, {p.id: findings[p.id].pieces for p in paragraphs}, linked,
        {d.slug: d for d in documents}, sections_of, topics_of_paragraph, keyword_matcher(topics))
    notes = {p.id: ParagraphNotes(
        pieces=findings[p.id].pieces, terms=findings[p.id].terms, topics=findings[p.id].topics,
        related=related.get(p.id, ()), commitments=findings[p.id].commitments,
        part_links=tuple((r.item, r.start, r.url) for r in references.get(p.id, ())))
        for p in paragraphs}
    annotations = Annotations(notes=notes, mentions_by_term={k: tuple(v) for k, v in by_term.items()})
    return AnnotatedCorpus(annotations, sections, linked)


def annotate(documents: tuple[Document, ...], identified: Identified, glossary: Glossary,
             topics: tuple[Topic, ...], section_overrides: Mapping[str, Mapping[str, tuple[str, ...]]],
             cache: BuildCache | None = None) -> AnnotatedCorpus:
    """Return the annotations of an identified corpus: each document's findings (kept in
    ``cache`` by document), then the passes over the corpus."""
    matcher = cached(cache, "glossary matcher", build_matcher, glossary)
    keywords = cached(cache, "keyword matcher", keyword_matcher, topics)
    topic_terms = tuple((t.id, t.terms) for t in topics)
    findings: dict[str, ParagraphFindings] = {}
    for paragraphs in paragraphs_by_document(identified.paragraphs):
        found = cached(cache, ("findings", paragraphs[0].document), document_findings,
                       paragraphs, matcher, keywords, topic_terms)
        findings.update(zip((p.id for p in paragraphs), found))
    return annotate_corpus(documents, identified, glossary, topics, section_overrides, findings)


def paragraphs_by_document(paragraphs: tuple[PlacedParagraph, ...]) -> list[tuple[PlacedParagraph, ...]]:
    """Return the paragraphs grouped by document, in site order."""
    grouped: dict[str, list[PlacedParagraph]] = {}
    for placed in paragraphs:
        grouped.setdefault(placed.document, []).append(placed)
    return [tuple(group) for group in grouped.values()]
