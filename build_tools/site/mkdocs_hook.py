"""MkDocs hook (``hooks:`` in mkdocs.yml): runs the pipeline, hands MkDocs the pages.

Each event does one thing; the work itself lives in the pipeline modules.
"""

from __future__ import annotations

import gc
import logging
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # `mkdocs serve` run from a checkout without `pip install -e`
    sys.path.insert(0, str(ROOT))

from build_tools.errors import BuildError  # noqa: E402
from build_tools.site import build as site_build, navigation, search_index  # noqa: E402
from build_tools.site.minify import minify_theme_assets  # noqa: E402
from build_tools.site.writer import mark_changed, write_pages  # noqa: E402

log = logging.getLogger("mkdocs.hooks.g7")

_generated = None
_page_urls: frozenset = frozenset()
_serving = False
"""True under ``mkdocs serve``: a source error then keeps the preview answering."""
_failure: str | None = None
"""The error the last generation stopped with, shown by the preview (None: it succeeded)."""
_shown_failure: str | None = None
"""The error the pages of the last build show in their banner."""


def on_startup(command, dirty):
    # Called once by `mkdocs serve` and `mkdocs build` (not by our own build command).
    global _serving
    _serving = command == "serve"


def on_config(config):
    # Generate every page before MkDocs looks for files. Under `mkdocs serve`, a source
    # error must not fail the build: MkDocs' server holds every request until a build
    # succeeds. The error is logged, and the preview keeps the last pages that built,
    # or, when none has yet, shows a page saying what is wrong.
    global _generated, _failure
    try:
        _generated, _failure = site_build.generated_for(config), None
    except (BuildError, OSError) as err:
        if not _serving:
            raise PluginError(str(err)) from None
        _failure = str(err)
        log.error("the site cannot be generated: %s", _failure)
    # The generation's millions of objects live through the whole build and hold no
    # garbage: set them aside, so the collector's passes during MkDocs' work skip them.
    gc.freeze()
    return config


def on_files(files: Files, config) -> Files:
    # Add the generated pages (written to disk only when changed) and the data files.
    if _generated is None:  # serving, and nothing has built yet
        files.append(File.generated(config, "index.md", content=site_build.error_page(_failure or "")))
        return files
    global _shown_failure
    folder = site_build.generated_dir(config)
    report = write_pages(_generated.pages, folder)
    if _failure != _shown_failure:
        # Every page shows (or stops showing) the error banner: render them all again.
        mark_changed(_generated.pages, folder)
        _shown_failure = _failure
    site_build.last_write_report = report
    log.info("generated %s", report.summary())
    for page in _generated.pages:
        files.append(File(page.src_uri, str(folder), config["site_dir"], config["use_directory_urls"]))
    for data in _generated.data_files:
        files.append(File.generated(config, data.path, content=data.content))
    return files


def on_nav(nav, config, files):
    # The URLs of the site's pages, gathered once: the theme asks which reference pages
    # exist on every page, and listing nav.pages there made each page cost O(pages).
    global _page_urls
    _page_urls = frozenset(page.url for page in nav.pages)
    return nav


THEME = ROOT / "theme"


def on_env(env, config, files):
    # Our theme escapes every value it prints, as our page templates do: MkDocs' theme
    # environment does not autoescape, so turn it on for our own theme (no base theme)
    # and no other, whose templates are not written for it. The theme marks safe only
    # what MkDocs holds as HTML: page.content and page.title.
    theme = config.theme
    if theme.name is None and theme.custom_dir and Path(theme.custom_dir).resolve() == THEME:
        env.autoescape = True
    return env


def on_page_content(html, page, config, files):
    # The Markdown has been converted: let it go, so that a large site does not hold
    # every page twice until the build ends. Empty, not None: MkDocs gives a page
    # without Markdown no title.
    page.markdown = ""
    return html


def on_page_context(context, page, config, nav):
    # Give the theme the navigation this page carries (not the whole site's).
    context["g7"] = _navigation(page.meta)
    return context


def on_template_context(context, template_name, config):
    # A theme's own page (404.html) has no Markdown page: it carries the navigation
    # of no page in particular. The sitemap, also a theme template, has no use for it.
    if template_name.endswith(".html"):
        context["g7"] = _navigation({})
    return context


def _navigation(meta: dict) -> dict:
    shown = (navigation.page_navigation(_generated.site, meta) if _generated is not None
             else navigation.no_navigation())
    shown["page_urls"] = _page_urls
    # On the last pages that built, a banner says the source has an error since.
    shown["build_error"] = _failure if _generated is not None else None
    return shown


def on_post_page(output, page, config):
    # The page is written once this returns; its HTML is not read again.
    page.content = None
    return output


def on_build_error(error):
    gc.unfreeze()


def on_post_build(config):
    # Replace the search index by one entry per paragraph and glossary entry.
    if _generated is not None:
        search_index.write_search_index(_generated.site, Path(config["site_dir"]))
    # Shrink the theme's CSS and JS as copied into the site.
    minify_theme_assets(Path(config["site_dir"]))
    gc.unfreeze()
