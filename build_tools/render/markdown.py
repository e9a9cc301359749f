"""Source text → Markdown: escaped as data, and the few Markdown forms the pages use.

Every string from a text, a sidecar, the glossary or the topics enters a page
through ``md_text``, so that Python-Markdown (with the extensions of
``mkdocs.yml``) shows it as written: no word becomes markup, a link, a list, a
heading or an attribute list. Everything else a page writes (ids, classes,
URLs) is ours and goes through ``attr_value`` or ``link_target``, which refuse
what they were not made for.

Why each rule (Python-Markdown 3, extensions attr_list, md_in_html, toc,
tables, fenced_code, footnotes, def_list):

- a backslash escape where Python-Markdown has one (its ``ESCAPED_CHARS``, plus
  ``|``, which the tables extension adds): ``\\ ` * _ { } [ ] # | !`` everywhere (``!``
  before a link of ours would make it an image), and
  ``> + - .`` and ``)`` where they would open a block (a quote, a list item, an
  ordered item after digits, a rule);
- a character reference where it has none: ``&`` and ``<`` (``\\<`` would show its
  backslash), and at the start of a text ``=`` (a setext underline), ``~`` (a
  code fence) and ``:`` (a definition);
- a character reference for what Python-Markdown would change rather than show:
  a line break (it would end the block or join the lines), a tab (expanded to
  spaces), a carriage return, the two characters it uses as placeholders
  (STX, ETX), and white space at either end (an indented block is code, two
  trailing spaces a line break, and a block is stripped of what ``str.strip``
  strips). No C1 control character reaches here (HTML reads the reference to
  NEL, U+0085, as '…'): the reader refuses them.
"""

from __future__ import annotations

import re
from urllib.parse import quote

_EVERYWHERE = {c: "\\" + c for c in "\\`*_{}[]#|!"}
_EVERYWHERE.update({"&": "&amp;", "<": "&lt;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;",
                    "\x02": "&#2;", "\x03": "&#3;"})
# One pass of a regular expression: 2.4 times as fast as str.translate with this table,
# whose replacements are longer than one character (md_text is called 600,000 times at
# 200 documents, about 1 s of make site's generation with str.translate).
_SPECIAL = re.compile("[" + re.escape("".join(_EVERYWHERE)) + "]")
_BLOCK_START = {">": "\\>", "+": "\\+", "-": "\\-", "=": "&#61;", "~": "&#126;", ":": "&#58;"}
_ORDERED = re.compile(r"(\d+)([.)])")


def md_text(text: str, start: bool = True, end: bool = True) -> str:
    """Return ``text`` as Markdown that Python-Markdown shows exactly as ``text``, anywhere
    in a block. ``start``: the text may open a block or a line (what would open a block
    there is escaped, white space before it written as references); ``end``: it may end
    one (white space after it written as references). A piece of a line between two
    links is neither."""
    escaped = _SPECIAL.sub(_replacement, text)
    if not escaped:
        return escaped
    if start:
        first = escaped[0]
        if first in _BLOCK_START:
            escaped = _BLOCK_START[first] + escaped[1:]
        elif first.isdigit() and _ORDERED.match(escaped):
            escaped = _ORDERED.sub(r"\1\\\2", escaped, count=1)
        if escaped[0].isspace():
            body = escaped.lstrip()
            escaped = _references(escaped[:len(escaped) - len(body)]) + body
    if end and escaped[-1].isspace():
        body = escaped.rstrip()
        escaped = body + _references(escaped[len(body):])
    return escaped


def _replacement(match: re.Match) -> str:
    return _EVERYWHERE[match.group()]


def _references(spaces: str) -> str:
    """Return white space as character references (Python-Markdown strips a block of
    everything ``str.strip`` strips, reads an indent as code, two trailing spaces as a
    line break)."""
    return "".join(f"&#{ord(c)};" for c in spaces)


_ATTR_VALUE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:()\-]*")


def attr_value(value: str) -> str:
    """Return ``value`` for an attribute list or an HTML attribute: ids, classes, labels
    and glossary ids are ours and made of letters, digits and ``. _ : ( ) -``; anything
    else is a bug, never source text, and is refused."""
    if not _ATTR_VALUE.fullmatch(value):
        raise ValueError(f"not an attribute value the pages write: {value!r}")
    return value


def attr_text(value: str) -> str:
    """Return ``value`` (free text: an aria-label) as a double-quoted attribute value that
    attr_list and HTML both read back as ``value``."""
    return value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(
        "{", "&#123;").replace("}", "&#125;").replace("\n", " ")


_SAFE_URL = "/#:.-_~!$&'*+,;=@%?"


def link_target(url: str) -> str:
    """Return ``url`` as the target of a Markdown link: characters Markdown or a URL would
    read as syntax (space, ``( ) < >``, quotes) percent-encoded."""
    return quote(url, safe=_SAFE_URL)


def md_link(text: str, target: str, attributes: str = "") -> str:
    """Return a Markdown link showing ``text`` (escaped) to ``target``, with an attribute
    list when ``attributes`` is given. ``target`` is ours (a relative ``.md`` path made of
    checked slugs and ids) or made safe by ``link_target``."""
    link = f"[{md_text(text)}]({target})"
    return f"{link}{{ {attributes} }}" if attributes else link
