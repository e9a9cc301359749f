"""Stage 1, read: ``source/`` on disk → texts, sidecars, glossary, topics, the registry.

The only stage that opens source files; everything after it is pure. Every YAML
file goes through one loader (``yaml_io``), and every slug, prefix and link is
checked here (``source_names``) before anything is written.
"""
