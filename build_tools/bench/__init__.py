"""The benchmark (``python -m build_tools bench``, ``make bench``) and the synthetic corpora
it times: what a user waits for in ``make site`` and ``make serve``."""
