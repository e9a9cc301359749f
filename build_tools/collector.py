"""The cyclic garbage collector, paused while the build makes many objects and no cycles."""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for the block, then restore it.

    A generation makes millions of small objects and hardly any cycles. The
    collector's passes walk every live object, so with a generation alive they
    cost a quarter of the time at 200 documents, and more in the stages that
    come after it (writing pages) than in the ones that made the objects.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
