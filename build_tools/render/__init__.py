"""Stage 5, render: the annotated corpus → Markdown pages and data files.

Each page is a Markdown file whose body is one HTML block: source text is
escaped data inside it, so no Markdown or template syntax in a text can act.
The page templates are in ``templates/``; the open-data exports (``exports``)
are described by the JSON Schemas in ``schemas/``. Both are package data.
"""
