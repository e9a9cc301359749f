"""Read and validate ``source/glossary.yml`` and ``source/glossary-ignore.yml``.

Every problem names ``file:line`` (line numbers come from ``yaml.compose``);
all problems of a file are collected and raised together in one GlossaryError.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from build_tools.errors import BuildError, SourceError
from build_tools.model.cache import BuildCache, cached
from build_tools.model.source import Glossary, GlossaryEntry, IgnoredCandidate
from build_tools.read.files import parse_yaml, read_yaml_text
from build_tools.read.source_names import is_web_url
from build_tools.read.term_keys import term_key

KINDS = ("body", "convention", "process", "initiative", "mechanism", "document", "abbreviation")
REQUIRED = ("id", "name", "kind", "definition")
OPTIONAL = ("acronym", "aliases", "website", "related", "document")
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a source file, at a line."""

    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class GlossaryError(BuildError):
    """Raised once per file with every problem found; ``problems`` lists them all."""

    def __init__(self, path: Path, line: int, message: str,
                 problems: tuple[Problem, ...] = ()) -> None:
        self.path, self.line, self.message = path, line, message
        self.problems = problems or (Problem(path, line, message),)
        Exception.__init__(self, "\n".join(str(p) for p in self.problems))


def _compose(text: str, path: Path) -> tuple[Any, yaml.Node | None]:
    """Return the loaded data and its node tree, or raise GlossaryError for bad YAML
    (aliases and deep nesting included: see ``yaml_io``)."""
    try:
        return parse_yaml(text, path)
    except SourceError as error:
        raise GlossaryError(error.path, error.line, error.message) from None


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _field_lines(node: yaml.Node) -> dict[str, int]:
    """Return key -> line of the value, for a mapping node."""
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {str(k.value): _line(v) for k, v in node.value}


def _item_lines(node: yaml.Node, key: str) -> list[int]:
    """Return the line of each item of the sequence under ``key``."""
    for k, v in getattr(node, "value", ()):
        if isinstance(k, yaml.ScalarNode) and k.value == key and isinstance(v, yaml.SequenceNode):
            return [_line(item) for item in v.value]
    return []


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)


def _check_fields(raw: Any, line: int, lines: dict[str, int], add) -> bool:
    """Report missing, unknown and mistyped fields; return True when the entry is usable."""
    if not isinstance(raw, dict):
        add(line, "an entry must be a mapping")
        return False
    ok = True
    for key in REQUIRED:
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            add(lines.get(key, line), f"entry lacks required field '{key}'")
            ok = False
    for key in raw:
        if key not in REQUIRED + OPTIONAL:
            add(lines.get(key, line), f"unknown field '{key}'")
    if ok and not _ID.match(raw["id"]):
        add(lines["id"], f"id '{raw['id']}' is not a lowercase ascii slug")
    if ok and raw["kind"] not in KINDS:
        add(lines["kind"], f"unknown kind '{raw['kind']}' (expected one of {', '.join(KINDS)})")
    for key in ("aliases", "related"):
        if raw.get(key) is not None and not _strings(raw[key]):
            add(lines.get(key, line), f"'{key}' must be a list of strings")
            ok = False
    for key in ("acronym", "website", "document"):
        if raw.get(key) is not None and not isinstance(raw[key], str):
            add(lines.get(key, line), f"'{key}' must be a string")
            ok = False
    website = raw.get("website")
    if isinstance(website, str) and not is_web_url(website):
        add(lines["website"], f"website {website!r} is not an http:// or https:// URL")
    return ok


def _make_entry(raw: dict, line: int) -> GlossaryEntry:
    return GlossaryEntry(
        id=raw["id"], name=raw["name"].strip(), acronym=raw.get("acronym") or None,
        aliases=tuple(raw.get("aliases") or ()), kind=raw["kind"],
        definition=" ".join(raw["definition"].split()), website=raw.get("website"),
        related=tuple(raw.get("related") or ()), document=raw.get("document"), line=line)


