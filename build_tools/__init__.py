"""Build tools that publish official G7 texts as a citable MkDocs site.

One folder per pipeline stage (read, parse, identify, annotate, render, check)
over the shared types of ``model``; ``pipeline`` runs them in order; ``site``
talks to MkDocs (the ``g7`` plugin, writing, publishing); ``bench`` times it;
``cli`` is the command line (``python -m build_tools``).
"""
