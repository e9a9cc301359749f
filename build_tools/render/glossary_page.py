"""The glossary page: entries by kind and A–Z, each with every paragraph mentioning it."""

from __future__ import annotations

from typing import NamedTuple

from markupsafe import escape

from build_tools import cache
from build_tools.cache import memoised
from build_tools.glossary import GlossaryEntry
from build_tools.render.env import Joined, Page, make_page, page_meta
from build_tools.site_data import GLOSSARY_URL, SiteData
from build_tools.urls import root_prefix

KIND_TITLES = {
    "body": "Bodies and organisations",
    "convention": "Conventions and treaties",
    "process": "Processes",
    "initiative": "Initiatives",
    "mechanism": "G7 mechanisms and networks",
    "document": "Documents",
    "abbreviation": "Abbreviations",
}


class MentionGroup(NamedTuple):
    """Mentions of an entry in one section of one document."""

    document_title: str
    section_title: str
    links: Joined
    """The links to the paragraphs ('¶ 4'), comma-separated."""


class EntryView(NamedTuple):
    entry: GlossaryEntry
    related: tuple[GlossaryEntry, ...]
    mentions: tuple[MentionGroup, ...]
    document_url: str


@memoised(cache.TEXTS)
def mention_link(prefix: str, url: str, label: str) -> str:
    """Return the link to a mentioning paragraph ('¶ 4'), ``prefix`` leading to the site root."""
    return f'<a href="{escape(prefix + url)}">¶ {escape(label)}</a>'


def mention_groups(site: SiteData, entry_id: str) -> tuple[MentionGroup, ...]:
    """Return the paragraphs mentioning an entry, grouped by document and section."""
    groups: list[tuple[str, str, list[str]]] = []
    prefix = root_prefix(GLOSSARY_URL)
    for pid in site.annotations.mentions_by_term.get(entry_id, ()):
        p = site.paragraph[pid]
        doc_title = site.document[p.document].title
        title = site.section_of(p).title or "Text"
        link = mention_link(prefix, site.paragraph_url(pid), p.paragraph.label)
        if groups and groups[-1][0] == doc_title and groups[-1][1] == title:
            groups[-1][2].append(link)
        else:
            groups.append((doc_title, title, [link]))
    return tuple(MentionGroup(d, t, Joined(tuple(links), ", ")) for d, t, links in groups)


def glossary_page(site: SiteData) -> Page:
    """Return the glossary page."""
    by_kind: dict[str, list[EntryView]] = {}
    for entry in sorted(site.glossary.entries, key=lambda e: (e.acronym or e.name).casefold()):
        doc = site.entry_documents.get(entry.id)
        by_kind.setdefault(entry.kind, []).append(EntryView(
            entry=entry,
            related=tuple(site.glossary.by_id[r] for r in entry.related if r in site.glossary.by_id),
            mentions=mention_groups(site, entry.id),
            document_url=f"{doc}/" if doc else ""))
    kinds = tuple((kind, KIND_TITLES[kind], tuple(by_kind[kind])) for kind in KIND_TITLES if kind in by_kind)
    meta = page_meta("Glossary", "glossary")
    return make_page(GLOSSARY_URL, meta, "glossary.md.j2", kinds=kinds)
