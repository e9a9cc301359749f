"""The changes page: per build date, what was added, amended, moved, split, merged or removed."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from build_tools.model.cache import BuildCache
from build_tools.model.document import label_wording
from build_tools.model.site import CHANGES_URL, Page, SiteData
from build_tools.model.versions import human_date, label_printed, versions_url
from build_tools.render.env import Md, Templates, cached_page, page_meta
from build_tools.render.markdown import md_text

_WORD = re.compile(r"\S+|\s+")
EVENT_TITLES = {
    "published": "Added",
    "amended": "Amended",
    "moved": "Moved",
    "renumbered": "Renumbered",
    "split": "Split",
    "merged": "Merged",
    "removed": "Removed",
    "restored": "Restored",
}


def word_diff(before: str, after: str) -> Md:
    """Return ``after`` as Markdown with the words changed since ``before`` in <del>/<ins>
    (Markdown has no form for them: raw inline HTML around escaped text)."""
    a, b = _WORD.findall(before), _WORD.findall(after)
    out: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(md_text("".join(a[i1:i2]), start=False, end=False))
            continue
        if i2 > i1:
            out.append(f"<del>{md_text(''.join(a[i1:i2]), start=False, end=False)}</del>")
        if j2 > j1:
            out.append(f"<ins>{md_text(''.join(b[j1:j2]), start=False, end=False)}</ins>")
    return Md("".join(out))


@dataclass(frozen=True)
class ChangeView:
    event: str
    id: str
    label: str
    """The label as lists show it (label_wording, short): "¶ 4", or "¶ [3]" for a position."""
    where: str
    url: str
    """Where the id resolves now."""
    detail: Md
    """Markdown: a word diff, the last text or the successors."""


@dataclass(frozen=True)
class DateView:
    date: str
    published: tuple[tuple[str, str, int], ...]
    """(document title, url, paragraphs) of documents first published that day."""
    changes: tuple[tuple[str, tuple[ChangeView, ...]], ...]
    """(event title, changes) in a fixed event order."""

    @property
    def name(self) -> str:
        """The date as readers see it: '22 November 2026'."""
        return human_date(self.date)


def _where(site: SiteData, document: str, section: str) -> str:
    """Return how the changes page names a place: 'Title — Section', or the document's title."""
    doc = site.document.get(document)
    if doc is None:
        return document
    for placed in site.sections_of.get(document, ()):
        if placed.id == section:
            title = doc.sections[placed.index].title
            return f"{doc.title} — {title}" if title else doc.title
    return doc.title


def _places(site: SiteData) -> dict[tuple[str, str], str]:
    """Return ``_where`` of every (document, section) the registry names, each found once."""
    return {key: _where(site, *key) for key in {(r.document, r.section) for r in site.registry.paragraphs}}


def change_dates(site: SiteData) -> tuple[DateView, ...]:
    """Return every build date with its changes, newest first."""
    events: dict[str, dict[str, list[ChangeView]]] = {}
    first_seen: dict[str, dict[str, int]] = {}
    places = _places(site)
    printed = {p.id: p.paragraph.numbered for p in site.paragraphs}
    numbered_docs = {p.document for p in site.paragraphs if p.paragraph.numbered}
    for record in site.registry.paragraphs:
        previous_text = None
        for entry in record.history:
            day = events.setdefault(entry.date, {})
            if entry.event == "published" and previous_text is None:
                first_seen.setdefault(entry.date, {}).setdefault(record.document, 0)
                first_seen[entry.date][record.document] += 1
            detail = Md("")
            if entry.event == "amended" and previous_text is not None:
                detail = word_diff(previous_text, entry.text)
            elif entry.event == "removed":
                detail = Md(md_text(entry.text, start=False, end=False))
            elif entry.event in ("split", "merged") and record.successors:
                detail = Md(md_text("into " + ", ".join(record.successors), start=False, end=False))
            day.setdefault(entry.event, []).append(ChangeView(
                entry.event, record.id, label_wording(entry.label, label_printed(
                    printed, record.id, entry.label, record.document in numbered_docs), short=True),
                places[(record.document, record.section)],
                record.url, detail))
            previous_text = entry.text
    # A document counts as published on the date its first paragraphs appeared;
    # paragraphs added to it later are listed one by one.
    first_date: dict[str, str] = {}
    for record in site.registry.paragraphs:
        if record.history:
            day = record.history[0].date
            first_date[record.document] = min(first_date.get(record.document, day), day)
    dates = []
    for date in sorted(events, reverse=True):
        by_event = events[date]
        whole_docs = {d: n for d, n in first_seen.get(date, {}).items()
                      if d in site.document and first_date.get(d) == date}
        if whole_docs:
            by_event["published"] = [c for c in by_event.get("published", [])
                                     if c.url.split("/")[0] not in whole_docs]
        changes = tuple((EVENT_TITLES[e], tuple(by_event[e])) for e in EVENT_TITLES if by_event.get(e))
        published = tuple((site.document[d].title, f"{d}/", n) for d, n in whole_docs.items())
        dates.append(DateView(date, published, changes))
    return tuple(dates)


def changes_page(site: SiteData, templates: Templates, cache: BuildCache | None = None) -> Page:
    """Return the changes page."""
    meta = page_meta("Changes", "changes")
    return cached_page(cache, templates, CHANGES_URL, meta, "changes.md.j2", dates=change_dates(site),
                       documents=versions_by_document(site))


def versions_by_document(site: SiteData) -> tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...]:
    """Return (title, versions list URL, ((version name, URL), …) newest first) per document."""
    versions = site.versions
    return tuple((doc.title, versions_url(doc.slug),
                  tuple((v.name, versions_url(doc.slug, v)) for v in reversed(versions.get(doc.slug, ()))))
                 for doc in site.documents if versions.get(doc.slug))
