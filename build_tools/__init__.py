"""Build tools that publish official G7 texts as a citable MkDocs site.

One module per pipeline stage (read, parse, identify, annotate, render, check),
a thin MkDocs hook and a command line (``python -m build_tools``).
"""
