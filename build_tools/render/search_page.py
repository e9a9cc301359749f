"""The search page: the results and filters theme/js/search.js fills in, for a shared ``?q=`` link."""

from __future__ import annotations

from build_tools.model.cache import BuildCache
from build_tools.model.site import SEARCH_URL, Page
from build_tools.render.env import Templates, cached_page, page_meta


def search_page(templates: Templates, cache: BuildCache | None = None) -> Page:
    """Return the search page."""
    meta = page_meta("Search", "search")
    return cached_page(cache, templates, SEARCH_URL, meta, "search.md.j2")
