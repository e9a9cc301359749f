"""The theme's CSS and JS are shrunk safely on their way into the site."""

from __future__ import annotations

from pathlib import Path

from build_tools.site.minify import minify_css, minify_js

THEME = Path(__file__).resolve().parent.parent / "theme"


def test_css_loses_comments_and_layout_whitespace_only():
    css = "/* note */\n.a > .b ,\n.c {\n  color : red;\n  content: \"a  b\";\n}\n"
    assert minify_css(css) == '.a>.b,.c{color :red;content:"a  b"}\n'


def test_js_loses_comment_lines_and_indentation_but_keeps_line_breaks():
    js = "(function () {\n  // why\n  const url = 'http://x//y';\n\n  go(url);\n})();\n"
    assert minify_js(js) == "(function () {\nconst url = 'http://x//y';\ngo(url);\n})();\n"


def test_theme_assets_shrink():
    css = (THEME / "css" / "site.css").read_text(encoding="utf-8")
    js = (THEME / "js" / "site.js").read_text(encoding="utf-8")
    assert len(minify_css(css)) < 0.85 * len(css)
    assert len(minify_js(js)) < 0.9 * len(js)
