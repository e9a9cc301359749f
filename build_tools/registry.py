from pathlib import Path

from build_tools.file_writes import write_text_atomic
from build_tools.model.ids import AnchorRecord, Registry
from build_tools.read.registry import _LAST, dumps_registry, history_data


def write_registry_atomic(path: Path | str, registry: Registry, text: str | None = None) -> None:
    """Write the registry so that path holds either the old or the whole new file, with the
    ordinary mode of a new file; ``text``, when given, is ``dumps_registry(registry)``."""
    text = dumps_registry(registry) if text is None else text
    write_text_atomic(Path(path), text)
    _LAST.get(text, lambda: registry)  # kept: the next read of this text is this registry


def anchors_export(registry: Registry) -> list[dict]:
    """Return the objects of api/anchors.json: every id ever published."""
    return [anchor_object(r) for r in registry.paragraphs]


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
