"""Stage 7, check: what MkDocs cannot see, with a finding per problem naming file and line.

``source`` checks the source from the data a generation holds (misread shapes,
sidecar statements, glossary coverage through ``coverage``); ``site`` reads a
built site back (every internal link and fragment resolves, every paragraph has
one id, the exports match their schemas and the pages).
"""
