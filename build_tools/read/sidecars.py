"""A text's optional ``<name>.yml`` sidecar: what it may state, read with the line of each key."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import yaml

from build_tools.errors import SourceError
from build_tools.model.source import HeadingSplit, Sidecar
from build_tools.read.files import parse_yaml
from build_tools.read.source_names import check_sidecar_names

SIDECAR_KEYS = frozenset({
    "title", "slug", "source_url", "place", "date", "meeting_dates", "kind",
    "order", "heading_splits", "section_topics", "anchor_prefix", "short_title",
    "about", "summary_of",
})

DOCUMENT_KINDS = ("communiqué", "declaration", "statement", "chair's summary", "action plan",
                  "summary", "annex", "report", "roadmap")
"""What a document may be (a sidecar's ``kind``): the values search filters by."""


def document_kind(value: str, path: Path, line: int) -> str:
    """Return the DOCUMENT_KINDS value that ``value`` names, in any case, with or without
    accents and with either apostrophe; raise SourceError naming ``path`` and ``line``."""
    wanted = _kind_key(value)
    for kind in DOCUMENT_KINDS:
        if _kind_key(kind) == wanted:
            return kind
    raise SourceError(path, line, f"unknown kind {value!r} (expected one of {', '.join(DOCUMENT_KINDS)})")


def _kind_key(value: str) -> str:
    decomposed = unicodedata.normalize("NFKD", value.replace("\u2019", "'"))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).casefold().split())


def _key_lines(node: yaml.Node | None) -> dict[str, int]:
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {k.value: k.start_mark.line + 1 for k, _ in node.value}


def parse_sidecar(data: object, node: yaml.Node | None, path: Path) -> Sidecar:
    """Return the Sidecar a loaded YAML mapping states; unknown keys are errors."""
    if data is None:
        return Sidecar(path=path)
    if not isinstance(data, dict):
        raise SourceError(path, 1, "a sidecar must be a mapping of keys to values")
    lines = _key_lines(node)
    for key in data:
        if key not in SIDECAR_KEYS:
            known = ", ".join(sorted(SIDECAR_KEYS))
            raise SourceError(path, lines.get(str(key), 1),
                              f"unknown sidecar key {key!r} (known keys: {known})")

    def text_value(key: str) -> str | None:
        value = data.get(key)
        if value is None:
            return None
        if not isinstance(value, (str, int, float)) or isinstance(value, bool):
            raise SourceError(path, lines.get(key, 1), f"{key!r} must be a string")
        return str(value)

    splits = []
    raw_splits = data.get("heading_splits") or []
    split_nodes = _value_node(node, "heading_splits")
    if not isinstance(raw_splits, list):
        raise SourceError(path, lines.get("heading_splits", 1), "'heading_splits' must be a list")
    for index, entry in enumerate(raw_splits):
        line = _item_line(split_nodes, index, lines.get("heading_splits", 1))
        if not isinstance(entry, dict) or not {"heading", "title"} <= set(entry):
            raise SourceError(path, line, "each heading split needs 'heading' and 'title'")
        splits.append(HeadingSplit(heading=str(entry["heading"]), title=str(entry["title"]),
                                   subtitle=entry.get("subtitle"), line=line))

    topics = data.get("section_topics") or {}
    if not isinstance(topics, dict):
        raise SourceError(path, lines.get("section_topics", 1),
                          "'section_topics' must map section slugs to topic ids")
    order = data.get("order")
    if order is not None and not isinstance(order, int):
        raise SourceError(path, lines.get("order", 1), "'order' must be a whole number")
    kind = text_value("kind")
    sidecar = Sidecar(
        path=path,
        title=text_value("title"),
        slug=text_value("slug"),
        source_url=text_value("source_url"),
        place=text_value("place"),
        date=text_value("date"),
        meeting_dates=text_value("meeting_dates"),
        kind=document_kind(kind, path, lines.get("kind", 1)) if kind is not None else None,
        order=order,
        heading_splits=tuple(splits),
        section_topics=tuple((str(k), tuple(str(t) for t in (v or ()))) for k, v in topics.items()),
        key_lines=tuple(lines.items()),
        anchor_prefix=text_value("anchor_prefix"),
        short_title=text_value("short_title"),
        about=text_value("about"),
        summary_of=text_value("summary_of"),
    )
    check_sidecar_names(sidecar)
    return sidecar


def _value_node(node: yaml.Node | None, key: str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if k.value == key:
                return v
    return None


def _item_line(node: yaml.Node | None, index: int, default: int) -> int:
    if isinstance(node, yaml.SequenceNode) and index < len(node.value):
        return node.value[index].start_mark.line + 1
    return default


def sidecar_from_text(text: str, path: Path) -> Sidecar:
    """Return the sidecar written in ``text``; ``path`` names the file in errors."""
    data, node = parse_yaml(text, path)
    return parse_sidecar(data, node, path)
