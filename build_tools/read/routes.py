"""The site's own routes: the first URL segments no document may take as its slug.

A document's pages live at ``<slug>/``; every other top-level name of the built
site belongs to the site itself. A test compares this list with the top-level
names of a built site, so a page added under a new name must be listed here.
"""

from __future__ import annotations

RESERVED_ROUTES = frozenset({
    "glossary",     # the glossary and each entry's own list of mentions
    "topics",       # the topic index and one page per topic
    "commitments",  # the commitments index, per document and per topic
    "changes",      # the change history
    "search",       # the search page and its index
    "api",          # the open-data exports
    "assets",       # the anchor map and the glossary definitions for popovers
    "css", "js",    # the theme's files
    "pagefind",     # a Pagefind index, when one is built
    "404",          # the page a host shows for an address the site does not have
    "sitemap",      # sitemap.xml and sitemap.xml.gz, written by MkDocs
    "versions",     # every version of each document, and the compare view
    "full-text",    # each document whole on one page
})

TOPIC_COMMITMENTS_PREFIX = "topic-"
"""A topic's commitments are at ``commitments/topic-<id>/`` beside each document's
``commitments/<slug>/``: a document slug may not start with this."""


def route_conflict(slug: str) -> str | None:
    """Return why ``slug`` cannot name a document's pages, or None when it can."""
    if slug in RESERVED_ROUTES:
        return f"'{slug}/' is a page of the site itself"
    if slug.startswith(TOPIC_COMMITMENTS_PREFIX):
        return (f"'commitments/{slug}/' would be a topic's commitments page "
                f"(a slug may not start with '{TOPIC_COMMITMENTS_PREFIX}')")
    return None
