"""Stage 3, identify: every section and paragraph gets its permanent id from the registry.

``paragraph_ids.identify`` re-attaches the registry's ids to this build's
paragraphs (``matching``: exact text, then fuzzy words helped by neighbours),
mints ids for new ones (``slugs``) and returns the registry to write after a
successful build; section pages work the same way (``section_ids``).
"""
