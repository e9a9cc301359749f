"""Checks of the source: numbering, empty sections, heading look-alikes, sidecar keys,
glossary entries no text mentions, and glossary coverage.

A finding fails the check when publishing would be wrong (an unknown topic in a
sidecar, a glossary entry nobody mentions, a name the glossary lacks); the
rest are warnings a maintainer should read.
"""

from __future__ import annotations

from build_tools.check import Finding
from build_tools.coverage import check_coverage
from build_tools.glossary import load_ignore_list
from build_tools.headings import ends_sentence, is_heading_like
from build_tools.model import Document
from build_tools.terms import build_matcher

LONG_HEADING_WORDS = 30


def numbering_findings(doc: Document) -> list[Finding]:
    """Return a warning for each numbered paragraph that does not follow its predecessor."""
    findings = []
    previous: int | None = None
    for section in doc.sections:
        if doc.numbering == "per-section":
            previous = None
        for p in section.paragraphs:
            if not p.numbered or not p.label.isdigit():
                continue
            number = int(p.label)
            if previous is not None and number != previous + 1:
                what = "repeats" if number == previous else "follows"
                findings.append(Finding(str(doc.path), p.line,
                                        f"paragraph {number} {what} {previous} in section {section.title!r}",
                                        fails=False))
            previous = number
    return findings


def shape_findings(doc: Document) -> list[Finding]:
    """Return warnings for empty sections, headings shaped like paragraphs and the reverse."""
    findings = []
    for section in doc.sections:
        if not section.paragraphs:
            findings.append(Finding(str(doc.path), section.line,
                                    f"section {section.title!r} has no paragraph", fails=False))
        heading = " ".join(filter(None, [section.title, section.subtitle]))
        if heading and (ends_sentence(heading) or len(heading.split()) > LONG_HEADING_WORDS):
            findings.append(Finding(str(doc.path), section.line,
                                    f"heading looks like a paragraph: {heading[:60]!r}", fails=False))
        for p in section.paragraphs:
            if not p.numbered and not p.items and is_heading_like(p.text):
                findings.append(Finding(str(doc.path), p.line,
                                        f"paragraph looks like a heading: {p.text[:60]!r}", fails=False))
    return findings


def sidecar_findings(inputs, generated) -> list[Finding]:
    """Return errors for sidecar section_topics naming no section or no topic."""
    findings = []
    topic_ids = {t.id for t in inputs.topics}
    for text in inputs.texts:
        sidecar = text.sidecar
        if not sidecar.section_topics:
            continue
        sections = {s.id for s in generated.site.sections_of.get(text.slug, ())}
        line = dict(sidecar.key_lines).get("section_topics", 1)
        for section, topics in sidecar.section_topics:
            if section not in sections:
                findings.append(Finding(str(sidecar.path), line,
                                        f"section_topics names no section of this text: {section!r}"))
            for topic in topics:
                if topic not in topic_ids:
                    findings.append(Finding(str(sidecar.path), line,
                                            f"section_topics names an unknown topic: {topic!r}"))
    return findings


def glossary_findings(inputs, generated) -> list[Finding]:
    """Return errors for entries no text mentions and for names the glossary lacks."""
    findings = []
    glossary = inputs.glossary
    mentions = generated.site.annotations.mentions_by_term
    for entry in glossary.entries:
        if not mentions.get(entry.id) and not _names_a_published_document(entry, generated):
            findings.append(Finding(str(glossary.path), entry.line,
                                    f"glossary entry {entry.id!r} is mentioned in no published text"))
    ignore = load_ignore_list(inputs.tree.glossary_ignore) if inputs.tree.glossary_ignore.exists() else ()
    matcher = build_matcher(glossary)
    for p in generated.site.paragraphs:
        for text, line in ((p.paragraph.text, p.paragraph.line),
                           *((i.text, i.line) for i in p.paragraph.items)):
            for candidate in check_coverage(text, matcher, ignore):
                path = generated.site.document[p.document].path
                findings.append(Finding(str(path), line,
                                        f"not in the glossary ({candidate.kind_of_rule}): {candidate.text!r}; "
                                        f"add an entry or list it in {inputs.tree.glossary_ignore.name} with a reason"))
    return findings


def _names_a_published_document(entry, generated) -> bool:
    return entry.id in generated.site.entry_documents


def check_source(inputs, generated) -> list[Finding]:
    """Return every finding on the source texts, sidecars and glossary."""
    findings: list[Finding] = []
    for doc in generated.site.documents:
        findings += numbering_findings(doc) + shape_findings(doc)
    return findings + sidecar_findings(inputs, generated) + glossary_findings(inputs, generated)
