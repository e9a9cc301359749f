"""Every version of a document, and the whole document on one page.

For each document, from the registry's history (see ``model.versions``):

- ``versions/<doc>/``: its versions, newest first, each linked to the text as it stood;
- ``versions/<doc>/<version>/``: the text as it stood at that version, under element ids
  of its own (``at-<paragraph id>``), so that a paragraph link always means the current
  text;
- ``versions/<doc>/compare/``: two versions chosen in a form, their word-level changes
  marked by a small script (``js/compare.js``) over the document's history data
  (``assets/versions/<doc>.js``).

Compare is one page per document, not one per pair of versions: n versions make
n(n-1)/2 pairs, while the history data grows with the number of changes alone.

And ``full-text/<doc>/``: every section in order on one page, for reading through and
printing; each paragraph keeps its label and links to its canonical place.

None of these pages is in the search index (it is built from the site's data: see
``render.search_pages``) and each asks crawlers not to index it.
"""

from __future__ import annotations

import json
from typing import NamedTuple

from build_tools.model.cache import BuildCache, cached
from build_tools.model.document import Document, label_wording
from build_tools.model.ids import AnchorRecord, Registry, SectionRecord
from build_tools.model.site import DataFile, DocumentFacts, Page, SiteData, section_heading
from build_tools.model.versions import (Version, compare_url, entry_document,
                                        entry_version, full_text_url, label_printed, text_at,
                                        versions_url)
from build_tools.render.documents import document_meta
from build_tools.render.env import Md, Templates, make_page, page_meta
from build_tools.render.markdown import attr_value, md_link, md_text
from build_tools.render.paragraphs import POSITIONS_NOTE, positions_note
from build_tools.render.urls import md_url

class DocumentHistory(NamedTuple):
    """What a document's version pages are made from: a function of the registry's records
    of the document and its current sections."""

    slug: str
    title: str
    date: str
    versions: tuple[Version, ...]
    records: tuple[AnchorRecord, ...]
    """Every record with a history entry in the document."""
    section_titles: tuple[tuple[str, str], ...]
    """(section page URL, title): current URLs in reading order, then earlier URLs."""
    numbered: tuple[tuple[str, bool], ...]
    """(id, label printed) of the current paragraphs."""


def records_with_history_in(registry: Registry) -> dict[str, tuple[AnchorRecord, ...]]:
    """Return, per document slug, every paragraph record with a history entry in it, in
    registry order (one pass: a scan per document would grow with documents × records)."""
    found: dict[str, list[AnchorRecord]] = {}
    for record in registry.paragraphs:
        for slug in dict.fromkeys(entry_document(h) for h in record.history):
            found.setdefault(slug, []).append(record)
    return {slug: tuple(records) for slug, records in found.items()}


def section_records_by_document(registry: Registry) -> dict[str, tuple[SectionRecord, ...]]:
    """Return, per document slug, its section records, in registry order (one pass)."""
    found: dict[str, list[SectionRecord]] = {}
    for record in registry.sections:
        found.setdefault(record.id.partition("/")[0], []).append(record)
    return {slug: tuple(records) for slug, records in found.items()}


def document_history(site: SiteData, doc: Document, versions: tuple[Version, ...],
                     records: tuple[AnchorRecord, ...],
                     sections: tuple[SectionRecord, ...]) -> DocumentHistory:
    """Return the history of ``doc`` read off the site's registry; ``records`` are the
    paragraph records with a history entry in it, ``sections`` its section records."""
    titles = {s.url: section_heading(doc.sections[s.index]) for s in site.sections_of[doc.slug] if s.id}
    for record in sections:
        for url in (record.url, *record.previous_urls):
            titles.setdefault(url, record.title)
    facts = site.document_facts[doc.slug]
    return DocumentHistory(doc.slug, doc.title, doc.date or "", versions, records, tuple(titles.items()),
                           tuple((p.id, p.numbered) for p in facts.paragraphs))


class VersionView(NamedTuple):
    version: Version
    url: str
    changed: int
    """Paragraphs this version changed."""


def version_text(history: DocumentHistory, version: Version, page_url: str) -> Md:
    """Return the Markdown of the text at ``version``: section headings, then each paragraph
    under its own element id, its label, a link to its current place and its text."""
    order = {url: i for i, (url, _) in enumerate(history.section_titles)}
    titles = dict(history.section_titles)
    numbered = dict(history.numbered)
    prints = any(numbered.values())
    current = {r.id: r.url for r in history.records}
    blocks: list[str] = []
    section = None
    first = bool(history.versions) and version == history.versions[0]
    paragraphs = text_at(history.records, history.slug, version, order)
    if not all(label_printed(numbered, p.id, p.label, prints) for p in paragraphs):
        blocks.append(f"{md_text(POSITIONS_NOTE)}\n{{ .positions-note }}")
    for p in paragraphs:
        if p.section_url != section:
            section = p.section_url
            title = titles.get(section)
            if title:  # a document's only, untitled section has no heading of its own
                blocks.append(f"## {md_text(title)} {{ .version-section }}")
        pid = attr_value(f"at-{p.id}")
        printed = label_printed(numbered, p.id, p.label, prints)
        label = md_link(label_wording(p.label, printed, short=True), f"#{pid}",
                        ".para-label .src" if printed else ".para-label .position")
        now = md_link("current text", md_url(page_url, current[p.id]), ".version-now")
        changed = " changed" if p.changed and not first else ""  # the first version is all new
        blocks.append(plain_paragraph(f"version-para{changed}", pid, label, p.text.split("\n"), now))
    return Md("\n\n".join(blocks))


