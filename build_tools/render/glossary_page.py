"""The glossary page: entries by kind and A–Z, each with every paragraph mentioning it."""

from __future__ import annotations

from typing import NamedTuple

from markupsafe import escape

from build_tools import cache
from build_tools.cache import memoised
from build_tools.glossary import GlossaryEntry
from build_tools.render.env import Joined, Page, make_page, page_meta
from build_tools.site_data import GLOSSARY_URL, DocumentFacts, SiteData
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


def mention_groups(site: SiteData) -> dict[str, tuple[MentionGroup, ...]]:
    """Return, per glossary id, the paragraphs mentioning the entry, grouped by document
    and section. Each document's share is memoised by its facts, and the whole by the
    shares (so an edit that changes no mention merges nothing again)."""
    shares = tuple(_document_mentions(site.document_facts[doc.slug]) for doc in site.documents)
    return _GROUPS.get(shares, lambda: _merged(shares))


def _merged(documents_shares: tuple) -> dict[str, tuple[MentionGroup, ...]]:
    """Return the mention groups of every entry from each document's share, in order."""
    groups: dict[str, list[tuple[str, str, list[str]]]] = {}
    for document_shares in documents_shares:
        for entry_id, shares in document_shares:
            found = groups.setdefault(entry_id, [])
            for title, section, links in shares:
                if found and found[-1][0] == title and found[-1][1] == section:
                    found[-1][2].extend(links)
                else:
                    found.append((title, section, list(links)))
    return {entry_id: tuple(MentionGroup(d, t, Joined(tuple(links), ", ")) for d, t, links in found)
            for entry_id, found in groups.items()}


Runs = tuple[tuple[str, str, tuple[str, ...]], ...]
"""(document title, section title, links) of each run of mentioning paragraphs."""


def _document_mentions(facts: cache.Frozen) -> tuple[tuple[str, Runs], ...]:
    """Return, per glossary id a document mentions, (document title, section title,
    links) for each run of its mentioning paragraphs in one section."""
    return _SHARES.get(facts, lambda: _mentions_of(facts.value))


def _mentions_of(doc: DocumentFacts) -> tuple[tuple[str, Runs], ...]:
    """Return a document's share of the glossary page (no memo)."""
    prefix = root_prefix(GLOSSARY_URL)
    groups: dict[str, list[tuple[str, str, list[str]]]] = {}
    for paragraph in doc.paragraphs:
        p = paragraph.value
        if not p.notes.terms:
            continue
        title = p.section_title or "Text"
        link = mention_link(prefix, p.url, p.label)
        for entry_id in p.notes.terms:
            found = groups.setdefault(entry_id, [])
            if found and found[-1][1] == title:
                found[-1][2].append(link)
            else:
                found.append((doc.title, title, [link]))
    return tuple((entry_id, tuple((d, t, tuple(links)) for d, t, links in found))
                 for entry_id, found in groups.items())


_SHARES = cache.Memo(maxsize=cache.DOCUMENTS)
"""A document's share of the glossary page by its facts."""
_GROUPS = cache.Memo(maxsize=2)
"""Every entry's mention groups by the documents' shares."""


def glossary_page(site: SiteData) -> Page:
    """Return the glossary page."""
    by_kind: dict[str, list[EntryView]] = {}
    mentions = mention_groups(site)
    for entry in sorted(site.glossary.entries, key=lambda e: (e.acronym or e.name).casefold()):
        doc = site.entry_documents.get(entry.id)
        by_kind.setdefault(entry.kind, []).append(EntryView(
            entry=entry,
            related=tuple(site.glossary.by_id[r] for r in entry.related if r in site.glossary.by_id),
            mentions=mentions.get(entry.id, ()),
            document_url=f"{doc}/" if doc else ""))
    kinds = tuple((kind, KIND_TITLES[kind], tuple(by_kind[kind])) for kind in KIND_TITLES if kind in by_kind)
    meta = page_meta("Glossary", "glossary")
    return make_page(GLOSSARY_URL, meta, "glossary.md.j2", kinds=kinds)
