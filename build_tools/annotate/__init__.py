"""Stage 4, annotate: what the identified corpus says about itself.

``corpus.annotate_corpus`` runs each kind of annotation in turn: glossary
mentions (``terms``: one pass per text, a token trie), topics (``topics``),
related paragraphs (``related``: TF-IDF, one sparse matrix product),
references to parts of published documents (``references``) and commitment
sentences (``commitments``, over ``sentences``).
"""
