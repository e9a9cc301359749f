"""Shrink the theme's CSS and JS as they are copied into the site.

The sources in ``theme/`` stay commented and readable; readers download less.
Only safe rewrites are made: comments and layout whitespace go, nothing else.
"""

from __future__ import annotations

import re
from pathlib import Path

_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_CSS_STRING = re.compile(r"(\"(?:\\.|[^\"\\])*\"|'(?:\\.|[^'\\])*')")
_CSS_SPACE = re.compile(r"\s+")
_CSS_AROUND = re.compile(r"\s*([{};,>])\s*")
_JS_COMMENT_LINE = re.compile(r"^\s*//.*$", re.MULTILINE)


def minify_css(css: str) -> str:
    """Return ``css`` without comments and layout whitespace (strings untouched)."""
    parts = _CSS_STRING.split(_CSS_COMMENT.sub("", css))
    for i in range(0, len(parts), 2):  # even parts are outside string literals
        # A space after ':' is never meaningful (selectors write 'a:hover', declarations 'p: v').
        parts[i] = _CSS_AROUND.sub(r"\1", _CSS_SPACE.sub(" ", parts[i])).replace(";}", "}").replace(": ", ":")
    return "".join(parts).strip() + "\n"


def minify_js(js: str) -> str:
    """Return ``js`` without whole-line comments, indentation and blank lines.

    Line breaks are kept, so automatic semicolon insertion reads the code as before.
    """
    js = _JS_COMMENT_LINE.sub("", js)
    lines = (line.strip() for line in js.splitlines())
    return "\n".join(line for line in lines if line) + "\n"


def minify_theme_assets(site_dir: Path) -> None:
    """Rewrite the site's css/*.css and js/*.js in their minified form."""
    for path in sorted((site_dir / "css").glob("*.css")):
        path.write_text(minify_css(path.read_text(encoding="utf-8")), encoding="utf-8")
    for path in sorted((site_dir / "js").glob("*.js")):
        path.write_text(minify_js(path.read_text(encoding="utf-8")), encoding="utf-8")
