"""What MkDocs cannot see, checked from what the generator made, in two phases (as
mkdocs-autorefs does): first every anchor each page defines is registered, then every
link the site makes outside its Markdown is resolved against them.

MkDocs' strict build validates every Markdown link and its anchor. It does not see:
the URLs of the exports (``api/paragraphs.json``, ``api/anchors.json``,
``api/glossary.json``) and of the anchor map, where each redirect leads, the
previous/next links the theme prints from a page's front matter, whether a paragraph
id is defined once on the whole site, and whether the exports say what the pages
show. Those are checked here, with no HTML read back.

A page's anchors are read off its Markdown: the ids of its attribute lists
(``{ #id … }``), of its raw HTML (``<span id="…">``) and of its footnotes
(``[^key]`` → ``fnref-key``, ``[^key]:`` → ``fn-key``). Source text never adds one:
it is escaped (``\\{``, ``&lt;``, ``\\[``), so only what the renderers wrote matches.
Headings the Markdown gives no id get one from MkDocs' ``toc``; no link names those.

The exports' JSON Schemas are checked by the tests and by ``check --deep``, not here:
the exports are written by code whose every shape the tests pin, and validating
every object costs a second at 200 documents.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Iterable

from build_tools.errors import Finding
from build_tools.model.site import DataFile, Page, SiteData
from build_tools.render.exports import redirects

# The renderers write an attribute list's id first ('{ #id .class }') and an id only on
# these three raw tags; source text never holds '{ #' or '<' unescaped.
_ATTR_LIST_ID = re.compile(r"\{ #([^\s}]+)")
_HTML_ID = re.compile(r'<(?:span|div markdown class="para"|aside markdown class="para-removed") id="([^"]+)"')
# Each pattern starts with its literal text, which the regular expression engine finds
# fast; what must precede it is a look-behind after it (a footnote's '[^' not escaped, a
# paragraph's opening at the start of a line). At 200 documents (94 MB of Markdown) a
# look-behind first and one pattern for both kinds of paragraph took 1.3 s, these 0.2 s.
_FOOTNOTE = re.compile(r"\[\^(?<!\\\[\^)([^\]\s]+)\](:?)")
_PARAGRAPHS = (re.compile(r'\{ #(?<![^\n]\{ #)([^\s}]+) \.para data-label="([^"]+)"'),
               re.compile(r'<div markdown class="para" (?<![^\n]<div markdown class="para" )'
                          r'id="([^"]+)" data-label="([^"]+)"'))


@dataclass(frozen=True)
class AnchorTable:
    """Phase 1: every page's anchors, and the files the site serves."""

    anchors: dict[str, frozenset[str]]
    """Page URL → the ids it defines."""
    files: frozenset[str]
    """Paths of the data files and redirect pages written into the site."""
    paragraph_labels: dict[tuple[str, str], str]
    """(page URL, paragraph id) → the label the page gives it."""


def page_anchors(content: str) -> list[str]:
    """Return the ids a page's Markdown defines, in order (an id defined twice, twice)."""
    found = _ATTR_LIST_ID.findall(content) + _HTML_ID.findall(content)
    for key, definition in _FOOTNOTE.findall(content):
        found.append(f"fn-{key}" if definition else f"fnref-{key}")
    return found


def paragraph_labels(content: str) -> list[tuple[str, str]]:
    """Return (id, label) of each paragraph a page's Markdown holds, in order."""
    found = sorted((m.start(), m.group(1), m.group(2)) for pattern in _PARAGRAPHS
                   for m in pattern.finditer(content))
    return [(pid, label) for _, pid, label in found]


