"""The MkDocs plugin ``g7`` (``plugins: [g7]`` in mkdocs.yml): it runs the pipeline and hands
MkDocs the pages, one event at a time; the work itself lives in the pipeline and in site/.

Registered as an entry point of the ``mkdocs.plugins`` group (see pyproject.toml), so any
config names it ``g7`` wherever it is, and ProperDocs, which reads that group too and
maps ``mkdocs.*`` imports to its own modules, loads it as MkDocs does.

Its state lives on the plugin object, nowhere else. Because the class defines
``on_startup``, MkDocs keeps one object for the whole of a ``mkdocs serve`` (and builds
it anew for nothing else): that object holds the BuildCache a preview's rebuilds share,
the last generation that built and the error the source has since.
"""

from __future__ import annotations

import gc
import logging
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from watchdog.observers.polling import PollingObserver

from build_tools.errors import BuildError
from build_tools.model.cache import BuildCache
from build_tools.pipeline import Generated, generate_from
from build_tools.render.env import TEMPLATES
from build_tools.site import navigation
from build_tools.site.build import build_date, error_page, generated_dir, source_dir
from build_tools.site.minify import minify_theme_assets
from build_tools.site.pagefind import BackgroundIndexer, IndexReport, write_search_index
from build_tools.site.writer import WriteReport, mark_changed, require_inside, write_pages

log = logging.getLogger("mkdocs.plugins.g7")

WATCH_INTERVAL = 0.1
"""Seconds between two looks of ``mkdocs serve`` for changed files (MkDocs' own: 0.5)."""


