"""Site URLs: every URL is site-root-relative without a leading slash ('doc/sec/')."""

from __future__ import annotations


def _relative_path(base: str, path: str) -> str:
    """Return ``posixpath.relpath(path or '.', base or '.')`` for two site-root-relative paths.

    Pure string work (no ``os.getcwd``).
    """
    from_parts = [p for p in base.split("/") if p and p != "."]
    to_parts = [p for p in path.split("/") if p and p != "."]
    common = 0
    for a, b in zip(from_parts, to_parts):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(from_parts) - common) + to_parts[common:]) or "."


def md_url(from_page: str, to: str) -> str:
    """Return the Markdown link from the page at ``from_page`` to ``to`` (both
    site-root-relative URLs): the path of the target's ``.md`` source (or data file)
    relative to the page's, so that MkDocs resolves and validates it, with the fragment.

    ``md_url('doc/a/', 'doc/b/#p-1') == '../b/index.md#p-1'``; a link to the page itself
    is its fragment alone.
    """
    path, _, fragment = to.partition("#")
    if path == from_page and fragment:
        return f"#{fragment}"
    target = f"{path}index.md" if path.endswith("/") or path == "" else path
    top = from_page.partition("/")[0]
    if not top or not target.startswith(top + "/"):
        # Nothing in common (most links of the lists): up to the root, then down.
        link = "../" * from_page.count("/") + target
    else:
        folder, _, name = target.rpartition("/")
        link = (_relative_path(from_page, folder) + "/" + name).removeprefix("./")
    return f"{link}#{fragment}" if fragment else link


def root_prefix(from_page: str) -> str:
    """Return the relative link from the page at ``from_page`` to the site root ('../../').

    ``root_prefix(page) + target`` reaches ``target`` from ``page`` wherever ``page``
    is: the cheap form for pages listing thousands of links elsewhere in the site.
    """
    return "../" * from_page.count("/")
