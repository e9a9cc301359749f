"""Stage 6, site: everything that talks to MkDocs.

The MkDocs side of a build (``mkdocs_hook``: the pages handed to MkDocs, each
page's navigation, the search index), writing the generated pages (``writer``),
the strict build and the commands (``build``, ``commands``), and publishing
under a lock through a journal with an atomic exchange (``publishing``,
``file_writes``). Only the command line and the benchmark import this package.
"""
