"""A document's versions from the registry's history: a day's second build recorded in the
registry (read back; registries written before still read), and the text at a version."""

from __future__ import annotations

import json

import pytest

from build_tools.identify.paragraph_ids import identify
from build_tools.model.ids import Registry
from build_tools.model.versions import Version, document_versions, text_at
from build_tools.read.registry import RegistryError, dumps_registry, parse_registry
from tests.test_identify import PREFIXES, UKRAINE, communique

DAY1, DAY2 = "2026-02-01", "2026-03-01"


def registry_after(*builds) -> Registry:
    """Return the registry after the builds ((document, date) each), written and read back."""
    registry = Registry()
    for doc, date in builds:
        registry = parse_registry(dumps_registry(identify((doc,), registry, date, PREFIXES).registry), "r.json")
    return registry


def test_two_builds_that_change_a_document_on_one_day_are_two_versions():
    amended = communique(ukraine=(UKRAINE[0] + " Again.",) + UKRAINE[1:])
    twice = communique(ukraine=(UKRAINE[0] + " Again and again.",) + UKRAINE[1:])
    registry = registry_after((communique(), DAY1), (amended, DAY2), (twice, DAY2))
    assert document_versions(registry)["com"] == (Version(DAY1), Version(DAY2), Version(DAY2, 2))
    assert Version(DAY2, 2).id == "2026-03-01-2" and Version(DAY2, 2).name == "1 March 2026 (2)"
    first = next(r for r in registry.paragraphs if r.history[-1].text.endswith("Again and again."))
    assert [(h.date, h.seq) for h in first.history] == [(DAY1, 1), (DAY2, 1), (DAY2, 2)]


def test_a_rebuild_that_changes_nothing_adds_no_version():
    registry = registry_after((communique(), DAY1), (communique(), DAY1), (communique(), DAY2))
    assert document_versions(registry)["com"] == (Version(DAY1),)


def test_the_text_at_a_version_is_each_paragraph_as_it_stood_then():
    amended = communique(ukraine=(UKRAINE[0] + " Again.",) + UKRAINE[2:])
    registry = registry_after((communique(), DAY1), (amended, DAY2))
    before = text_at(registry.paragraphs, "com", Version(DAY1), {})
    after = text_at(registry.paragraphs, "com", Version(DAY2), {})
    assert [p.text for p in before if "ukraine" in p.section_url] == list(UKRAINE)
    assert [p.text for p in after if "ukraine" in p.section_url] == [UKRAINE[0] + " Again.", *UKRAINE[2:]]
    assert [p.label for p in after if "ukraine" in p.section_url] == ["1", "2", "3", "4"]


def test_a_registry_without_build_numbers_reads_as_one_version_a_day():
    text = dumps_registry(registry_after((communique(), DAY1)))
    assert '"seq"' not in text
    assert document_versions(parse_registry(text, "r.json"))["com"] == (Version(DAY1),)


def test_a_bad_build_number_is_refused_with_its_line():
    data = json.loads(dumps_registry(registry_after((communique(), DAY1))))
    data["paragraphs"][0]["history"][0]["seq"] = 1
    with pytest.raises(RegistryError, match=r"r\.json:\d+: 'seq' of a history entry"):
        parse_registry(json.dumps(data, indent=2), "r.json")
