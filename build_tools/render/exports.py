"""The open-data exports under ``api/`` and the anchor map the browser reads.

Their shapes are a contract other tools rely on; the JSON Schemas in
``schemas/`` beside this module describe them and the check validates them.
"""

from __future__ import annotations

import json
from html import escape
from itertools import groupby
from operator import attrgetter
from pathlib import Path

from build_tools.model.cache import BuildCache, cached
from build_tools.model.document import label_wording, plain_text
from build_tools.model.ids import AnchorRecord, Registry
from build_tools.model.site import DataFile, DocumentFacts, ParagraphFacts, SiteData, term_url
from build_tools.read.registry import history_data

SCHEMAS = Path(__file__).resolve().parent / "schemas"
"""The JSON Schemas of the exports: the open-data contract."""
ANCHOR_MAP_JS = "assets/anchor-map.js"
TERMS_JS = "assets/terms.js"


def paragraph_rows(site: SiteData, cache: BuildCache | None = None) -> list[str]:
    """Return the JSON of each api/paragraphs.json object, in site order."""
    rows: list[str] = []
    for doc in site.documents:
        rows += cached(cache, ("export rows", doc.slug), document_rows, site.document_facts[doc.slug])
    return rows


def document_rows(doc: DocumentFacts) -> tuple[str, ...]:
    """Return the JSON of the api/paragraphs.json object of each of a document's paragraphs."""
    return tuple(_json(paragraph_object(p), end="") for p in doc.paragraphs)


def paragraph_object(p: ParagraphFacts) -> dict:
    """Return the api/paragraphs.json object of one published paragraph."""
    notes = p.notes
    return {
        "id": p.id,
        "url": p.url,
        "document": p.document,
        "document_title": p.document_title,
        "section": p.section_title,
        "label": p.label,
        "label_printed": p.numbered,
        "citation_label": label_wording(p.label, p.numbered),
        "text": plain_text(p.text, p.items),
        "terms": list(notes.terms),
        "topics": list(notes.topics),
        "related": list(notes.related),
        "commitments": [{"anchor": c.anchor, "sentence": c.sentence, "text": c.text,
                         "verb": c.verb} for c in notes.commitments],
    }


def glossary_export(site: SiteData) -> list[dict]:
    """Return api/glossary.json: one object per glossary entry."""
    return [{
        "id": e.id,
        "name": e.name,
        "acronym": e.acronym,
        "aliases": list(e.aliases),
        "kind": e.kind,
        "definition": e.definition,
        "url": term_url(e.id),
        "mentions": list(site.annotations.mentions_by_term.get(e.id, ())),
    } for e in site.glossary.entries]


def redirect_page(old_url: str, new_url: str) -> str:
    """Return the HTML left at an old page URL: it sends readers on, fragment kept."""
    depth = old_url.count("/")
    target = "../" * depth + new_url
    safe = escape(target, quote=True)
    script = json.dumps(target)
    return (
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
        f"<title>Moved</title><link rel=\"canonical\" href=\"{safe}\">\n"
        f"<meta http-equiv=\"refresh\" content=\"0; url={safe}\">\n"
        f"<script>location.replace({script} + location.hash);</script>\n"
        f"</head><body><p>This page has moved: <a href=\"{safe}\">{safe}</a></p></body></html>\n")


def popover_terms(site: SiteData) -> dict[str, list[str]]:
    """Return glossary id → [heading, definition] for the popovers."""
    return {e.id: [f"{e.name} ({e.acronym})" if e.acronym and e.acronym != e.name else e.name,
                   e.definition] for e in site.glossary.entries}


def _json(data: object, end: str = "\n") -> str:
    """Return ``data`` as compact JSON (the C encoder: ``indent`` would run the Python one).

    Characters beyond ASCII are escaped (``\\u2019``): the same JSON to every reader,
    and a string of one byte per character to hold and join in memory.
    """
    return json.dumps(data, ensure_ascii=True, separators=(",", ":")) + end


def _json_list(rows: list[str]) -> str:
    """Return the compact JSON array of objects already encoded: as ``_json`` of the list."""
    return f"[{','.join(rows)}]\n"


def records_by_document(registry: Registry) -> list[tuple[AnchorRecord, ...]]:
    """Return the registry's records in runs of one document each, in the registry's order."""
    return [tuple(run) for _, run in groupby(registry.paragraphs, key=attrgetter("document"))]


def anchor_rows(records: tuple[AnchorRecord, ...]) -> tuple[str, ...]:
    """Return the JSON of the api/anchors.json object of each record."""
    return tuple(_json(anchor_object(record), end="") for record in records)


def anchor_map_entries(records: tuple[AnchorRecord, ...]) -> tuple[tuple[str, str], ...]:
    """Return (id, its entry of the anchor map: '"id":{...}') of each record."""
    entries = []
    for record in records:
        date = record.history[-1].date if record.history else ""
        entries.append((record.id, json.dumps(
            {record.id: {"url": record.url, "status": record.status, "label": record.label,
                         "date": date}}, ensure_ascii=True, separators=(",", ":"), sort_keys=True)[1:-1]))
    return tuple(entries)


def anchor_map_script(entries: list[tuple[str, str]]) -> str:
    """Return assets/anchor-map.js: id → {url, status, label, date}, keys sorted, ASCII only."""
    # The map is a script, not JSON, so that a page opened from disk (file://) can load it.
    return f"window.G7_ANCHORS={{{','.join(entry for _, entry in sorted(entries))}}};\n"


def data_files(site: SiteData, cache: BuildCache | None = None) -> tuple[DataFile, ...]:
    """Return the export files and the anchor map, as written into the site."""
    runs = records_by_document(site.registry)
    rows, entries = [], []
    for run in runs:
        rows += cached(cache, ("anchor rows", run[0].id), anchor_rows, run)
        entries += cached(cache, ("anchor map", run[0].id), anchor_map_entries, run)
    return (
        DataFile("api/paragraphs.json", _json_list(paragraph_rows(site, cache))),
        DataFile("api/glossary.json", _json(glossary_export(site))),
        DataFile("api/anchors.json", _json_list(rows)),
        DataFile(ANCHOR_MAP_JS, anchor_map_script(entries)),
        DataFile(TERMS_JS, f"window.G7_TERMS={json.dumps(popover_terms(site), ensure_ascii=True, separators=(',', ':'))};\n"),
        *(DataFile(f"{old}index.html", redirect_page(old, new))
          for old, new in redirects(site.registry).items()),
    )


def anchor_object(r: AnchorRecord) -> dict:
    """Return the api/anchors.json object of one registry record."""
    return {"id": r.id, "status": r.status, "url": r.url, "successors": list(r.successors),
            "history": [history_data(h) for h in r.history]}


def redirects(registry: Registry) -> dict[str, str]:
    """Return old page URL -> URL to send readers to, for every section page URL no longer served.

    A renamed page's earlier URLs lead to its current URL; a removed page's
    URLs lead to its document page while that document still has pages.
    """
    live = [s for s in registry.sections if s.status != "removed"]
    served = {s.url for s in live}
    documents = {s.id.split("/")[0] for s in live}
    found: dict[str, str] = {}
    for section in registry.sections:
        document = section.id.split("/")[0]
        if section.status != "removed":
            targets = [(url, section.url) for url in section.previous_urls]
        elif document in documents:
            targets = [(url, f"{document}/") for url in (*section.previous_urls, section.url)]
        else:
            targets = []
        found.update((old, new) for old, new in targets if old not in served)
    return dict(sorted(found.items()))
