"""Stage 6, site: everything that talks to MkDocs.

The MkDocs side of a build (``plugin``, the ``g7`` plugin: the pages handed to
MkDocs, each page's ``navigation``), the search index (``pagefind``), writing the generated
pages (``writer``), where a build's inputs and outputs are (``build``), the
commands (``commands``), and publishing under a lock through a journal with an
atomic exchange (``publishing``, ``file_writes``). Only the command line and
the benchmark import this package.
"""
