"""Glue between the pipeline and MkDocs: which inputs, which navigation, the search index."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

from build_tools.model.document import paragraph_plain_text
from build_tools.model.site import GLOSSARY_URL, SiteData, section_heading
from build_tools.pipeline import Generated, generate, read_inputs

# Set by the command line so that MkDocs builds exactly what it generated.
_injected: Generated | None = None
# What the last build wrote to the generated folder, for the command line's report.
last_write_report = None


def inject(generated: Generated | None) -> None:
    """Make the next MkDocs build use ``generated`` instead of generating again."""
    global _injected
    _injected = generated


def build_date() -> str:
    """Return the ISO date recorded for changes: G7_BUILD_DATE, else today."""
    return os.environ.get("G7_BUILD_DATE") or dt.date.today().isoformat()


def source_dir(config) -> Path:
    """Return the source folder named by mkdocs.yml's ``extra.source_dir``."""
    base = Path(config["config_file_path"] or ".").resolve().parent
    return base / (config["extra"].get("source_dir") or "source")


def site_root(config_file: Path) -> str:
    """Return the path the site is served at: that of mkdocs.yml's ``site_url``, else '/'."""
    from urllib.parse import urlsplit

    from mkdocs.utils.yaml import yaml_load

    with open(config_file, encoding="utf-8") as stream:
        site_url = (yaml_load(stream) or {}).get("site_url")
    path = urlsplit(site_url or "/").path
    return path if path.endswith("/") else path + "/"


def generated_dir(config) -> Path:
    """Return the git-ignored folder the pages of a source folder are written to.

    Pages are rewritten only when their content changed, so ``mkdocs serve
    --dirty`` rebuilds only them.
    """
    return pages_folder(source_dir(config), Path(config["config_file_path"] or ".").resolve().parent)


def pages_folder(source: Path, project: Path) -> Path:
    """Return the folder the pages generated from ``source`` go to, for the project at
    ``project``: ``generated/pages`` for its own ``source/``, else a hidden folder
    beside ``source``."""
    source = Path(source).resolve()
    if source == (Path(project) / "source").resolve():
        return Path(project) / "generated" / "pages"
    return source.parent / f".{source.name}-pages"


def generated_for(config) -> Generated:
    """Return the generation MkDocs should build: injected, or made now."""
    if _injected is not None:
        return _injected
    return generate(read_inputs(source_dir(config)), build_date())


NAV_DOCUMENTS = 12
"""Most documents the navigation lists; the home page lists them all."""


def nav_window(slugs: list[str], current: str, size: int = NAV_DOCUMENTS) -> tuple[int, int]:
    """Return (start, end) of the ``size`` documents around ``current`` (the first ones if none)."""
    at = slugs.index(current) if current in slugs else 0
    start = max(0, min(at - size // 2, len(slugs) - size))
    return start, min(len(slugs), start + size)


def page_navigation(site: SiteData, meta: dict) -> dict:
    """Return the navigation one page carries.

    Its size does not grow with the site: the current document's sections in
    full, at most NAV_DOCUMENTS documents around it as one link each (with a
    link to the home page listing them all when there are more), topics as one list.
    """
    current = meta.get("document") or ""
    documents = []
    start, end = nav_window([d.slug for d in site.documents], current)
    for doc in site.documents[start:end]:
        entry = {"title": doc.title, "url": f"{doc.slug}/", "current": doc.slug == current,
                 "sections": []}
        if doc.slug == current:
            entry["sections"] = [
                {"title": section_heading(doc.sections[s.index]), "url": s.url,
                 "part": doc.sections[s.index].part or "",
                 "current": s.id == (meta.get("section") or "") and bool(s.id)}
                for s in site.sections_of[doc.slug] if s.id]
        documents.append(entry)
    topics = [{"title": t.title, "url": t.url} for t in site.topics]
    return {"documents": documents, "topics": topics,
            "more_documents": len(site.documents) - len(documents),
            "document_count": len(site.documents)}


def no_navigation() -> dict:
    """Return the navigation of a preview in which nothing has built yet."""
    return {"documents": [], "topics": [], "more_documents": 0, "document_count": 0}


def error_page(message: str) -> str:
    """Return the Markdown of the page a preview shows when nothing has built yet."""
    from html import escape

    return ("---\ntitle: The site cannot be built\nkind: error\n---\n\n"
            "<h1>The site cannot be built</h1>\n"
            f'<pre class="build-error">{escape(message)}</pre>\n'
            "<p>Correct the source: the preview rebuilds when it is saved.</p>\n")


def search_entries(site: SiteData) -> list[dict]:
    """Return one search entry per paragraph, section page and glossary entry."""
    docs = []
    for doc in site.documents:
        docs.append({"location": f"{doc.slug}/", "title": doc.title, "text": doc.dateline or ""})
    for s in site.sections:
        if s.id:
            doc = site.document[s.document]
            docs.append({"location": s.url, "title": section_heading(doc.sections[s.index]),
                         "text": doc.title})
    for p in site.paragraphs:
        doc = site.document[p.document]
        section = site.section_of(p)
        where = section.title or doc.title
        docs.append({"location": site.paragraph_url(p.id),
                     "title": f"{where} ¶ {p.paragraph.label}",
                     "text": paragraph_plain_text(p.paragraph),
                     "document": doc.title})
    for e in site.glossary.entries:
        names = " ".join(filter(None, [e.name, e.acronym, *e.aliases]))
        docs.append({"location": f"{GLOSSARY_URL}#{e.id}",
                     "title": f"{e.acronym} · {e.name}" if e.acronym else e.name,
                     "text": f"{names}. {e.definition}", "document": "Glossary"})
    return docs


def write_search_index(site: SiteData, site_dir: Path) -> None:
    """Write search/search_index.json (and a .js twin that works from file://)."""
    target = site_dir / "search" / "search_index.json"
    # The shape of MkDocs' search index (its plugin is not used: see mkdocs.yml).
    config = {"lang": ["en"], "separator": r"[\s\-]+", "pipeline": ["stopWordFilter"]}
    index = {"config": config, "docs": search_entries(site)}
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(index, ensure_ascii=False), encoding="utf-8")
    script = "window.G7_SEARCH_INDEX=" + json.dumps(index, ensure_ascii=True) + ";\n"
    (target.parent / "search_index.js").write_text(script, encoding="utf-8")
