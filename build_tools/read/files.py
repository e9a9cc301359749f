"""Where the inputs of one site live in a source folder, and how a source file's bytes
become text: UTF-8, BOM dropped, ``\\n`` line ends, a clear error for anything else."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from build_tools.errors import SourceError
from build_tools.read.yaml_io import MAX_YAML_BYTES, load_with_node


_C1_CONTROL = re.compile("[\x80-\x9f]")
"""C1 control characters: HTML cannot carry them (a page shows U+0085 written as a character
reference as '…', and Python-Markdown strips it as white space), so a text holding one
could not be published as written."""


def decode_text(data: bytes, path: Path) -> str:
    """Return the text of a source file: UTF-8, BOM dropped, ``\\n`` line ends.

    Raises SourceError naming the line and byte offset of the first bad byte,
    or saying the file is UTF-16, binary or empty, or naming the line of a C1 control
    character.
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
    if match := _C1_CONTROL.search(text):
        line = text.count("\n", 0, match.start()) + 1
        raise SourceError(path, line, f"control character U+{ord(match.group()):04X}: no published text "
                                      "holds one (often a Windows-1252 character decoded wrongly, "
                                      "U+0085 for '…'); type the character it stands for")
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