def _check_terms(entry: GlossaryEntry, lines: dict[str, int], alias_lines: list[int],
                 owners: dict, add) -> None:
    """Report repeated terms within an entry and terms another entry already claims."""
    forms = [(entry.name, lines.get("name", entry.line), "name")]
    if entry.acronym:
        forms.append((entry.acronym, lines.get("acronym", entry.line), "acronym"))
    forms += [(a, alias_lines[i] if i < len(alias_lines) else entry.line, "alias")
              for i, a in enumerate(entry.aliases)]
    own: set[tuple] = set()
    for form, line, role in forms:
        key = term_key(form)
        # An acronym and an alias may share letters ('INTERPOL', 'Interpol'):
        # they follow different case rules, so only the same rule repeats.
        own_key = (key, role == "acronym")
        if own_key in own:
            add(line, f"'{form}' repeats a term of entry '{entry.id}'")
            continue
        own.add(own_key)
        owner = owners.get(key)
        if owner is not None and owner[0] != entry.id:
            add(line, f"'{form}' is already claimed by entry '{owner[0]}' (line {owner[1]})")
        elif owner is None:
            owners[key] = (entry.id, line)


def parse_glossary(text: str, path: Path) -> Glossary:
    """Return the glossary in ``text``; raise GlossaryError listing every problem."""
    problems: list[Problem] = []

    def add(line: int, message: str) -> None:
        problems.append(Problem(path, line, message))

    data, root = _compose(text, path)
    if data is None:
        data, root = [], None
    if not isinstance(data, list) or not isinstance(root, (yaml.SequenceNode, type(None))):
        raise GlossaryError(path, 1, "the glossary must be a YAML list of entries")
    entries: list[GlossaryEntry] = []
    first_line: dict[str, int] = {}
    related_line: dict[str, int] = {}
    owners: dict[tuple, tuple[str, int]] = {}
    for raw, node in zip(data, root.value if root else []):
        line, lines = _line(node), _field_lines(node)
        if not _check_fields(raw, line, lines, add):
            continue
        entry = _make_entry(raw, line)
        if entry.id in first_line:
            add(lines["id"], f"duplicate id '{entry.id}' (first at line {first_line[entry.id]})")
            continue
        first_line[entry.id] = line
        related_line[entry.id] = lines.get("related", line)
        _check_terms(entry, lines, _item_lines(node, "aliases"), owners, add)
        entries.append(entry)
    known = set(first_line)
    for entry in entries:
        for related in entry.related:
            if related not in known:
                add(related_line[entry.id], f"entry '{entry.id}' relates to unknown id '{related}'")
            elif related == entry.id:
                add(related_line[entry.id], f"entry '{entry.id}' relates to itself")
    if problems:
        first = problems[0]
        raise GlossaryError(first.path, first.line, first.message, tuple(problems))
    return Glossary(tuple(entries), path)


def load_glossary(path: Path, cache: BuildCache | None = None) -> Glossary:
    """Return the glossary read from ``path``."""
    return cached(cache, "glossary", parse_glossary, read_yaml_text(Path(path)), Path(path))


def parse_ignore_list(text: str, path: Path) -> tuple[IgnoredCandidate, ...]:
    """Return the ignored candidates in ``text``; raise GlossaryError listing every problem."""
    data, root = _compose(text, path)
    if data is None:
        return ()
    if not isinstance(data, list) or not isinstance(root, yaml.SequenceNode):
        raise GlossaryError(path, 1, "the ignore list must be a YAML list")
    problems: list[Problem] = []
    ignored: list[IgnoredCandidate] = []
    seen: dict[str, int] = {}
    for raw, node in zip(data, root.value):
        line, lines = _line(node), _field_lines(node)
        if not isinstance(raw, dict):
            problems.append(Problem(path, line, "an item must be a mapping"))
            continue
        candidate, reason = raw.get("candidate"), raw.get("reason")
        if not isinstance(candidate, str) or not candidate.strip():
            problems.append(Problem(path, line, "item lacks required field 'candidate'"))
            continue
        if not isinstance(reason, str) or not reason.strip():
            problems.append(Problem(path, line, f"'{candidate}' lacks required field 'reason'"))
            continue
        for key in raw:
            if key not in ("candidate", "reason"):
                problems.append(Problem(path, lines.get(key, line), f"unknown field '{key}'"))
        if candidate in seen:
            problems.append(Problem(path, line, f"'{candidate}' is listed twice (first at line {seen[candidate]})"))
            continue
        seen[candidate] = line
        ignored.append(IgnoredCandidate(candidate, reason.strip(), line))
    if problems:
        first = problems[0]
        raise GlossaryError(first.path, first.line, first.message, tuple(problems))
    return tuple(ignored)


def load_ignore_list(path: Path) -> tuple[IgnoredCandidate, ...]:
    """Return the ignored candidates read from ``path``."""
    return parse_ignore_list(read_yaml_text(Path(path)), Path(path))
