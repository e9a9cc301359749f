"""Stage 7, check: what MkDocs cannot see, with a finding per problem naming file and line.

``source`` checks the source from the data a generation holds (misread shapes,
sidecar statements, glossary coverage through ``coverage``); ``anchors`` checks a
generation for what MkDocs' own validation cannot see (every paragraph id defined
once, every URL of the exports, redirects and pager resolving, the exports agreeing
with the pages), registering every anchor and then resolving every link; ``deep``
reads a built site back with BeautifulSoup, on demand only.
"""
