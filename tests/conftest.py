"""Shared fixtures: sites built from copies of source/ in temporary folders."""

from __future__ import annotations

import shutil

import pytest

from tests.helpers import (FIXTURE_TEXTS, SMALL_TEXT, BuiltSite, build, copy_source, make_source,
                           tree_digest)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> BuiltSite:
    """The site built from a copy of source/, as `make site` builds it."""
    base = tmp_path_factory.mktemp("built")
    source = copy_source(base / "source")
    site = base / "site"
    assert build(source, site) == 0
    return BuiltSite(source, site)


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> BuiltSite:
    """A site built from source/ plus every parser fixture text."""
    base = tmp_path_factory.mktemp("fixtures")
    source = copy_source(base / "source")
    for text in FIXTURE_TEXTS.glob("*.txt"):
        shutil.copy(text, source / "texts" / text.name)
    site = base / "site"
    assert build(source, site) == 0
    return BuiltSite(source, site)


@pytest.fixture()
def published(tmp_path):
    """A source folder built once: its site and registry are what must survive."""
    source = make_source(tmp_path / "source", {"statement.txt": SMALL_TEXT})
    site = tmp_path / "site"
    assert build(source, site) == 0
    registry = source / "anchor-registry.json"
    return source, site, registry, tree_digest(site), registry.read_bytes()
