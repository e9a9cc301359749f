"""Site URLs: every URL is site-root-relative without a leading slash ('doc/sec/')."""

from __future__ import annotations

import posixpath


def page_src_uri(url: str) -> str:
    """Return the Markdown source path of the page served at ``url`` ('' → 'index.md')."""
    return f"{url}index.md" if url else "index.md"


def relative_url(from_page: str, to: str) -> str:
    """Return the link from the page at ``from_page`` to ``to`` (both site-root-relative).

    Both are directory URLs ('a/b/') or '' for the home page; ``to`` may carry
    a '#fragment' or name a file ('api/paragraphs.json').
    """
    path, _, fragment = to.partition("#")
    base = from_page or "."
    rel = posixpath.relpath(path or ".", base)
    if path.endswith("/") or path == "":
        rel = "./" if rel == "." else rel + "/"
    link = rel if path != from_page else ""
    return f"{link}#{fragment}" if fragment else (link or "./")
