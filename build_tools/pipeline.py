"""The pipeline from ``source/`` to generated pages, one named stage after another: the only
module that knows their order (read → parse → identify → annotate → render → check).

``read_inputs`` does all the reading; ``generate`` is pure: same inputs and
date, same pages, byte for byte. Both take an optional ``BuildCache`` (see
``model.cache``): with one, a rebuild reuses what the build before made from
equal inputs; without one, everything is made from scratch.
"""

from __future__ import annotations

import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from build_tools.annotate.corpus import annotate
from build_tools.check.anchors import check_generation
from build_tools.check.source import check_source
from build_tools.errors import Finding
from build_tools.identify.paragraph_ids import identify
from build_tools.model.cache import BuildCache, cached
from build_tools.model.document import Document
from build_tools.model.ids import Identified, Registry
from build_tools.model.site import DataFile, Page, SearchPage, SiteData, TopicInfo
from build_tools.model.source import Glossary, Inputs, SourceTree
from build_tools.parse.misreads import misread_findings
from build_tools.parse.text import parse_text
from build_tools.read.glossary import load_glossary, load_ignore_list
from build_tools.read.registry import load_registry
from build_tools.read.texts import read_texts
from build_tools.read.topics import load_topics
from build_tools.render import exports
from build_tools.render.changes_page import changes_page
from build_tools.render.commitments_page import commitments_pages
from build_tools.render.documents import document_pages, home_page, withdrawn_pages
from build_tools.render.env import TEMPLATES, Templates, read_templates
from build_tools.render.glossary_page import glossary_pages
from build_tools.render.search_page import search_page
from build_tools.render.search_pages import search_pages
from build_tools.render.topic_pages import topic_pages
from build_tools.render.version_pages import version_pages


@dataclass(frozen=True)
class Generated:
    """What one generation produced, ready for MkDocs and for ``dump``."""

    pages: tuple[Page, ...]
    data_files: tuple[DataFile, ...]
    registry: Registry
    """The registry to write once the site is built."""
    site: SiteData
    identified: Identified
    search_pages: tuple[SearchPage, ...] = ()
    """What the search index holds: every section's paragraphs and every glossary entry
    (indexed by ``site/pagefind``)."""
    timings: dict[str, float] = field(default_factory=dict)
    """Seconds spent in each stage."""

    def report_lines(self) -> list[str]:
        """Return what the maintainer is told: chrome removed, sidecar statements, shapes
        that usually mean a misread (warnings that do not fail the build), anchors matched."""
        lines: list[str] = []
        for doc in self.site.documents:
            for removed in doc.removed:
                lines.append(f"{doc.path}:{removed.line}: removed {removed.reason}: {removed.text.strip()[:70]}")
            lines += doc.applied_overrides
            lines += [str(finding) for finding in misread_findings(doc)]
        lines.append(self.identified.report.summary())
        return lines


def read_inputs(source: Path, cache: BuildCache | None = None, templates: Path = TEMPLATES) -> Inputs:
    """Return every input of the site in ``source`` (and the page templates in ``templates``);
    raises BuildError-family errors."""
    tree = SourceTree(Path(source))
    return Inputs(
        tree=tree,
        texts=read_texts(tree, cache),
        glossary=load_glossary(tree.glossary, cache) if tree.glossary.exists()
        else Glossary(entries=(), path=tree.glossary),
        registry=load_registry(tree.registry, cache),
        topics=load_topics(tree.topics),
        ignored=load_ignore_list(tree.glossary_ignore) if tree.glossary_ignore.exists() else (),
        templates=read_templates(templates),
    )


@contextmanager
def _timed(timings: dict[str, float], stage: str):
    start = time.perf_counter()
    yield
    timings[stage] = timings.get(stage, 0.0) + time.perf_counter() - start


def document_order(doc: Document) -> tuple:
    """Return the sort key of a document: sidecar order, then date, then slug."""
    return (doc.order if doc.order is not None else 10**6, doc.date or "9999", doc.slug)


def generate(inputs: Inputs, today: str, cache: BuildCache | None = None) -> Generated:
    """Return the pages and data files of the site made from ``inputs`` on ``today``,
    reusing what ``cache`` kept of the build before, when given."""
    timings: dict[str, float] = {}
    with _timed(timings, "parse"):
        documents = tuple(sorted((cached(cache, ("parsed", str(t.path)), parse_text, t)
                                  for t in inputs.texts), key=document_order))
    with _timed(timings, "identify"):
        prefixes = {t.slug: t.sidecar.anchor_prefix for t in inputs.texts if t.sidecar.anchor_prefix}
        identified = identify(documents, inputs.registry, today, prefixes, cache)
    with _timed(timings, "annotate"):
        annotated = annotate(documents, identified, inputs.glossary, inputs.topics,
                             {t.slug: dict(t.sidecar.section_topics) for t in inputs.texts}, cache)
    site = SiteData(documents=documents, sections=identified.sections,
                    paragraphs=identified.paragraphs, registry=identified.registry,
                    glossary=inputs.glossary, annotations=annotated.annotations, today=today,
                    topics=tuple(TopicInfo(t.id, t.title, t.description) for t in inputs.topics),
                    section_topics=dict(annotated.section_topics),
                    entry_documents=dict(annotated.entry_documents),
                    short_titles={t.slug: t.sidecar.short_title for t in inputs.texts
                                  if t.sidecar.short_title})
    with _timed(timings, "render"):
        templates = cached(cache, "templates", Templates, inputs.templates)
        pages = ((home_page(site, templates, cache),) + document_pages(site, templates, cache)
                 + topic_pages(site, templates, cache=cache) + glossary_pages(site, templates, cache=cache)
                 + commitments_pages(site, templates, cache=cache)
                 + (changes_page(site, templates, cache), search_page(templates, cache)))
        history, history_data = version_pages(site, templates, cache)
        pages += history
        pages += withdrawn_pages(site, {p.url for p in pages}, templates, cache)
        data_files = exports.data_files(site, cache) + history_data
        searched = search_pages(site, cache)
    return Generated(pages=pages, data_files=data_files, registry=identified.registry,
                     site=site, identified=identified, search_pages=searched, timings=timings)


def generate_from(source: Path, today: str, cache: BuildCache | None = None) -> Generated:
    """Return the generation of the site in ``source`` on ``today``: its inputs read, then
    generated, as one build of ``cache`` when given."""
    if cache is None:
        return generate(read_inputs(source), today)
    with cache.build():
        return generate(read_inputs(source, cache), today, cache)


def source_findings(inputs: Inputs, generated: Generated) -> list[Finding]:
    """Return the check stage's findings on the source of a generation (misread shapes,
    sidecar statements, glossary coverage); the built site is checked after MkDocs."""
    return check_source(inputs, generated.site)


def generation_findings(generated: Generated) -> list[Finding]:
    """Return the check stage's findings on a generation that MkDocs' validation cannot
    make (anchors registered, then every link outside the Markdown resolved)."""
    return check_generation(generated.site, generated.pages, generated.data_files)
