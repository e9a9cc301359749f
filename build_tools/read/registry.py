"""The anchor registry file ``source/anchor-registry.json``: read, check, write, export.

The file is committed and read by people: JSON with two-space indents, one
object per id, records in site order, keys in a fixed order. A damaged file
stops the build with ``file:line: message``; ids are never silently re-minted.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from json.decoder import JSONObject
from json.scanner import py_make_scanner
from pathlib import Path

from build_tools.errors import BuildError
from build_tools.model.cache import BuildCache, cached
from build_tools.model.ids import AnchorRecord, HistoryEntry, Registry, SectionRecord
from build_tools.read.fingerprints import fingerprint
from build_tools.read.routes import RESERVED_ROUTES
from build_tools.read.source_names import is_slug

FORMAT = "g7-anchor-registry/1"
PARAGRAPH_STATUSES = ("current", "moved", "amended", "split", "merged", "removed")
SECTION_STATUSES = ("current", "renamed", "removed")
EVENTS = ("published", "renumbered", "moved", "amended", "split", "merged", "restored", "removed")

_TOP = {"format": str, "sections": list, "paragraphs": list}
_SECTION = {"id": str, "status": str, "title": str, "url": str, "previous_urls": list}
_PARAGRAPH = {"id": str, "status": str, "document": str, "section": str, "label": str, "url": str,
              "fingerprint": str, "successors": list, "text": str, "history": list}
_HISTORY = {"date": str, "event": str, "label": str, "url": str, "text": str}
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_FINGERPRINT = re.compile(r"[0-9a-f]{16}")
_SITE_URL = re.compile(r"(?:[a-z0-9]+(?:-[a-z0-9]+)*/)+(?:#[a-z0-9]+(?:-[a-z0-9]+)*)?")
"""A URL the registry records: a document's folder, maybe a section's, maybe a fragment.
Pages are written at these URLs (redirects, notices of removed text), so nothing else
(no '..', no leading '/', no route of the site itself) is accepted."""


class RegistryError(BuildError):
    """The registry file is unreadable or damaged; str() is 'path:line: message'."""


def load_registry(path: Path | str, cache: BuildCache | None = None) -> Registry:
    """Return the registry in path; an empty one when the file does not exist."""
    path = Path(path)
    if not path.exists():
        return Registry()
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        raise RegistryError(path, 1, f"not UTF-8 ({error.reason})") from None
    except OSError as error:
        raise RegistryError(path, 1, f"cannot be read ({error.strerror})") from None
    return cached(cache, "registry", parse_registry, text, path)


def parse_registry(text: str, path: Path | str) -> Registry:
    """Return the registry written in text; path names the file in errors."""
    try:
        return _build(json.loads(text, object_pairs_hook=_unique_keys))
    except json.JSONDecodeError as error:
        raise RegistryError(path, error.lineno, f"not valid JSON: {error.msg}") from None
    except RecursionError:
        raise RegistryError(path, _too_deep_line(text),
                            f"nested more than {MAX_DEPTH} levels deep (a registry needs {REGISTRY_DEPTH})"
                            ) from None
    except _Invalid:
        pass
    # Damaged: read again, slowly, noting the line of every object and key.
    try:
        _build(_decode_with_lines(text))
    except _Invalid as invalid:
        raise RegistryError(path, invalid.line, invalid.message) from None
    raise AssertionError("registry damage found once but not twice")  # pragma: no cover


MAX_DEPTH = 64
"""Nesting the error message names: far past the registry's own, far short of Python's limit."""
REGISTRY_DEPTH = 5
"""How deep a registry nests: top, paragraphs, record, history, entry."""


def _too_deep_line(text: str) -> int:
    """Return the line where ``text``'s lists and objects first nest past MAX_DEPTH (1 if never)."""
    depth = 0
    for token in re.finditer(r'"(?:[^"\\]|\\.)*"|[\[\]{}]', text):
        if token.group() in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return text.count("\n", 0, token.start()) + 1
        elif token.group() in "]}":
            depth -= 1
    return 1


