"""The search page: the results list theme/js/search.js fills in."""

from __future__ import annotations

from build_tools.model.site import SEARCH_URL, Page
from build_tools.render.env import Templates, make_page, page_meta


def search_page(templates: Templates) -> Page:
    """Return the search page."""
    meta = page_meta("Search", "search")
    return make_page(templates, SEARCH_URL, meta, "search.md.j2")
