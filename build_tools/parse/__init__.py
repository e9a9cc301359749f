"""Stage 2, parse: a raw text → a Document of sections, paragraphs, items and footnotes.

General rules only (``text`` puts them together): web chrome and the dateline
(``chrome``), hard wraps and breaks inside a sentence (``unwrap``), headings and
parts (``headings``), paragraph numbers and labels (``numbers``), list items
(``items``). ``misreads`` names the shapes that usually mean a text was misread;
``outline`` prints what a text is read as.
"""
