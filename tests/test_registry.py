"""The registry file: a damaged file names its line; a sound one round-trips byte for byte."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from build_tools.identify.paragraph_ids import identify
from build_tools.model.document import Document, Paragraph, Section
from build_tools.model.ids import Registry
from build_tools.read.registry import RegistryError, dumps_registry, load_registry, parse_registry
from build_tools.render.exports import redirects
from build_tools.site.publishing import write_registry_atomic

PATH = "source/anchor-registry.json"


def sample_registry() -> Registry:
    """Return the registry of a two-section document after one paragraph was removed."""
    texts = ("We reiterate our support for Ukraine.", "We condemn the attacks and call for restraint.",
             "We welcome the adoption of the action plan on smuggling.")
    paragraphs = tuple(Paragraph(str(n), True, f"{n}.", t) for n, t in enumerate(texts, 1))
    doc = Document("com", "Communiqué", Path("com.txt"),
                   sections=(Section("Ukraine", paragraphs=paragraphs[:2]),
                             Section("Migration – Route", paragraphs=paragraphs[2:])))
    first = identify((doc,), Registry(), "2024-10-11").registry
    shorter = Document("com", "Communiqué", Path("com.txt"),
                       sections=(Section("Ukraine", paragraphs=paragraphs[:1]), doc.sections[1]))
    return identify((shorter,), first, "2024-11-02").registry


def sample_text() -> str:
    return dumps_registry(sample_registry())


def damaged(edit) -> str:
    """Return the sample file after edit(data) changed its decoded JSON."""
    data = json.loads(sample_text())
    edit(data)
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def error_of(text: str) -> RegistryError:
    with pytest.raises(RegistryError) as caught:
        parse_registry(text, PATH)
    return caught.value


def line_holding(text: str, needle: str, occurrence: int = 1) -> int:
    lines = [n for n, line in enumerate(text.splitlines(), 1) if needle in line]
    return lines[occurrence - 1]


# ------------------------------------------------------------- round trip


def test_dumps_then_parse_gives_the_same_registry():
    registry = sample_registry()
    assert parse_registry(dumps_registry(registry), PATH) == registry


def test_dumps_is_byte_stable_and_human_diffable():
    text = sample_text()
    assert dumps_registry(parse_registry(text, PATH)) == text
    assert text.endswith("}\n") and '\n  "paragraphs": [\n' in text
    assert "Communiqué" not in text and "Migration – Route" in text  # ensure_ascii=False
    assert text.count('"id": "com-ukraine-2"') == 1


def test_missing_file_is_an_empty_registry(tmp_path):
    assert load_registry(tmp_path / "anchor-registry.json") == Registry()


def test_write_registry_atomic_writes_what_load_reads_and_leaves_no_temporary(tmp_path):
    path = tmp_path / "anchor-registry.json"
    path.write_text("old contents")
    write_registry_atomic(path, sample_registry())
    assert load_registry(path) == sample_registry()
    assert [p.name for p in tmp_path.iterdir()] == ["anchor-registry.json"]


def test_write_registry_atomic_keeps_the_old_file_when_writing_fails(tmp_path, monkeypatch):
    path = tmp_path / "anchor-registry.json"
    path.write_text("old contents")

    def fail(*args):
        raise OSError("disk full")
    monkeypatch.setattr("build_tools.site.file_writes.os.fsync", fail)
    with pytest.raises(OSError):
        write_registry_atomic(path, sample_registry())
    assert path.read_text() == "old contents"
    assert [p.name for p in tmp_path.iterdir()] == ["anchor-registry.json"]


def test_redirects_are_empty_without_renames():
    assert redirects(sample_registry()) == {}


# ------------------------------------------------------------- damage names the line


def test_bad_json_names_its_line():
    text = sample_text()
    broken = text.replace('"status": "removed",', '"status": "removed"', 1)
    line = line_holding(broken, '"status": "removed"') + 1  # JSON notices the missing comma on the next line
    assert str(error_of(broken)).startswith(f"{PATH}:{line}: not valid JSON")


def test_missing_key_names_the_record_line():
    text = damaged(lambda d: next(r for r in d["paragraphs"] if r["id"] == "com-ukraine-2").pop("label"))
    error = error_of(text)
    assert error.line == line_holding(text, '"id": "com-ukraine-2"') - 1
    assert "paragraph record 'com-ukraine-2' lacks key 'label'" in str(error)


def test_wrong_type_names_the_key_line():
    text = damaged(lambda d: d["paragraphs"][0].update(successors="com-ukraine-2"))
    error = error_of(text)
    assert error.line == line_holding(text, '"successors": "com-ukraine-2"')
    assert "'successors' of paragraph record 'com-ukraine-1' must be a list" in str(error)


def test_unknown_key_is_damage():
    text = damaged(lambda d: d["paragraphs"][0].update(txt="typo"))
    assert "unknown key 'txt'" in str(error_of(text))


def test_duplicate_id_names_both_lines():
    def duplicate(data):
        data["paragraphs"].append(dict(data["paragraphs"][0]))
    text = damaged(duplicate)
    error = error_of(text)
    first_record_line = line_holding(text, '"id": "com-ukraine-1"') - 1
    assert error.line == line_holding(text, '"id": "com-ukraine-1"', 2)
    assert f"(first at line {first_record_line})" in str(error)


def test_duplicate_key_in_a_record_is_damage():
    text = sample_text().replace('"label": "1",', '"label": "1",\n      "label": "2",', 1)
    error = error_of(text)
    assert "key 'label' twice" in str(error)
    assert error.line == line_holding(text, '"label": "2"')


@pytest.mark.parametrize("bad_id", ["com-ukraine-é", "Com-Ukraine-1", "com ukraine 1", "com--1"])
def test_id_that_is_not_lowercase_ascii_names_its_line(bad_id):
    text = sample_text().replace('"id": "com-ukraine-1"', f'"id": "{bad_id}"', 1)
    error = error_of(text)
    assert error.line == line_holding(text, f'"id": "{bad_id}"')
    assert "not lowercase ASCII" in str(error)


def test_successor_that_points_nowhere_is_damage():
    text = damaged(lambda d: d["paragraphs"][0].update(status="split", successors=["com-ukraine-9"]))
    error = error_of(text)
    assert "successor 'com-ukraine-9'" in str(error)
    assert error.line == line_holding(text, '"successors": [')


def test_merged_without_successor_is_damage():
    text = damaged(lambda d: d["paragraphs"][0].update(status="merged"))
    assert "merged but names no successors" in str(error_of(text))


def test_text_edited_by_hand_is_caught_by_its_fingerprint():
    text = sample_text().replace("We reiterate our support", "We reiterate our strong support", 1)
    error = error_of(text)
    assert "does not match its text" in str(error)
    assert error.line == line_holding(text, "our strong support")


def test_unknown_status_and_bad_history_date_are_damage():
    assert "not one of" in str(error_of(damaged(lambda d: d["paragraphs"][0].update(status="gone"))))
    text = damaged(lambda d: d["paragraphs"][0]["history"][0].update(date="11/10/2024"))
    error = error_of(text)
    assert "not YYYY-MM-DD" in str(error) and error.line == line_holding(text, "11/10/2024")


def test_paragraph_naming_an_unknown_section_is_damage():
    text = damaged(lambda d: d["sections"].pop(0))
    assert "names section 'com/ukraine', which is not in sections" in str(error_of(text))


def test_duplicate_section_id_is_damage():
    text = damaged(lambda d: d["sections"].append(dict(d["sections"][0])))
    error = error_of(text)
    assert "duplicate section id 'com/ukraine'" in str(error)


def test_wrong_format_and_non_object_records_are_damage():
    assert "format is" in str(error_of(damaged(lambda d: d.update(format="other/9"))))
    text = damaged(lambda d: d["paragraphs"].append("com-x"))
    error = error_of(text)
    assert "must be a JSON object" in str(error) and error.line == line_holding(text, '"paragraphs": [')


def test_load_registry_names_the_file_of_a_damaged_registry(tmp_path):
    path = tmp_path / "anchor-registry.json"
    path.write_text("{\n  \"format\": \n}\n")
    with pytest.raises(RegistryError, match=rf"^{path}:3: not valid JSON"):
        load_registry(path)


def test_load_registry_rejects_a_file_that_is_not_utf8(tmp_path):
    path = tmp_path / "anchor-registry.json"
    path.write_bytes(b"\xff\xfe{}")
    with pytest.raises(RegistryError, match=rf"^{path}:1: not UTF-8"):
        load_registry(path)
