"""Stage 1, read: ``source/`` on disk → raw texts, sidecars and the other inputs.

This is the only stage that opens source files; everything after it is pure.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from build_tools import cache
from build_tools.cache import memoised
from build_tools.errors import SourceError
from build_tools.model.source import HeadingSplit, Sidecar, SourceText
from build_tools.source_names import check_sidecar_names, check_unique_names, file_name_slug
from build_tools.yaml_io import MAX_YAML_BYTES, load_with_node

TEXTS_DIR = "texts"
GLOSSARY_FILE = "glossary.yml"
GLOSSARY_IGNORE_FILE = "glossary-ignore.yml"
TOPICS_FILE = "topics.yml"
REGISTRY_FILE = "anchor-registry.json"

SIDECAR_KEYS = frozenset({
    "title", "slug", "source_url", "place", "date", "meeting_dates", "kind",
    "order", "heading_splits", "section_topics", "anchor_prefix", "short_title",
})


@dataclass(frozen=True)
class SourceTree:
    """Where the inputs of one site live."""

    root: Path

    @property
    def texts(self) -> Path:
        return self.root / TEXTS_DIR

    @property
    def glossary(self) -> Path:
        return self.root / GLOSSARY_FILE

    @property
    def glossary_ignore(self) -> Path:
        return self.root / GLOSSARY_IGNORE_FILE

    @property
    def topics(self) -> Path:
        return self.root / TOPICS_FILE

    @property
    def registry(self) -> Path:
        return self.root / REGISTRY_FILE


def decode_text(data: bytes, path: Path) -> str:
    """Return the text of a source file: UTF-8, BOM dropped, ``\\n`` line ends.

    Raises SourceError naming the line and byte offset of the first bad byte,
    or saying the file is UTF-16, binary or empty.
    """
    if not data.strip():
        raise SourceError(path, 1, "the file is empty")
    if _looks_like_utf16(data):
        raise SourceError(path, 1, "this file is UTF-16: texts and source files must be UTF-8 "
                                   "(save the file as UTF-8)")
    if b"\x00" in data:
        offset = data.index(b"\x00")
        line = data.count(b"\n", 0, offset) + 1
        raise SourceError(path, line, f"NUL byte at byte offset {offset}: a binary file, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        raise SourceError(
            path, line,
            f"not UTF-8: byte 0x{data[err.start]:02x} at byte offset {err.start} "
            "(save the file as UTF-8)") from None
    text = text.removeprefix("\ufeff")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _looks_like_utf16(data: bytes) -> bool:
    """Return True when ``data`` starts with a UTF-16 byte order mark, or when every
    other byte of its start is NUL (UTF-16 without a mark, as Windows tools write it)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    start = data[:400]
    if len(start) < 4:
        return False
    even, odd = start[0::2], start[1::2]
    return even.count(0) >= 0.9 * len(even) or odd.count(0) >= 0.9 * len(odd)


def read_yaml_text(path: Path) -> str:
    """Return the text of a YAML source file (see ``decode_text``); a file over
    MAX_YAML_BYTES is refused before it is read; a blank file is '' (no data)."""
    size = path.stat().st_size
    if size > MAX_YAML_BYTES:
        raise SourceError(path, 1, f"the file is {size:,} bytes: YAML source files are limited "
                                   f"to {MAX_YAML_BYTES:,} bytes ({MAX_YAML_BYTES // 2**20} MiB)")
    data = path.read_bytes()
    return decode_text(data, path) if data.strip() else ""


def load_yaml(path: Path) -> tuple[object, yaml.Node | None]:
    """Return (data, node) of a YAML file; the node carries line numbers."""
    return parse_yaml(read_yaml_text(path), path)


def parse_yaml(text: str, path: Path) -> tuple[object, yaml.Node | None]:
    """Return (data, node) of YAML ``text``; ``path`` names the file in errors.

    Aliases and deep nesting are refused (see ``yaml_io``)."""
    return load_with_node(text, path)


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
    sidecar = Sidecar(
        path=path,
        title=text_value("title"),
        slug=text_value("slug"),
        source_url=text_value("source_url"),
        place=text_value("place"),
        date=text_value("date"),
        meeting_dates=text_value("meeting_dates"),
        kind=text_value("kind"),
        order=order,
        heading_splits=tuple(splits),
        section_topics=tuple((str(k), tuple(str(t) for t in (v or ()))) for k, v in topics.items()),
        key_lines=tuple(lines.items()),
        anchor_prefix=text_value("anchor_prefix"),
        short_title=text_value("short_title"),
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


def read_source_text(path: Path) -> SourceText:
    """Return one text and its optional sidecar (``<stem>.yml`` beside it)."""
    text = decode_text(path.read_bytes(), path)
    sidecar_path = path.with_suffix(".yml")
    sidecar = Sidecar()
    if sidecar_path.exists():
        sidecar = sidecar_from_text(read_yaml_text(sidecar_path), sidecar_path)
    slug = sidecar.slug or file_name_slug(path)
    return SourceText(path=path, slug=slug, text=text, sidecar=sidecar)


@memoised(cache.DOCUMENTS)
def sidecar_from_text(text: str, path: Path) -> Sidecar:
    """Return the sidecar written in ``text`` (memoised: a rebuild parses only sidecars
    that changed); ``path`` names the file in errors."""
    data, node = parse_yaml(text, path)
    return parse_sidecar(data, node, path)


def read_texts(tree: SourceTree) -> tuple[SourceText, ...]:
    """Return every ``*.txt`` of the texts folder, in file-name order."""
    if not tree.texts.is_dir():
        raise SourceError(tree.texts, 0, "no texts folder: put the texts in source/texts/")
    texts = tuple(read_source_text(p) for p in sorted(tree.texts.glob("*.txt")))
    if not texts:
        raise SourceError(tree.texts, 0, "no *.txt text to publish")
    check_unique_names(texts)
    return texts