def plain_paragraph(css_class: str, element_id: str, label: str, lines: list[str], after: str = "") -> str:
    """Return a paragraph without its notes, as the version and whole-text pages show it: its
    ``label`` (a link, as Markdown), its lines of text (list items on lines of their own) as
    blocks, then ``after`` (Markdown) when given, in a ``<div>`` of ``css_class`` and ``element_id``."""
    blocks = [f"{label} {md_text(lines[0])}", *(md_text(line) for line in lines[1:]), *([after] if after else [])]
    return f'<div markdown class="{css_class}" id="{element_id}">\n' + "\n\n".join(blocks) + "\n</div>"


def history_pages(templates: Templates, history: DocumentHistory) -> tuple[Page, ...]:
    """Return a document's versions list, the text at each version and its compare page."""
    slug, versions = history.slug, history.versions
    meta = dict(document=slug, document_title=history.title, noindex=True)
    changed = {v: 0 for v in versions}
    for record in history.records:
        for entry in record.history:
            if entry_document(entry) == slug:
                changed[entry_version(entry)] = changed.get(entry_version(entry), 0) + 1
    views = tuple(VersionView(v, versions_url(slug, v), changed[v]) for v in reversed(versions))
    compare = compare_url(slug) if len(versions) > 1 else ""  # one version: nothing to compare
    pages = [make_page(templates, versions_url(slug), page_meta("Versions", "versions", **meta),
                       "versions.md.j2", title=history.title, document_url=f"{slug}/", versions=views,
                       compare_url=compare)]
    for i, version in enumerate(versions):
        url = versions_url(slug, version)
        following = versions[i + 1] if i + 1 < len(versions) else None
        pages.append(make_page(
            templates, url, page_meta(f"Text as of {version.name}", "version", **meta), "version.md.j2",
            title=history.title, name=version.name, following=following.name if following else "",
            document_url=f"{slug}/", list_url=versions_url(slug), first=i == 0, compare_url=compare,
            text=version_text(history, version, url)))
    if compare:
        pages.append(make_page(templates, compare, page_meta("Compare versions", "compare", **meta),
                               "compare.md.j2", title=history.title, document_url=f"{slug}/",
                               list_url=versions_url(slug), versions=views))
    return tuple(pages)


def history_data(history: DocumentHistory) -> DataFile:
    """Return ``assets/versions/<doc>.js``: the document's versions and every state of its
    paragraphs, what the compare script rebuilds the text at any two versions from."""
    index = {v: i for i, v in enumerate(history.versions)}
    numbered = dict(history.numbered)
    data = {
        "versions": [{"id": v.id, "name": v.name, "url": versions_url(history.slug, v)} for v in history.versions],
        "sections": [list(pair) for pair in history.section_titles],
        "paragraphs": [{"id": r.id, "numbered": numbered.get(r.id),
                        "history": [[index[entry_version(h)], h.event, h.label, h.url.partition("#")[0], h.text]
                                    for h in r.history if entry_version(h) in index]}
                       for r in history.records],
    }
    return DataFile(f"assets/versions/{history.slug}.js",
                    f"window.G7_VERSIONS={json.dumps(data, ensure_ascii=True, separators=(',', ':'))};\n")


def full_text_page(templates: Templates, doc: Document, facts: DocumentFacts, versions: tuple[Version, ...],
                   meta: dict) -> Page:
    """Return the whole document on one page: each section's heading, then its paragraphs,
    each with its label linking to the paragraph on its section page."""
    url = full_text_url(doc.slug)
    by_section: dict[str, list] = {}
    for p in facts.paragraphs:
        by_section.setdefault(p.section, []).append(p)
    blocks: list[str] = []
    for sid, section_url, heading, _ in facts.sections:
        if sid not in by_section:
            continue
        if sid or len(facts.sections) > 1:
            blocks.append(f"## {md_text(heading)} {{ #section-{attr_value(sid or 'text')} .whole-section-title }}")
        for p in by_section[sid]:
            lines = [p.text, *(f"{m} {t}".strip() for m, t in p.items)]
            link = md_link(label_wording(p.label, p.numbered, short=True), md_url(url, p.url),
                           f'.para-label{" .src" if p.numbered else " .position"}')
            blocks.append(plain_paragraph("whole-para", attr_value(f"whole-{p.id}"), link, lines))
    return make_page(templates, url, page_meta(doc.title, "full-text", **meta, noindex=True), "full_text.md.j2",
                     title=doc.title, document_url=f"{doc.slug}/", text=Md("\n\n".join(blocks)),
                     positions=Md(positions_note(facts.paragraphs)))


def version_pages(site: SiteData, templates: Templates, cache: BuildCache | None = None) -> tuple[tuple[Page, ...], tuple[DataFile, ...]]:
    """Return every document's version pages and whole-document page, and the history data
    of each document with more than one version."""
    all_versions = site.versions
    records = records_with_history_in(site.registry)
    sections = section_records_by_document(site.registry)
    pages: list[Page] = []
    data: list[DataFile] = []
    for doc in site.documents:
        versions = all_versions.get(doc.slug, ())
        history = document_history(site, doc, versions, records.get(doc.slug, ()), sections.get(doc.slug, ()))
        pages += cached(cache, ("history pages", doc.slug), history_pages, templates, history)
        if len(versions) > 1:
            data.append(cached(cache, ("history data", doc.slug), history_data, history))
        pages.append(cached(cache, ("full text", doc.slug), full_text_page, templates, doc,
                            site.document_facts[doc.slug], versions, document_meta(doc, versions)))
    return tuple(pages), tuple(data)
