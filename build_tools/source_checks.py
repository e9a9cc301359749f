"""Checks of the source: numbering, empty sections, heading look-alikes, sidecars, glossary."""

from __future__ import annotations

from build_tools.check import Finding


def check_source(inputs, generated) -> list[Finding]:
    """Return every finding on the source texts, sidecars and glossary."""
    findings: list[Finding] = []
    for doc in generated.site.documents:
        findings += numbering_findings(doc)
        for section in doc.sections:
            if not section.paragraphs:
                findings.append(Finding(str(doc.path), section.line,
                                        f"section {section.title!r} has no paragraph", fails=False))
    return findings


def numbering_findings(doc) -> list[Finding]:
    """Return a finding for each numbered paragraph that does not follow its predecessor."""
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
