"""The one YAML loader of the source files, and the YAML dumper of page front matter.

Every YAML file of a source folder (sidecars, glossary, glossary ignore list,
topics) is parsed by ``load_with_node``, after ``read.read_yaml_text`` has
refused a file over MAX_YAML_BYTES or not in UTF-8. ``mkdocs.yml`` is MkDocs'
own and read by MkDocs.

Before anything is built from a file, its event stream is read once (in C,
cheap: a few milliseconds for the glossary) and the file is refused at the
line of its first alias, or of a collection nested deeper than MAX_YAML_DEPTH.
Aliases are refused outright: no source file needs one, and a few nested ones
(an "alias bomb") expand into gigabytes when the data is constructed. Checking
the events first means such a file costs no more than its own length.

libyaml's C classes are used when PyYAML has them; they give the same data,
nodes (with line numbers) and text as the pure-Python classes, only faster.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from build_tools.errors import SourceError

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

MAX_YAML_BYTES = 4 * 1024 * 1024
"""Largest YAML source file accepted: 4 MiB (the glossary of 180 entries is under 100 KB)."""

MAX_YAML_DEPTH = 32
"""Deepest nesting of lists and mappings accepted (the source files need four levels)."""


def load_with_node(text: str, path: Path) -> tuple[object, yaml.Node | None]:
    """Return (data, node) of one YAML document, composing it once.

    Raises SourceError naming ``path`` and the line of a syntax error, of the
    first alias, or of a collection nested too deep.
    """
    try:
        _refuse_aliases_and_depth(text, path)
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as err:
        line, problem = error_place(err)
        raise SourceError(path, line, f"not valid YAML: {problem}") from None
    return data, node


def _refuse_aliases_and_depth(text: str, path: Path) -> None:
    """Raise SourceError at the first alias or over-deep collection of ``text``'s events."""
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent):
            raise SourceError(path, event.start_mark.line + 1,
                              f"YAML alias '*{event.anchor}' refused: write the value out "
                              "(aliases are not accepted in source files)")
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_YAML_DEPTH:
                raise SourceError(path, event.start_mark.line + 1,
                                  f"nested more than {MAX_YAML_DEPTH} levels deep")
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def error_place(error: yaml.YAMLError) -> tuple[int, str]:
    """Return (1-based line, problem) of a YAML error, for a message naming file and line."""
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    return (mark.line + 1 if mark else 1), (getattr(error, "problem", None) or str(error))


def dump(data: object, width: int = 1000) -> str:
    """Return ``data`` as block-style YAML, keys in their order, Unicode kept."""
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=width,
                     default_flow_style=False)
