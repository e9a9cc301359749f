"""The cyclic garbage collector, paused while the build makes many objects and no cycles."""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def paused(keep: bool = False) -> Iterator[None]:
    """Pause the cyclic garbage collector for the block, then restore it.

    A generation makes millions of small objects and hardly any cycles. The
    collector's passes walk every live object, so with a generation alive they
    cost a quarter of the time at 200 documents, and more in the stages that
    come after it (writing pages) than in the ones that made the objects.

    With ``keep``, a block that ends normally sets every object alive aside
    (``gc.freeze``) before the collector resumes: otherwise its first pass walks
    all that the block made (a third of a second at 200 documents) only to find
    them alive. Refcounting still frees them; ``gc.unfreeze`` (the MkDocs hook's,
    after a build) returns them to the collector.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
        if keep and enabled:
            gc.freeze()
    finally:
        if enabled:
            gc.enable()
