"""A label the rules no longer give ('52a', a closing sentence now part of ¶ 52) is forwarded
by the registry to the paragraph that holds its words, and its id never names other words."""

from __future__ import annotations

from dataclasses import replace

from build_tools.identify.paragraph_ids import identify
from build_tools.model.document import Paragraph
from build_tools.model.ids import Registry
from tests.helpers import anchors_export
from tests.test_parse import BALI, parse_file

DAY1, DAY2, DAY3 = "2024-01-10", "2024-02-10", "2024-03-10"


def as_published_before():
    """Return the Bali fixture as the earlier rules read it: its closing sentence a paragraph '52a'."""
    doc = parse_file(BALI)
    section = doc.sections[0]
    last = section.paragraphs[-1]
    (closing,) = last.items
    old = section.paragraphs[:-1] + (
        replace(last, items=()), Paragraph("52a", False, "", closing.text, line=closing.line))
    return replace(doc, sections=(replace(section, paragraphs=old),))


def test_a_label_that_disappears_is_forwarded_to_the_paragraph_holding_its_words() -> None:
    before = identify((as_published_before(),), Registry(), DAY1)
    old_id = before.paragraphs[-1].id
    assert old_id.endswith("-52a")
    after = identify((parse_file(BALI),), before.registry, DAY2)
    survivor = after.paragraphs[-1]
    assert survivor.paragraph.label == "52" and survivor.id == before.paragraphs[-2].id
    assert old_id not in {p.id for p in after.paragraphs}
    record = next(r for r in after.registry.paragraphs if r.id == old_id)
    assert (record.status, record.successors, record.url) == ("merged", (survivor.id,), survivor.url)
    assert after.report.merged == (old_id,)
    assert next(a for a in anchors_export(after.registry) if a["id"] == old_id)["url"] == survivor.url


def test_a_forwarded_id_is_never_given_to_other_words() -> None:
    before = identify((as_published_before(),), Registry(), DAY1)
    old_id = before.paragraphs[-1].id
    after = identify((parse_file(BALI),), before.registry, DAY2)
    doc = parse_file(BALI)
    section = doc.sections[0]
    newcomer = Paragraph("52a", False, "", "Entirely different words about a new subject.")
    later = replace(doc, sections=(replace(section, paragraphs=section.paragraphs + (newcomer,)),))
    third = identify((later,), after.registry, DAY3)
    assert third.paragraphs[-1].id != old_id
    assert next(r for r in third.registry.paragraphs if r.id == old_id).status == "merged"
