"""Shared fixtures: sites built from copies of source/ in temporary folders."""

from __future__ import annotations

import shutil

import pytest

from tests.helpers import FIXTURE_TEXTS, BuiltSite, build, copy_source


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
