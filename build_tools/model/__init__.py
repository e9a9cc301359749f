"""The frozen types every stage shares, split by what they describe.

- ``source``: what is read from ``source/``: texts, sidecars, the glossary, topics;
- ``document``: a parsed text: sections, paragraphs, items, footnotes;
- ``ids``: permanent ids: placed paragraphs and sections, the anchor registry, identify's report;
- ``notes``: what annotation finds: mentions, topics, related paragraphs, commitments;
- ``site``: what the site is made from and made of: the site data, pages, data files.

A stage imports its types from here, never from another stage. All classes are
frozen: a stage never changes what it was given, it returns new objects. Line
numbers are 1-based lines of the source file, so that any error or finding can
name ``file:line``.
"""