def dumps_registry(registry: Registry) -> str:
    """Return the registry file's text: deterministic, indented JSON ending in a newline."""
    data = {
        "format": FORMAT,
        "sections": [{"id": s.id, "status": s.status, "title": s.title, "url": s.url,
                      "previous_urls": list(s.previous_urls)} for s in registry.sections],
        "paragraphs": [{"id": r.id, "status": r.status, "document": r.document, "section": r.section,
                        "label": r.label, "url": r.url, "fingerprint": r.fingerprint,
                        "successors": list(r.successors), "text": r.text,
                        "history": [history_data(h) for h in r.history]} for r in registry.paragraphs],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _unique_keys(pairs: list[tuple[str, object]]) -> dict:
    """Return pairs as a dict; raises _Invalid when a key repeats (json.loads would keep the last)."""
    found = dict(pairs)
    if len(found) != len(pairs):
        raise _Invalid("a key repeats")
    return found


def history_data(entry: HistoryEntry) -> dict:
    """Return a history entry as the file holds it: 'seq' only for a day's second build
    and later, so a registry of one build a day reads as before."""
    data = {"date": entry.date, "event": entry.event, "label": entry.label, "url": entry.url,
            "text": entry.text}
    if entry.seq != 1:
        data["seq"] = entry.seq
    return data


class _Invalid(Exception):
    """A check failed on a node of the decoded JSON."""

    def __init__(self, message: str, node: object = None, key: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = _line_of(node, key)


class _Node(dict):
    """A decoded JSON object that knows its line and the line of each key."""

    line = 1
    key_lines: dict[str, int] = {}
    duplicate_key: str | None = None


def _line_of(node: object, key: str | None = None) -> int:
    """Return the line of node's key (or of node), 1 when unknown."""
    if isinstance(node, _Node):
        return node.key_lines.get(key, node.line) if key else node.line
    return 1


def _decode_with_lines(text: str) -> object:
    """Return text decoded as JSON with every object a _Node (pure-Python scanner: slow)."""
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def line_at(offset: int) -> int:
        return bisect_right(line_starts, offset)

    def parse_object(s_and_end, strict, scan_once, object_hook, object_pairs_hook, memo=None):
        value_starts: list[int] = []

        def scan_value(string: str, index: int):
            value_starts.append(index)
            return scan_once(string, index)

        pairs, end = JSONObject(s_and_end, strict, scan_value, None, list, memo)
        node = _Node(pairs)
        node.line = line_at(s_and_end[1] - 1)
        node.key_lines = {key: line_at(start) for (key, _), start in zip(pairs, value_starts)}
        keys = [key for key, _ in pairs]
        node.duplicate_key = next((k for k in keys if keys.count(k) > 1), None)
        return node, end

    decoder = json.JSONDecoder()
    decoder.parse_object = parse_object
    decoder.scan_once = py_make_scanner(decoder)
    return decoder.decode(text)


def _fields(node: object, spec: dict[str, type], what: str, parent: object = None, key: str = "") -> dict:
    """Return node after checking it is an object with exactly spec's keys and types.

    parent and key place the error when node is not an object.
    """
    if not isinstance(node, dict):
        raise _Invalid(f"{what} must be a JSON object", parent, key)
    # The common case, checked in C: exactly the keys, each of its type.
    if node.keys() == spec.keys() and all(map(isinstance, map(node.__getitem__, spec), spec.values())):
        if not getattr(node, "duplicate_key", None):
            return node
    if getattr(node, "duplicate_key", None):
        raise _Invalid(f"{what} has key '{node.duplicate_key}' twice", node, node.duplicate_key)
    for key, kind in spec.items():
        if key not in node:
            raise _Invalid(f"{what} lacks key '{key}'", node)
        if not isinstance(node[key], kind):
            raise _Invalid(f"'{key}' of {what} must be a {'string' if kind is str else 'list'}", node, key)
    for key in node:
        if key not in spec:
            raise _Invalid(f"{what} has unknown key '{key}'", node, key)
    return node


def _strings(node: dict, key: str, what: str) -> tuple[str, ...]:
    """Return node[key] as a tuple of strings."""
    if not all(isinstance(value, str) for value in node[key]):
        raise _Invalid(f"'{key}' of {what} must list strings", node, key)
    return tuple(node[key])


def _choice(node: dict, key: str, allowed: tuple[str, ...], what: str) -> str:
    """Return node[key] when it is one of allowed."""
    if node[key] not in allowed:
        raise _Invalid(f"'{key}' of {what} is '{node[key]}', not one of {', '.join(allowed)}", node, key)
    return node[key]


def _build(data: object) -> Registry:
    """Return the Registry data describes; raises _Invalid at the first damage."""
    top = _fields(data, _TOP, "the registry")
    if top["format"] != FORMAT:
        raise _Invalid(f"format is '{top['format']}', expected '{FORMAT}'", top, "format")
    sections = {}
    for node in top["sections"]:
        section = _section(_fields(node, _SECTION, _named("a section", node), top, "sections"))
        if section.id in sections:
            raise _Invalid(f"duplicate section id '{section.id}'", node, "id")
        sections[section.id] = section
    paragraphs: dict[str, tuple[AnchorRecord, dict]] = {}
    for node in top["paragraphs"]:
        record = _paragraph(_fields(node, _PARAGRAPH, _named("a paragraph record", node), top, "paragraphs"))
        if record.id in paragraphs:
            first = _line_of(paragraphs[record.id][1])
            raise _Invalid(f"duplicate id '{record.id}' (first at line {first})", node, "id")
        paragraphs[record.id] = (record, node)
    for record, node in paragraphs.values():
        key = f"{record.document}/{record.section}" if record.section else record.document
        if key not in sections:
            raise _Invalid(f"paragraph '{record.id}' names section '{key}', which is not in sections",
                           node, "section")
        for successor in record.successors:
            if successor not in paragraphs:
                raise _Invalid(f"successor '{successor}' of '{record.id}' is not an id of the registry",
                               node, "successors")
    return Registry(tuple(r for r, _ in paragraphs.values()), tuple(sections.values()))


def _named(what: str, node: object) -> str:
    """Return what, naming the node's id when it has one ("paragraph record 'x'")."""
    if isinstance(node, dict) and isinstance(node.get("id"), str):
        return f"{what.removeprefix('a ')} '{node['id']}'"
    return what


def _site_url(url: str, node: dict, key: str, what: str) -> None:
    """Raise _Invalid unless ``url`` is a URL of a document's pages (see _SITE_URL)."""
    if not _SITE_URL.fullmatch(url) or url.partition("/")[0] in RESERVED_ROUTES:
        raise _Invalid(f"URL '{url}' of {what} is not '<document>/[<section>/][#<id>]'", node, key)


def _section(node: dict) -> SectionRecord:
    """Return the SectionRecord node describes."""
    document, _, slug = node["id"].partition("/")
    malformed = not document or re.search(r"[\s/#]", document) or node["id"].endswith("/")
    if malformed or (slug and not is_slug(slug)):
        raise _Invalid(f"section id '{node['id']}' is not '<document>/<lowercase-ascii-slug>'", node, "id")
    status = _choice(node, "status", SECTION_STATUSES, f"section '{node['id']}'")
    previous = _strings(node, "previous_urls", f"section '{node['id']}'")
    for url in (node["url"], *previous):
        _site_url(url, node, "url" if url == node["url"] else "previous_urls", f"section '{node['id']}'")
    return SectionRecord(node["id"], node["url"], node["title"], status, previous)


def _paragraph(node: dict) -> AnchorRecord:
    """Return the AnchorRecord node describes."""
    pid = node["id"]
    if not is_slug(pid):
        raise _Invalid(f"id '{pid}' is not lowercase ASCII (a-z, 0-9, single hyphens)", node, "id")
    what = f"'{pid}'"
    status = _choice(node, "status", PARAGRAPH_STATUSES, what)
    _site_url(node["url"], node, "url", what)
    if not _FINGERPRINT.fullmatch(node["fingerprint"]):
        raise _Invalid(f"fingerprint of {what} is not 16 lowercase hex digits", node, "fingerprint")
    if node["fingerprint"] != fingerprint(node["text"]):
        raise _Invalid(f"fingerprint of {what} does not match its text (text edited by hand?)", node, "text")
    successors = _strings(node, "successors", what)
    if status in ("split", "merged") and not successors:
        raise _Invalid(f"{what} is {status} but names no successors", node, "successors")
    if not node["history"]:
        raise _Invalid(f"history of {what} is empty", node, "history")
    history = tuple(_history_entry(entry, node, what) for entry in node["history"])
    return AnchorRecord(pid, status, node["url"], node["fingerprint"], node["text"], node["document"],
                        node["section"], node["label"], successors, history)


def _history_entry(node: object, record: dict, what: str) -> HistoryEntry:
    """Return the HistoryEntry node (in record, named what) describes."""
    seq = 1
    if isinstance(node, dict) and "seq" in node:
        seq = node["seq"]
        if type(seq) is not int or seq < 2:
            raise _Invalid(f"'seq' of a history entry of {what} must be a whole number from 2 up "
                           "(the first build of a day has none)", node, "seq")
        node = _without_seq(node)
    node = _fields(node, _HISTORY, f"a history entry of {what}", record, "history")
    if not _DATE.fullmatch(node["date"]):
        raise _Invalid(f"date '{node['date']}' in the history of {what} is not YYYY-MM-DD", node, "date")
    event = _choice(node, "event", EVENTS, f"a history entry of {what}")
    _site_url(node["url"], node, "url", f"a history entry of {what}")
    return HistoryEntry(node["date"], node["text"], node["label"], node["url"], event, seq)


def _without_seq(node: dict) -> dict:
    """Return a history entry's node without its optional 'seq', keeping its lines."""
    rest = type(node)((k, v) for k, v in node.items() if k != "seq")
    if isinstance(node, _Node):
        rest.line, rest.key_lines, rest.duplicate_key = node.line, node.key_lines, node.duplicate_key
    return rest

