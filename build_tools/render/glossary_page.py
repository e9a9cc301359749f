"""The glossary page: entries A–Z under letter headings, each with its kind, definition
and number of mentions.

An entry mentioned in more paragraphs than a glossary entry can show
(``MENTIONS_SHOWN``, none today) lists them on a page of its own, ``glossary/<id>/``,
cut into pages holding whole documents (``render.list_pages``), so the glossary page
does not grow with the corpus.
"""

from __future__ import annotations

from typing import NamedTuple

import unicodedata

from build_tools.annotate.terms import names_inside
from build_tools.model.cache import BuildCache, cached
from build_tools.model.document import label_wording
from build_tools.model.site import GLOSSARY_URL, DocumentFacts, Page, SiteData
from build_tools.model.source import GlossaryEntry
from build_tools.render.env import Md, Templates, cached_page, make_page, page_meta
from build_tools.render.list_pages import split_list
from build_tools.render.markdown import md_link
from build_tools.render.urls import md_url

KIND_TITLES = {
    "body": "Bodies and organisations",
    "convention": "Conventions and treaties",
    "process": "Processes",
    "initiative": "Initiatives",
    "mechanism": "G7 mechanisms and networks",
    "document": "Documents",
    "abbreviation": "Abbreviations",
}


MENTIONS_SHOWN = 0
"""Paragraphs an entry lists on the glossary page itself; more are listed on its own page.
None: the glossary page gives each entry's count, its own page the paragraphs."""
MENTIONS_PER_PAGE = 400
"""Paragraphs listed on one page of an entry's own list."""


class MentionGroup(NamedTuple):
    """Mentions of an entry in one section of one document."""

    document_title: str
    section_title: str
    paragraphs: tuple[tuple[str, str], ...]
    """(URL, label as lists word it: '¶ 4', '¶ [3]') of each mentioning paragraph."""


class ShownGroup(NamedTuple):
    """A mention group as one page shows it."""

    document_title: str
    section_title: str
    links: Md
    """The links to the paragraphs ('¶ 4', '¶ [3]'), comma-separated, relative to the page."""


def shown_groups(groups: tuple[MentionGroup, ...], page_url: str) -> tuple[ShownGroup, ...]:
    """Return mention groups with their links written for the page at ``page_url``."""
    return tuple(ShownGroup(g.document_title, g.section_title,
                            Md(", ".join(md_link(label, md_url(page_url, url))
                                         for url, label in g.paragraphs)))
                 for g in groups)


class EntryView(NamedTuple):
    entry: GlossaryEntry
    related: tuple[GlossaryEntry, ...]
    mentions: tuple[ShownGroup, ...]
    """Empty when the entry's mentions are listed on its own page."""
    document_url: str
    mention_count: int = 0
    document_count: int = 0
    mentions_url: str = ""
    """The entry's own list of mentions, when the glossary page does not show them."""
    kind_title: str = ""


def initial(entry: GlossaryEntry) -> str:
    """Return the letter an entry is listed under: the first letter of its acronym or name,
    accents stripped ('#' for a digit or a mark)."""
    first = unicodedata.normalize("NFKD", (entry.acronym or entry.name).strip()[:1])[:1].upper()
    return first if "A" <= first <= "Z" else "#"


def mention_groups(site: SiteData, cache: BuildCache | None = None) -> dict[str, tuple[MentionGroup, ...]]:
    """Return, per glossary id, the paragraphs mentioning the entry, grouped by document
    and section."""
    shares = tuple(cached(cache, ("glossary share", doc.slug), document_mentions,
                          site.document_facts[doc.slug]) for doc in site.documents)
    return cached(cache, "glossary mentions", merged_mentions, shares)


def merged_mentions(documents_shares: tuple) -> dict[str, tuple[MentionGroup, ...]]:
    """Return the mention groups of every entry from each document's share, in order."""
    groups: dict[str, list[tuple[str, str, list[tuple[str, str]]]]] = {}
    for document_shares in documents_shares:
        for entry_id, shares in document_shares:
            found = groups.setdefault(entry_id, [])
            for title, section, links in shares:
                if found and found[-1][0] == title and found[-1][1] == section:
                    found[-1][2].extend(links)
                else:
                    found.append((title, section, list(links)))
    return {entry_id: tuple(MentionGroup(d, t, tuple(links)) for d, t, links in found)
            for entry_id, found in groups.items()}


Runs = tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...]
"""(document title, section title, (URL, label) of each paragraph) of each run of mentioning
paragraphs."""


