"""Bad input, publishing: a fault at any step of publishing (an error, a full disk, a
``kill -9``), a second build, a registry that lost records or a restrictive umask never
leaves the site missing, the registry behind the site, or an id given to other words."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from build_tools.site import publishing
from tests.helpers import SMALL_TEXT, build, tree_digest
from tests.publishing_support import (assert_registry_covers_site, build_paused_at, kill_hard,
                                      leftovers, registry_ids, site_ids)

CHANGED_TEXT = SMALL_TEXT + "\n  3. We commit to share information on smuggling networks.\n"
"""The published text with a paragraph more: building it mints a new id."""


@pytest.fixture()
def republish(published):
    """A published site, and its source changed so that the next build mints a new id."""
    source = published[0]
    (source / "texts" / "statement.txt").write_text(CHANGED_TEXT, encoding="utf-8")
    return published


class InjectedFault(OSError):
    """The fault a test injects: an OSError, as a full disk or a lost permission raises."""

    def __init__(self, where: str) -> None:
        super().__init__(errno.EIO, "injected fault", where)


def _inject(monkeypatch, step: str, when: str, source: Path, site: Path, gap: bool = False) -> list[str]:
    """Make publishing's ``step`` fail before or after it runs, checking at that moment that
    the registry covers the site (``gap``: the site may be renamed aside then); return the
    list the wrapper records its call in."""
    real = getattr(publishing, step)
    calls: list[str] = []

    def failing(*args, **kwargs):
        calls.append(step)
        if when == "after":
            real(*args, **kwargs)
        if not (gap and not site.exists()):
            assert_registry_covers_site(source, site)
        raise InjectedFault(step)

    monkeypatch.setattr(publishing, step, failing)
    return calls


def _state(source: Path, site: Path) -> tuple[str, bytes]:
    return tree_digest(site), (source / "anchor-registry.json").read_bytes()


# (step, when, whether the new site is published once the build has returned)
FAULTS = [
    ("write_journal", "before", False), ("write_journal", "after", False),
    ("back_up_registry", "before", False), ("back_up_registry", "after", False),
    ("write_registry", "before", False), ("write_registry", "after", False),
    ("exchange", "before", False), ("exchange", "after", True),
    ("swap_in", "after", True),
    ("remove_journal", "before", True), ("remove_journal", "after", True),
]


@pytest.mark.parametrize("step, when, published_new", FAULTS, ids=[f"{s}-{w}" for s, w, _ in FAULTS])
def test_a_fault_at_any_step_leaves_a_site_and_a_registry_holding_exactly_its_ids(
        republish, monkeypatch, capsys, step, when, published_new):
    source, site, registry, _, _ = republish
    before = _state(source, site)
    calls = _inject(monkeypatch, step, when, source, site)
    assert build(source, site, date="2026-02-01") == 1
    assert calls == [step]
    err = capsys.readouterr().err
    assert f"error: {step}: injected fault" in err and "Traceback" not in err
    assert_registry_covers_site(source, site)
    assert site_ids(site) == registry_ids(registry), "the registry holds ids the site never published"
    if published_new:
        assert "statement-cooperation-3" in site_ids(site)
    else:
        assert _state(source, site) == before
    assert leftovers(source, site) == []
    monkeypatch.undo()
    assert build(source, site, date="2026-02-01") == 0
    assert "statement-cooperation-3" in site_ids(site) and site_ids(site) == registry_ids(registry)


FALLBACK_FAULTS = [("rename_aside", "before", False), ("rename_aside", "after", False),
                   ("swap_in", "after", True)]


@pytest.mark.parametrize("step, when, published_new", FALLBACK_FAULTS,
                         ids=[f"{s}-{w}" for s, w, _ in FALLBACK_FAULTS])
def test_where_folders_cannot_be_exchanged_a_fault_between_the_two_renames_puts_the_site_back(
        republish, monkeypatch, capsys, step, when, published_new):
    source, site, registry, _, _ = republish
    before = _state(source, site)
    monkeypatch.setattr(publishing, "exchange", lambda a, b: False)
    _inject(monkeypatch, step, when, source, site, gap=True)
    assert build(source, site, date="2026-02-01") == 1
    assert "injected fault" in capsys.readouterr().err
    assert_registry_covers_site(source, site)
    if not published_new:
        assert _state(source, site) == before
    assert site_ids(site) == registry_ids(registry)
    assert leftovers(source, site) == []


def test_a_fault_while_removing_the_previous_site_is_a_warning_and_the_next_build_removes_it(
        republish, monkeypatch, capsys):
    source, site, registry, _, _ = republish
    _inject(monkeypatch, "clean_up", "before", source, site)
    assert build(source, site, date="2026-02-01") == 0
    assert "warning: clean_up: injected fault" in capsys.readouterr().err
    assert "statement-cooperation-3" in site_ids(site) and site_ids(site) == registry_ids(registry)
    assert leftovers(source, site) != []
    monkeypatch.undo()
    assert build(source, site, date="2026-02-01") == 0
    assert "removed leftover" in capsys.readouterr().out
    assert leftovers(source, site) == []


# Where a build is killed, and what the next build says it did about it.
KILLS = [
    ("build_tools.site.publishing:write_journal:after", "rolled back"),
    ("build_tools.site.publishing:write_registry:after", "rolled back"),
    ("build_tools.site.publishing:swap_in:after", "finished"),
    ("build_tools.site.publishing:remove_journal:after", "removed leftover"),  # only the old site was left
    ("build_tools.site.publishing:exchange:false,build_tools.site.publishing:rename_aside:after", "rolled back"),
]


@pytest.mark.parametrize("step, recovery", KILLS, ids=[k.split(",")[-1].split(":", 1)[1] for k, _ in KILLS])
def test_a_build_killed_at_a_step_refuses_no_later_build_and_the_next_one_finishes_or_rolls_back(
        republish, tmp_path, capsys, step, recovery):
    source, site, registry, _, _ = republish
    before = _state(source, site)
    process = build_paused_at(step, tmp_path / "paused", source, site)
    try:
        # While it runs, a second build of the same source is refused.
        assert build(source, site, date="2026-02-01") == 1
        assert "another build is running" in capsys.readouterr().err
    finally:
        kill_hard(process)
    if site.exists():  # only the two-rename fallback has a moment without it
        assert_registry_covers_site(source, site)
    else:
        assert "rename_aside" in step
    assert build(source, site, date="2026-02-01") == 0, "a killed build left its lock behind"
    assert recovery in capsys.readouterr().out
    assert leftovers(source, site) == []
    assert "statement-cooperation-3" in site_ids(site) and site_ids(site) == registry_ids(registry)
    assert before != _state(source, site)


def test_the_exchange_swaps_two_folders_in_one_step(tmp_path):
    new, site = tmp_path / "new", tmp_path / "site"
    new.mkdir()
    site.mkdir()
    (new / "page").write_text("new", encoding="utf-8")
    (site / "page").write_text("old", encoding="utf-8")
    if not publishing.exchange(new, site):
        pytest.skip("this system or file system cannot exchange folders: the two-rename fallback is used")
    assert (site / "page").read_text(encoding="utf-8") == "new"
    assert (new / "page").read_text(encoding="utf-8") == "old"


def test_a_second_build_of_the_same_source_is_refused_with_a_clear_message(published, capsys):
    source, site = published[0], published[1]
    with publishing.build_lock(source, site):
        assert build(source, site) == 1
    err = capsys.readouterr().err
    assert err.strip().splitlines() == [
        f"error: {source.resolve()}: another build is running on this folder: wait for it to finish, "
        "then build again"]
    assert build(source, site) == 0


def test_leftovers_of_an_interrupted_build_are_removed_by_the_next(published, capsys):
    source, site = published[0], published[1]
    (site.parent / f"{site.name}.staging-abc123").mkdir()
    (site.parent / f"{site.name}.staging-abc123" / "index.html").write_text("half a site", encoding="utf-8")
    (source / ".anchor-registry.json.x1y2.tmp").write_text("{", encoding="utf-8")
    (source / ".anchor-registry.json.previous").write_text("{}", encoding="utf-8")
    assert build(source, site) == 0
    assert capsys.readouterr().out.count("removed leftover") == 3
    assert leftovers(source, site) == []


# ------------------------------------------------------------------ system errors

def test_a_source_folder_that_cannot_be_written_leaves_the_previous_site_and_registry(
        republish, monkeypatch, capsys):
    """The registry cannot be written (read-only folder, full disk): nothing is published."""
    import tempfile

    source, site, registry, _, _ = republish
    before = _state(source, site)
    real = tempfile.mkstemp

    def refuse_in_source(*args, **kwargs):
        if Path(kwargs.get("dir", "")).resolve() == source.resolve():
            raise PermissionError(errno.EACCES, "Permission denied", str(source))
        return real(*args, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", refuse_in_source)
    assert build(source, site, date="2026-02-01") == 1
    err = capsys.readouterr().err
    assert f"error: {source}: Permission denied" in err and "Traceback" not in err
    assert _state(source, site) == before
    assert_registry_covers_site(source, site)


def test_a_full_disk_while_building_the_site_is_one_line_and_loses_nothing(republish, monkeypatch, capsys):
    source, site, _, _, _ = republish
    before = _state(source, site)
    from build_tools.site import plugin

    def disk_full(pages, site_dir):
        raise OSError(errno.ENOSPC, "No space left on device", str(site_dir / "pagefind" / "pagefind-entry.json"))

    monkeypatch.setattr(plugin, "write_search_index", disk_full)
    assert build(source, site, date="2026-02-01") == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].endswith("pagefind-entry.json: No space left on device")
    assert _state(source, site) == before
    assert leftovers(source, site) == []


def test_a_text_that_cannot_be_read_is_one_line_naming_it(published, monkeypatch, capsys):
    source = published[0]
    text = source / "texts" / "statement.txt"
    real = Path.read_bytes

    def denied(path):
        if path == text:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", denied)
    assert build(source, published[1]) == 1
    assert capsys.readouterr().err == f"error: {text}: Permission denied\n"


def test_a_registry_nested_a_hundred_thousand_deep_is_one_line_with_its_line(published, capsys):
    source = published[0]
    registry = source / "anchor-registry.json"
    registry.write_text('{\n"format": "g7-anchor-registry/1",\n"sections": ' + "[" * 100_000 + "]" * 100_000
                        + ',\n"paragraphs": []}\n', encoding="utf-8")
    assert build(source, published[1]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and len(err.splitlines()) == 1
    assert err[:500].startswith(f"error: {registry}:3: nested more than")


# ------------------------------------------------------------------ modes

@pytest.mark.parametrize("umask", [0o022, 0o027], ids=["umask-022", "umask-027"])
def test_published_files_get_the_ordinary_modes_of_the_umask(tmp_path, umask):
    from tests.helpers import make_source

    source = make_source(tmp_path / "source", {"statement.txt": SMALL_TEXT})
    site = tmp_path / "site"
    previous = os.umask(umask)
    try:
        assert build(source, site) == 0
        assert build(source, site, date="2026-02-01") == 0  # the exchange, and a registry rewritten
        (source / "texts" / "statement.txt").write_text(CHANGED_TEXT, encoding="utf-8")
        assert build(source, site, date="2026-02-02") == 0
    finally:
        os.umask(previous)
    folder_mode, file_mode = 0o777 & ~umask, 0o666 & ~umask
    assert stat.S_IMODE(site.stat().st_mode) == folder_mode
    for path in site.rglob("*"):
        assert stat.S_IMODE(path.stat().st_mode) == (folder_mode if path.is_dir() else file_mode), path
    assert stat.S_IMODE((source / "anchor-registry.json").stat().st_mode) == file_mode


# ------------------------------------------------------------------ ids deleted from the registry

def _delete_record(registry: Path, pid: str) -> str:
    """Delete the paragraph record ``pid`` from the registry file as a hand edit would;
    return the file's new text."""
    import json

    data = json.loads(registry.read_text(encoding="utf-8"))
    data["paragraphs"] = [r for r in data["paragraphs"] if r["id"] != pid]
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    registry.write_text(text, encoding="utf-8")
    return text


def test_an_id_deleted_from_the_registry_by_hand_stops_the_build_and_is_not_minted_again(published, capsys):
    source, site, registry, site_digest, _ = published
    edited = _delete_record(registry, "statement-cooperation-2")
    assert build(source, site) == 1
    err = capsys.readouterr().err
    assert f"error: {registry}: id 'statement-cooperation-2' was published" in err
    assert "missing from the registry" in err
    assert registry.read_text(encoding="utf-8") == edited
    assert tree_digest(site) == site_digest


def test_the_check_reports_an_id_the_published_site_shows_that_the_registry_lacks(published, capsys):
    from build_tools.site.commands import run_check
    from tests.helpers import ROOT

    source, site, registry, _, _ = published
    _delete_record(registry, "statement-cooperation-1")
    assert run_check(source, site, ROOT / "mkdocs.yml") == 1
    out = capsys.readouterr().out
    assert f"{registry}:0: error: id 'statement-cooperation-1' was published" in out
