"""Checks of the source: shapes that mean a misread (``misreads``), empty sections,
heading look-alikes, sidecar keys and statements, glossary entries no text
mentions, and glossary coverage.

A finding fails the check when publishing would be wrong (an unknown topic in a
sidecar, a glossary entry nobody mentions, a name the glossary lacks); the
rest are warnings a maintainer should read.
"""

from __future__ import annotations

from dataclasses import replace

from build_tools.annotate.terms import build_matcher
from build_tools.check.coverage import check_coverage
from build_tools.errors import Finding
from build_tools.model.document import Document, Section
from build_tools.model.site import SiteData
from build_tools.model.source import Inputs, Sidecar
from build_tools.parse.headings import ends_sentence, is_heading_like, normalise
from build_tools.parse.misreads import misread_findings
from build_tools.parse.text import parse_text


def shape_findings(doc: Document) -> list[Finding]:
    """Return warnings for empty sections, headings shaped like paragraphs and the reverse."""
    findings = []
    for section in doc.sections:
        if not section.paragraphs:
            findings.append(Finding(str(doc.path), section.line,
                                    f"section {section.title!r} has no paragraph", fails=False))
        heading = " ".join(filter(None, [section.title, section.subtitle]))
        if heading and ends_sentence(heading):
            findings.append(Finding(str(doc.path), section.line,
                                    f"heading looks like a paragraph: {heading[:60]!r}", fails=False))
        for p in section.paragraphs:
            if not p.numbered and not p.items and is_heading_like(p.text):
                findings.append(Finding(str(doc.path), p.line,
                                        f"paragraph looks like a heading: {p.text[:60]!r}", fails=False))
            findings += [Finding(str(doc.path), block.line,
                                 f"a block of paragraph {p.label} looks like a heading: "
                                 f"{block.text[:60]!r}", fails=False)
                         for block in p.items if not block.marker and is_heading_like(block.text)]
    return findings


def sidecar_findings(inputs: Inputs, site: SiteData) -> list[Finding]:
    """Return errors for sidecar section_topics naming no section or no topic."""
    findings = []
    topic_ids = {t.id for t in inputs.topics}
    for text in inputs.texts:
        sidecar = text.sidecar
        if not sidecar.section_topics:
            continue
        sections = {s.id for s in site.sections_of.get(text.slug, ())}
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


def redundant_sidecar_findings(inputs: Inputs) -> list[Finding]:
    """Return a warning for each sidecar statement a rule finds without it.

    A statement is redundant when the text parsed with no sidecar gives the same
    value: the title or date it prints, a heading the rules split the same way.
    """
    findings = []
    for text in inputs.texts:
        sidecar = text.sidecar
        if sidecar.path is None:
            continue
        found = parse_text(replace(text, sidecar=Sidecar()))
        lines = dict(sidecar.key_lines)
        for key, printed in (("title", found.title if found.title_printed else None),
                             ("date", found.date), ("place", found.place)):
            stated = getattr(sidecar, key)
            if stated is not None and printed is not None and normalise(stated) == normalise(printed):
                findings.append(Finding(str(sidecar.path), lines.get(key, 1),
                                        f"{key} {stated!r} is what the text prints: drop the statement",
                                        fails=False))
        by_rule = {normalise(f"{number} {printed_heading(s)}"): (s.title, s.subtitle)
                   for s in found.sections if s.title for number in {"", s.heading_number}}
        for split in sidecar.heading_splits:
            if by_rule.get(normalise(split.heading)) == (split.title, split.subtitle):
                findings.append(Finding(str(sidecar.path), split.line,
                                        f"the rules split {split.heading!r} the same way: "
                                        "drop the statement", fails=False))
    return findings


def printed_heading(section: Section) -> str:
    """Return a section's heading line as printed: part (when printed with it), title, subtitle."""
    part = section.part if section.part_printed else None
    return " ".join(filter(None, [part, section.title, section.subtitle]))


def glossary_findings(inputs: Inputs, site: SiteData) -> list[Finding]:
    """Return errors for entries no text mentions and for names the glossary lacks."""
    findings = []
    glossary = inputs.glossary
    mentions = site.annotations.mentions_by_term
    for entry in glossary.entries:
        if not mentions.get(entry.id) and entry.id not in site.entry_documents:
            findings.append(Finding(str(glossary.path), entry.line,
                                    f"glossary entry {entry.id!r} is mentioned in no published text"))
    matcher = build_matcher(glossary)
    for p in site.paragraphs:
        for text, line in ((p.paragraph.text, p.paragraph.line),
                           *((i.text, i.line) for i in p.paragraph.items)):
            for candidate in check_coverage(text, matcher, inputs.ignored):
                path = site.document[p.document].path
                findings.append(Finding(str(path), line,
                                        f"not in the glossary ({candidate.kind_of_rule}): {candidate.text!r}; "
                                        f"add an entry or list it in {inputs.tree.glossary_ignore.name} with a reason"))
    return findings


def check_source(inputs: Inputs, site: SiteData) -> list[Finding]:
    """Return every finding on the source texts, sidecars and glossary."""
    findings: list[Finding] = []
    for doc in site.documents:
        findings += misread_findings(doc) + shape_findings(doc)
    return (findings + sidecar_findings(inputs, site) + redundant_sidecar_findings(inputs)
            + glossary_findings(inputs, site))