class G7Plugin(BasePlugin):
    """Generates the site's pages and data files and gives them to MkDocs."""

    def __init__(self) -> None:
        self.serving = False
        """True under ``mkdocs serve``: a source error then keeps the preview answering."""
        self.cache: BuildCache | None = None
        """Under ``mkdocs serve``, what a rebuild reuses of the build before (see
        ``model.cache``); None otherwise: every build is made from scratch."""
        self.handed: Generated | None = None
        """A generation the command line made and hands over (``build_tools build``)."""
        self.generation: Generated | None = None
        """What this build shows: handed over, made now, or (serving, after an error) the last
        that built."""
        self.failure: str | None = None
        """The error the last generation stopped with (None: it succeeded)."""
        self.generation_seconds = 0.0
        """What the last generation took (0 when it was handed over)."""
        self.shown_failure: str | None = None
        """The error the pages of the last build show in their banner."""
        self.page_urls: frozenset[str] = frozenset()
        self.write_report: WriteReport | None = None
        """What the preview's last build wrote to the generated folder (None: a build from
        scratch, which hands MkDocs its pages in memory)."""
        self.index_report: IndexReport | None = None
        """What indexing the last build's search pages took, for the command line's report."""
        self.indexer: BackgroundIndexer | None = None
        """Under ``mkdocs serve``, what indexes each rebuild after the preview shows it."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Called once by `mkdocs serve` and `mkdocs build` (not by our own build command).
        # MkDocs keeps this object for the whole `mkdocs serve` (because the class has
        # this method), so the cache it holds lives from one rebuild to the next.
        self.serving = command == "serve"
        self.cache = BuildCache() if self.serving else None
        self.indexer = BackgroundIndexer() if self.serving else None
        if self.serving:
            logging.getLogger("mkdocs.structure.pages").addFilter(links_to_unchanged_pages)

    def on_config(self, config):
        # Generate every page before MkDocs looks for files. Under `mkdocs serve`, a source
        # error must not fail the build: MkDocs' server holds every request until a build
        # succeeds. The error is logged, and the preview keeps the last pages that built,
        # or, when none has yet, shows a page saying what is wrong.
        try:
            if self.handed is not None:
                self.generation, self.generation_seconds = self.handed, 0.0
            else:
                start = time.perf_counter()
                self.generation = self.generate(config)
                self.generation_seconds = time.perf_counter() - start
            self.failure = None
        except (BuildError, OSError) as err:
            if not self.serving:
                raise PluginError(str(err)) from None
            self.failure = str(err)
            log.error("the site cannot be generated: %s", self.failure)
        return config

    def generate(self, config) -> Generated:
        """Return the generation of the site's source, as one build of the preview's cache
        when serving (the collector set aside around it: see ``collector_set_aside``)."""
        if self.cache is None:
            return generate_from(source_dir(config), build_date())
        with collector_set_aside():
            generation = generate_from(source_dir(config), build_date(), self.cache)
        log.debug("the preview's cache keeps %d results", len(self.cache))
        return generation

    def on_serve(self, server, config, builder):
        # MkDocs' server looks for changed files every 0.5 s, a figure neither mkdocs.yml nor
        # the command line can change; a saved edit waits 0.25 s on average for it. Give the
        # server a watcher that looks every WATCH_INTERVAL s instead: what it watched so far
        # (the docs folder, mkdocs.yml) is handed over through its own unwatch and watch.
        watched = []
        for path in (config.docs_dir, config.config_file_path, *config.theme.dirs):
            try:
                server.unwatch(path)
            except KeyError:  # not watched (the theme is only with --watch-theme)
                continue
            watched.append(path)
        server.observer = PollingObserver(timeout=WATCH_INTERVAL)
        for path in watched:
            server.watch(path)
        # A preview rebuilds when a page template of the package changes, wherever it is installed.
        server.watch(str(TEMPLATES))
        return server

    def on_files(self, files: Files, config) -> Files:
        # Add the generated pages (written to disk only when changed) and the data files.
        if self.generation is None:  # serving, and nothing has built yet
            files.append(File.generated(config, "index.md", content=error_page(self.failure or "")))
            return files
        if self.serving:
            self.add_written_pages(files, config)
        else:
            # A build from scratch: MkDocs reads each page from memory, as it does the data
            # files. Writing them out for MkDocs to read back cost about 1.3 s at
            # 200 documents (the build less the floor: 3.4 s before, 2.0 s after).
            for page in self.generation.pages:
                require_inside(page.src_uri, config["site_dir"])
                files.append(File.generated(config, page.src_uri, content=page.content))
        for data in self.generation.data_files:
            require_inside(data.path, config["site_dir"])
            files.append(File.generated(config, data.path, content=data.content))
        return files

    def add_written_pages(self, files: Files, config) -> None:
        """Write the preview's pages to the generated folder, only those whose content changed
        (so that ``mkdocs serve --dirty`` renders only them), and add them to ``files``."""
        folder = generated_dir(config)
        self.write_report = write_pages(self.generation.pages, folder, self.cache)
        if self.failure != self.shown_failure:
            # Every page shows (or stops showing) the error banner: render them all again.
            mark_changed(self.generation.pages, folder)
            self.shown_failure = self.failure
        # The benchmark reads this line (bench.benchmark.serve_rebuilds): keep its shape.
        log.info("generated %s; the generation took %.2f s", self.write_report.summary(),
                 self.generation_seconds)
        for page in self.generation.pages:
            files.append(File(page.src_uri, str(folder), config["site_dir"], config["use_directory_urls"]))
        self.page_urls = frozenset(file.url for file in files.documentation_pages())
        log.info("MkDocs passes by the %d pages built before and unchanged since",
                 set_unchanged_aside(files))

    def on_nav(self, nav, config, files):
        # The URLs of the site's pages, gathered once: the theme asks which reference pages
        # exist on every page, and listing nav.pages there made each page cost O(pages).
        # (A preview has gathered them in on_files: its navigation holds only changed pages.)
        if self.write_report is None:
            self.page_urls = frozenset(page.url for page in nav.pages)
        return nav

    def on_env(self, env, config, files):
        # Our theme escapes every value it prints, as our page templates do, and says so
        # (``autoescape: true`` under ``theme`` in mkdocs.yml): MkDocs' theme environment
        # does not autoescape, so turn it on for that theme and no other, whose templates
        # are not written for it. The theme marks safe only what MkDocs holds as HTML:
        # page.content and page.title.
        if config.theme.get("autoescape") is True:
            env.autoescape = True
        return env

    def on_page_content(self, html, page, config, files):
        # The Markdown has been converted: let it go, so that a large site does not hold
        # every page twice until the build ends. Empty, not None: MkDocs gives a page
        # without Markdown no title.
        page.markdown = ""
        return html

    def on_page_context(self, context, page, config, nav):
        # Give the theme the navigation this page carries (not the whole site's).
        context["g7"] = self.navigation(page.meta)
        return context

    def on_template_context(self, context, template_name, config):
        # A theme's own page (404.html) has no Markdown page: it carries the navigation
        # of no page in particular. The sitemap, also a theme template, has no use for it.
        if template_name.endswith(".html"):
            context["g7"] = self.navigation({})
        return context

    def navigation(self, meta: dict) -> dict:
        """Return what the theme shows around the page whose front matter is ``meta``: its
        navigation, the site's page URLs, and the source's error since the last good build."""
        shown = (navigation.page_navigation(self.generation.site, meta) if self.generation is not None
                 else navigation.no_navigation())
        shown["page_urls"] = self.page_urls
        # On the last pages that built, a banner says the source has an error since.
        shown["build_error"] = self.failure if self.generation is not None else None
        return shown

    def on_post_page(self, output, page, config):
        # The page is written once this returns; its HTML is not read again.
        page.content = None
        return output

    def on_post_build(self, config):
        # The search index: Pagefind indexes every section's paragraphs and every glossary
        # entry, from the generation's index pages (not from the pages just built), into
        # pagefind/. A preview does it in the background, and shows the edit meanwhile.
        if self.generation is not None and self.indexer is not None:
            self.indexer.request(self.generation.search_pages, Path(config["site_dir"]))
        elif self.generation is not None:
            self.index_report = write_search_index(self.generation.search_pages, Path(config["site_dir"]))
            log.info(self.index_report.summary())
        # Shrink the theme's CSS and JS as copied into the site.
        minify_theme_assets(Path(config["site_dir"]))
        if self.cache is not None:
            gc.unfreeze()

    def on_build_error(self, error):
        if self.cache is not None:
            gc.unfreeze()


def set_unchanged_aside(files: Files) -> int:
    """Mark every page of a preview's rebuild that ``mkdocs serve --dirty`` would not render
    again (its built HTML is newer than its Markdown) as excluded, so that MkDocs passes it
    by: it still resolves links to the page, but makes no page object, navigation entry or
    sitemap line for it, and does not look at its files twice more. Return how many
    pages are set aside.

    MkDocs' dirty build skips rendering unchanged pages, but still walks every page on every
    rebuild: its navigation alone took 0.2 to 0.3 s at 200 synthetic documents (3,536
    pages). There, MkDocs' share of a rebuild after a one-paragraph edit (the rebuild less
    our generation, inside the serving process, five edits each way taken in turn) was
    1.28 to 2.07 s without this and 0.82 to 1.09 s with it (medians 1.40 and 1.00 s,
    2026-12-01). The home page stays, as MkDocs' navigation needs one, and so does any
    page whose HTML was never built.
    """
    unchanged = [file for file in files.documentation_pages()
                 if file.src_uri != "index.md" and not file.is_modified()]
    for file in unchanged:
        file.inclusion = InclusionLevel.EXCLUDED
    return len(unchanged)


def links_to_unchanged_pages(record: logging.LogRecord) -> bool:
    """Return False for MkDocs' note that a page links to an excluded one: in a preview those
    are the pages ``set_unchanged_aside`` passes by (built and unchanged), and a changed page
    would log one line for each of its links to them."""
    return "which is excluded from the built site" not in record.getMessage()


@contextmanager
def collector_set_aside() -> Iterator[None]:
    """Pause the cyclic garbage collector while a preview's rebuild generates the site, then
    set every object alive aside (``gc.freeze``) until MkDocs has built the pages
    (``on_post_build`` gives them back to it).

    The one place that touches the collector, for ``mkdocs serve`` only. A preview
    keeps its BuildCache (about a million objects at 200 documents) and each rebuild
    makes tens of thousands more that live on: without this, nearly every rebuild
    runs a full collection that walks them all, finds nothing to free (a generation
    makes no cyclic garbage) and costs about 0.2 s of generation, and more during
    MkDocs' build. Measured at 200 synthetic documents, the edit until the preview
    shows it (as ``make bench`` times it, median of four edits, on 2026-12-01): 1.65 s
    with this, 2.04 s without.
    """
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
    gc.freeze()
