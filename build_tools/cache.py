"""Caches that live for one process (placeholder; filled in below)."""


def clear() -> None:
    """Forget every cached result."""
