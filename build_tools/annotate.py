"""Stage 4, annotate: glossary mentions, document references, topics, related
paragraphs and commitments, computed once over the identified corpus."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping, NamedTuple

from build_tools.glossary import Glossary
from build_tools.model import PlacedParagraph
from build_tools.terms import Mention, TermMatcher, find_mentions


class PieceMentions(NamedTuple):
    """Mentions in one piece of a paragraph: its text (item -1) or one item.

    This and ``Commitment`` are named tuples, as ``terms.Mention`` is: they fill
    the memo keys of every paragraph, and tuples hash and compare in C.
    """

    item: int
    """-1 for the paragraph's own text, else the index of the item."""
    mentions: tuple[Mention, ...]


class ParagraphNotes(NamedTuple):
    """What annotation found in one paragraph (a named tuple, as the pieces are)."""

    pieces: tuple[PieceMentions, ...] = ()
    terms: tuple[str, ...] = ()
    """Glossary ids mentioned, in order of first mention."""
    topics: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    """Ids of the most similar paragraphs elsewhere, best first."""
    commitments: tuple["Commitment", ...] = ()
    part_links: tuple[tuple[int, int, str], ...] = ()
    """(item, mention start, URL) of document mentions that name a part of the document."""


class Commitment(NamedTuple):
    """A sentence in which the authors commit, with its anchor inside the paragraph."""

    anchor: str
    """'<paragraph id>.s<n>': n counts the paragraph's sentences from 1."""
    sentence: int
    text: str
    verb: str
    """The commitment phrase that qualified the sentence ('will', 'call on')."""


@dataclass(frozen=True)
class Annotations:
    """Annotations of the whole corpus, by paragraph id."""

    notes: Mapping[str, ParagraphNotes] = field(default_factory=dict)
    mentions_by_term: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Glossary id → ids of the paragraphs mentioning it, in site order."""

    def for_paragraph(self, paragraph_id: str) -> ParagraphNotes:
        notes = self.notes.get(paragraph_id)
        return notes if notes is not None else ParagraphNotes()


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


@dataclass(frozen=True)
class AnnotatedCorpus:
    """Everything annotation found over the corpus."""

    annotations: Annotations
    section_topics: Mapping[tuple[str, str], tuple[str, ...]]
    """(document slug, section id) → topic ids."""
    entry_documents: Mapping[str, str]
    """Glossary id → slug of the published document it names."""


def annotate_corpus(documents, identified, glossary: Glossary, topics,
                    section_overrides: Mapping[str, Mapping[str, tuple[str, ...]]]) -> AnnotatedCorpus:
    """Return the annotations of an identified corpus, one kind after the other:
    glossary mentions, topics, related paragraphs, references to parts of
    published documents, commitments."""
    # Imported here: these modules import this one for its dataclasses.
    from build_tools.commitments import find_commitments
    from build_tools.exports import paragraph_plain_text
    from build_tools.references import entry_documents, part_references
    from build_tools.related import RelatedInput, related_paragraphs
    from build_tools.terms import build_matcher
    from build_tools.topics import assign_topics, keyword_matcher

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
