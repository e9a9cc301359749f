"""The search index's pages: one per section, holding its paragraphs, and one per glossary entry.

They are small HTML documents made from the site's data, never read back from the
built pages, so nothing else is searched: no navigation, label, button, version page
or page chrome. ``site/pagefind`` hands them to Pagefind after MkDocs has built the site.

A section is one page of the index and each of its paragraphs a sub-result: a heading
carrying the paragraph's id and its label (given no weight, so a label is never what
finds a paragraph), then the paragraph's text. One index page per paragraph would be
simpler, but Pagefind's browser code loads a list of every page before the first
search: at 200 documents (8,500 paragraphs) that list alone weighs 55 KB compressed,
and the first search would transfer about 170 KB; per section it weighs a fifth of that.

What each index page states besides its text (outside the indexed body):

- meta ``section``: the section's title (absent when it has none); ``title``: a
  glossary entry's title (``UNODC · United Nations Office on Drugs and Crime``); ``url``:
  a glossary entry's URL (``/glossary/#unodc``: Pagefind's way to give a result a URL
  other than its page's, since no page is served at a fragment);
- filters ``document`` (the document's name with its year), ``kind`` (what the
  document is, or ``glossary entry``), ``year`` (of its official date) and
  ``topic`` (every topic one of the section's paragraphs is on).

A glossary entry's names are weighted above running text (``NAME_WEIGHTS``), so the
entry for ``UNODC`` comes before the paragraphs that mention it.
"""

from __future__ import annotations

from html import escape

from build_tools.model.cache import BuildCache, cached
from build_tools.model.document import Document, label_wording, plain_text
from build_tools.model.site import DocumentFacts, ParagraphFacts, SearchPage, SiteData, term_url
from build_tools.model.source import GlossaryEntry

GLOSSARY_KIND = "glossary entry"
"""The ``kind`` filter's value for glossary entries (documents have read.sidecars.DOCUMENT_KINDS)."""
NAME_WEIGHTS = (("acronym", 10), ("name", 3), ("aliases", 2))
"""Pagefind's weights of a glossary entry's names (running text weighs 1; Pagefind squares
them): its acronym most, so that ``UNODC`` finds the entry whose acronym it is before the
entries that only hold it in their names."""


def document_name(doc: Document) -> str:
    """Return how results name a document: its title and the year of its date ('G7 Apulia
    Leaders’ Communiqué 2024'); the title alone when it has no date or holds the year."""
    year = document_year(doc)
    return f"{doc.title} {year}" if year and year not in doc.title else doc.title


def document_year(doc: Document) -> str | None:
    """Return the year of a document's official date, None when it has none."""
    return doc.date[:4] if doc.date else None


def _html(stated: list[str], body: list[str]) -> str:
    """Return an index page: what it states (meta and filters, not searched), then its body."""
    return ('<html lang="en"><body>\n' + "".join(stated)
            + "<main data-pagefind-body>\n" + "".join(body) + "</main>\n</body></html>\n")


def _stated(attribute: str, name: str, value: str) -> str:
    return f'<p data-pagefind-{attribute}="{name}">{escape(value)}</p>\n'


def paragraph_html(p: ParagraphFacts) -> str:
    """Return a paragraph in its section's index page: a heading with its id and label
    (weighing nothing), then its text, one block a line."""
    blocks = plain_text(p.text, p.items).split("\n")
    return (f'<h2 id="{escape(p.id)}" data-pagefind-weight="0">{escape(label_wording(p.label, p.numbered))}</h2>\n'
            + "".join(f"<p>{escape(block)}</p>\n" for block in blocks))


def section_page(paragraphs: tuple[ParagraphFacts, ...], url: str, stated: tuple[str, ...],
                 topic_titles: dict[str, str]) -> SearchPage:
    """Return the index page of a section's ``paragraphs``, served at ``url``, with the
    document's filters ``stated``."""
    topics = dict.fromkeys(topic_titles[t] for p in paragraphs for t in p.notes.topics if t in topic_titles)
    section = paragraphs[0].section_title
    head = [_stated("meta", "section", section)] if section else []
    head += [*stated, *(_stated("filter", "topic", t) for t in topics)]
    return SearchPage(url, _html(head, [paragraph_html(p) for p in paragraphs]))


def document_pages(facts: DocumentFacts, document: str, kind: str | None, year: str | None,
                   topics: tuple[tuple[str, str], ...]) -> tuple[SearchPage, ...]:
    """Return the index pages of a document's sections that hold paragraphs, in site
    order; ``topics`` are the site's (id, title) pairs."""
    stated = (_stated("filter", "document", document),
              *((_stated("filter", "kind", kind),) if kind else ()),
              *((_stated("filter", "year", year),) if year else ()))
    titles = dict(topics)
    by_section: dict[str, list[ParagraphFacts]] = {}
    for p in facts.paragraphs:
        by_section.setdefault(p.section, []).append(p)
    return tuple(section_page(tuple(by_section[sid]), url, stated, titles)
                 for sid, url, _, _ in facts.sections if sid in by_section)


def entry_page(entry: GlossaryEntry) -> SearchPage:
    """Return the index page of a glossary entry: its names, weighted, then its definition."""
    title = f"{entry.acronym} · {entry.name}" if entry.acronym else entry.name
    head = [_stated("meta", "title", title), _stated("meta", "url", "/" + term_url(entry.id)),
            _stated("filter", "kind", GLOSSARY_KIND)]
    names = {"acronym": entry.acronym or "", "name": entry.name, "aliases": "; ".join(entry.aliases)}
    body = [f'<p data-pagefind-weight="{weight:g}">{escape(names[part])}</p>\n'
            for part, weight in NAME_WEIGHTS if names[part]]
    return SearchPage(term_url(entry.id), _html(head, [*body, f"<p>{escape(entry.definition)}</p>\n"]))


def search_pages(site: SiteData, cache: BuildCache | None = None) -> tuple[SearchPage, ...]:
    """Return every page of the search index: the sections in site order, then the
    glossary entries in file order."""
    topics = tuple((t.id, t.title) for t in site.topics)
    pages: list[SearchPage] = []
    for doc in site.documents:
        pages += cached(cache, ("search pages", doc.slug), document_pages, site.document_facts[doc.slug],
                        document_name(doc), doc.kind, document_year(doc), topics)
    pages += (entry_page(e) for e in site.glossary.entries)
    return tuple(pages)
