"""The search index: one entry per paragraph, section page and glossary entry."""

from __future__ import annotations

import json
from pathlib import Path

from build_tools.model.document import paragraph_plain_text
from build_tools.model.site import GLOSSARY_URL, SiteData, section_heading


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
