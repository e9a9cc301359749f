"""Where a build's inputs and outputs are, as mkdocs.yml and the environment say."""

from __future__ import annotations

import datetime as dt
import os
from html import escape
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.utils.yaml import yaml_load


def build_date() -> str:
    """Return the ISO date recorded for changes: G7_BUILD_DATE, else today."""
    return os.environ.get("G7_BUILD_DATE") or dt.date.today().isoformat()


def source_dir(config) -> Path:
    """Return the source folder named by mkdocs.yml's ``extra.source_dir``."""
    base = Path(config["config_file_path"] or ".").resolve().parent
    return base / (config["extra"].get("source_dir") or "source")


def site_root(config_file: Path) -> str:
    """Return the path the site is served at: that of mkdocs.yml's ``site_url``, else '/'."""
    with open(config_file, encoding="utf-8") as stream:
        site_url = (yaml_load(stream) or {}).get("site_url")
    path = urlsplit(site_url or "/").path
    return path if path.endswith("/") else path + "/"


def generated_dir(config) -> Path:
    """Return the git-ignored folder the pages of a source folder are written to.

    Pages are rewritten only when their content changed, so ``mkdocs serve
    --dirty`` rebuilds only them.
    """
    return pages_folder(source_dir(config), Path(config["config_file_path"] or ".").resolve().parent)


def pages_folder(source: Path, project: Path) -> Path:
    """Return the folder the pages generated from ``source`` go to, for the project at
    ``project``: ``generated/pages`` for its own ``source/``, else a hidden folder
    beside ``source``."""
    source = Path(source).resolve()
    if source == (Path(project) / "source").resolve():
        return Path(project) / "generated" / "pages"
    return source.parent / f".{source.name}-pages"


def error_page(message: str) -> str:
    """Return the Markdown of the page a preview shows when nothing has built yet."""
    return ("---\ntitle: The site cannot be built\nkind: error\n---\n\n"
            "<h1>The site cannot be built</h1>\n"
            f'<pre class="build-error">{escape(message)}</pre>\n'
            "<p>Correct the source: the preview rebuilds when it is saved.</p>\n")