def document_mentions(doc: DocumentFacts) -> tuple[tuple[str, Runs], ...]:
    """Return a document's share of the glossary page: per glossary id it mentions,
    (document title, section title, (URL, label) of each paragraph) for each run of its
    mentioning paragraphs in one section."""
    groups: dict[str, list[tuple[str, str, list[tuple[str, str]]]]] = {}
    for p in doc.paragraphs:
        if not p.notes.terms:
            continue
        title = p.section_title  # '' for a document's only, untitled section: the document names it
        link = (p.url, label_wording(p.label, p.numbered, short=True))
        for entry_id in p.notes.terms:
            found = groups.setdefault(entry_id, [])
            if found and found[-1][1] == title:
                found[-1][2].append(link)
            else:
                found.append((doc.title, title, [link]))
    return tuple((entry_id, tuple((d, t, tuple(links)) for d, t, links in found))
                 for entry_id, found in groups.items())


def mentions_url(entry_id: str) -> str:
    """Return the URL of an entry's own list of mentions."""
    return f"{GLOSSARY_URL}{entry_id}/"


def _listed(group: MentionGroup) -> int:
    return len(group.paragraphs)


def glossary_pages(site: SiteData, templates: Templates, shown: int | None = None,
                   per_page: int | None = None, cache: BuildCache | None = None) -> tuple[Page, ...]:
    """Return the glossary page and the own mention pages of the entries mentioned in
    more than ``shown`` paragraphs (``MENTIONS_SHOWN``), in pages of at most
    ``per_page`` paragraphs (``MENTIONS_PER_PAGE``)."""
    shown = MENTIONS_SHOWN if shown is None else shown
    per_page = MENTIONS_PER_PAGE if per_page is None else per_page
    by_letter: dict[str, list[EntryView]] = {}
    mentions = mention_groups(site, cache)
    inside = cached(cache, "glossary names inside", names_inside, site.glossary)
    own_pages: list[Page] = []
    kind_counts: dict[str, int] = {}
    for entry in sorted(site.glossary.entries, key=lambda e: (e.acronym or e.name).casefold()):
        doc = site.entry_documents.get(entry.id)
        groups = mentions.get(entry.id, ())
        count = sum(map(_listed, groups))
        kind_counts[entry.kind] = kind_counts.get(entry.kind, 0) + 1
        view = EntryView(
            entry=entry,
            related=tuple(site.glossary.by_id[r] for r in entry.related if r in site.glossary.by_id),
            mentions=groups,
            document_url=f"{doc}/" if doc else "",
            mention_count=count,
            kind_title=KIND_TITLES[entry.kind])
        if count > shown:
            holders = tuple(sorted((holder_view(site.glossary.by_id[i], mentions.get(i, ()), shown)
                                    for i in inside.get(entry.id, ())), key=lambda h: -h[1]))
            documents, pages = cached(cache, ("mention pages", entry.id), mention_pages, templates,
                                      entry, groups, per_page, holders)
            view = view._replace(mentions=(), document_count=documents, mentions_url=mentions_url(entry.id))
            own_pages += pages
        else:
            view = view._replace(mentions=shown_groups(groups, GLOSSARY_URL))
        by_letter.setdefault(initial(entry), []).append(view)
    letters = tuple((letter, tuple(by_letter[letter])) for letter in sorted(by_letter))
    kinds = tuple((KIND_TITLES[kind], kind_counts[kind]) for kind in KIND_TITLES if kind in kind_counts)
    meta = page_meta("Glossary", "glossary")
    return (cached_page(cache, templates, GLOSSARY_URL, meta, "glossary.md.j2", letters=letters, kinds=kinds),
            *own_pages)


def holder_view(holder: GlossaryEntry, groups: tuple[MentionGroup, ...], shown: int
                ) -> tuple[GlossaryEntry, int, str]:
    """Return an entry whose name holds another's, its number of mentions and the URL
    listing them (its own page, or its glossary entry when that lists them)."""
    count = sum(map(_listed, groups))
    return holder, count, mentions_url(holder.id) if count > shown else f"{GLOSSARY_URL}#{holder.id}"


def mention_pages(templates: Templates, entry: GlossaryEntry, groups: tuple[MentionGroup, ...],
                  per_page: int, holders: tuple[tuple[GlossaryEntry, int, str], ...] = ()
                  ) -> tuple[int, tuple[Page, ...]]:
    """Return the number of documents mentioning an entry and the pages of its own list
    of mentions: whole documents per page, the total on the first. ``holders``: the entries
    whose names hold its name, with their numbers of mentions and where those are listed
    (those mentions are theirs, and the first page says so)."""
    count = sum(map(_listed, groups))
    by_document: dict[str, list[MentionGroup]] = {}
    for group in groups:
        by_document.setdefault(group.document_title, []).append(group)
    pages = []
    for part in split_list(mentions_url(entry.id), tuple(by_document.values()), per_page, size=_listed):
        title = part.titled(f"Mentions of {entry.acronym or entry.name}")
        pages.append(make_page(templates, part.url, page_meta(title, "glossary"), "glossary_mentions.md.j2",
                               entry=entry, count=count if part.number == 1 else None,
                               holders=holders if part.number == 1 else (),
                               groups=shown_groups(part.rows, part.url), part=part._replace(rows=())))
    return len(by_document), tuple(pages)