def register_anchors(pages: Iterable[Page], data_files: Iterable[DataFile]) -> tuple[AnchorTable, list[Finding]]:
    """Return the anchor table of a generation and a finding for every id a page defines
    twice or that two pages define (phase 1)."""
    anchors: dict[str, frozenset[str]] = {}
    labels: dict[tuple[str, str], str] = {}
    defined_on: dict[str, str] = {}
    findings: list[Finding] = []
    for page in pages:
        found = page_anchors(page.content)
        ids = frozenset(found)
        if len(ids) != len(found):
            for twice in sorted({i for i in found if found.count(i) > 1}):
                findings.append(Finding(page.src_uri, 0, f"id {twice!r} defined twice on the page"))
        for pid, label in paragraph_labels(page.content):
            labels[(page.url, pid)] = label
            if pid in defined_on:
                findings.append(Finding(page.src_uri, 0, f"paragraph id {pid!r} also on {defined_on[pid]}"))
            defined_on[pid] = page.src_uri
        anchors[page.url] = ids
    return AnchorTable(anchors, frozenset(d.path for d in data_files), labels), findings


def resolve(table: AnchorTable, url: str) -> str | None:
    """Return None when the site-root-relative ``url`` ('doc/sec/#id', 'api/x.json')
    lands on a page or file that exists and, with a fragment, on an anchor it defines;
    else what is missing. A pure function of the table (phase 2)."""
    path, _, fragment = url.partition("#")
    if path in table.files or f"{path}index.html" in table.files:
        return None if not fragment else f"{url}: a fragment on a file that is not a page"
    ids = table.anchors.get(path)
    if ids is None:
        return f"{url}: no such page"
    if fragment and fragment not in ids:
        return f"{url}: the page has no anchor '{fragment}'"
    return None


def named_links(site: SiteData, pages: Iterable[Page], data_files: Iterable[DataFile]
                ) -> list[tuple[str, str]]:
    """Return (where, URL) of every link the site makes outside its Markdown: the exports'
    and the anchor map's URLs, the redirects' targets and each page's previous/next."""
    links: list[tuple[str, str]] = []
    for record in site.registry.paragraphs:
        links.append(("api/anchors.json", record.url))
    for facts in site.facts.values():
        links.append(("api/paragraphs.json", facts.url))
    for entry in site.glossary.entries:
        links.append(("api/glossary.json", f"glossary/#{entry.id}"))
    for page in pages:
        meta = front_matter_links(page.content)
        links += [(page.src_uri, url) for url in meta]
    return links


_PAGER = re.compile(r'^(?:previous|next): \{"url": ("(?:[^"\\]|\\.)*")', re.MULTILINE)


def front_matter_links(content: str) -> list[str]:
    """Return the URLs of a page's previous and next links, from its front matter."""
    head = content.split("\n---\n", 1)[0]
    return [json.loads(url) for url in _PAGER.findall(head)]


def export_findings(site: SiteData, table: AnchorTable, data_files: Iterable[DataFile]) -> list[Finding]:
    """Return findings where an export is missing or disagrees with the pages: a paragraph
    not on its page under its id, or shown there under another label."""
    findings: list[Finding] = []
    written = {d.path for d in data_files}
    for name in ("paragraphs", "glossary", "anchors"):
        if f"api/{name}.json" not in written:
            findings.append(Finding(f"api/{name}.json", 0, "export missing"))
    for facts in site.facts.values():
        page = facts.url.partition("#")[0]
        shown = table.paragraph_labels.get((page, facts.id))
        if shown is None:
            findings.append(Finding("api/paragraphs.json", 0, f"{facts.id} is not a paragraph of {page or 'the home page'}"))
        elif shown != facts.label:
            findings.append(Finding("api/paragraphs.json", 0,
                                    f"{facts.id}: labelled {shown!r} on {page}, {facts.label!r} in the export"))
    return findings


def check_generation(site: SiteData, pages: tuple[Page, ...], data_files: tuple[DataFile, ...]) -> list[Finding]:
    """Return every finding on a generation that MkDocs' validation cannot make: register
    the anchors, then resolve every link made outside the Markdown, then the exports."""
    table, findings = register_anchors(pages, data_files)
    for where, url in named_links(site, pages, data_files):
        problem = resolve(table, url)
        if problem is not None:
            findings.append(Finding(where, 0, f"link to {problem}"))
    for old, new in redirects(site.registry).items():
        if (problem := resolve(table, new)) is not None:
            findings.append(Finding(f"{old}index.html", 0, f"redirect to {problem}"))
    return findings + export_findings(site, table, data_files)
