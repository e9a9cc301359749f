"""Permanent ids through edits: each scenario rebuilds on the previous registry."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from build_tools.identify.matching import (MATCH_THRESHOLD, NEIGHBOUR_BONUS, RAW_FLOOR, Match,
                                           NewParagraph, OldParagraph, match_paragraphs, similarity,
                                           word_tokens)
from build_tools.identify.paragraph_ids import identify
from build_tools.model.document import Document, Item, Paragraph, Section
from build_tools.model.ids import Identified, Registry
from build_tools.model.source import SourceText
from build_tools.parse.text import parse_text
from build_tools.read.fingerprints import fingerprint
from build_tools.read.registry import dumps_registry, parse_registry
from build_tools.render.exports import redirects
from tests.helpers import anchors_export

DAY1, DAY2, DAY3 = "2024-10-11", "2024-11-02", "2025-01-15"
PREFIXES = {"com": "g7"}

UKRAINE = (
    "We reiterate our unwavering commitment to stand with Ukraine as it defends its freedom and sovereignty.",
    "The full-scale invasion has caused a humanitarian crisis and displaced large numbers of people across the region.",
    "It is a priority to protect displaced Ukrainians and to address the risk of exploitation by criminal networks.",
    "We condemn all crimes committed in the context of the war; there must be no impunity for atrocities.",
    "We expect the Roma-Lyon Group to help Ukraine monitor stocks of firearms and prevent their trafficking.",
)
MIDDLE_EAST = (
    "We condemn the horrific terrorist attacks of October 7 and call for the release of all remaining hostages.",
    "We remain deeply concerned for the humanitarian situation in Gaza and urge a sustained increase in assistance.",
    "We are determined to address the escalation of the crisis and its impact on our communities at home.",
    "We reaffirm our cooperation with the Global Internet Forum to Counter Terrorism and welcome smaller platforms.",
)
MIGRATION = (
    "Migrant smuggling and trafficking in persons pose serious and life-threatening dangers to the most vulnerable.",
    "We commit to a whole-of-route approach, working across countries of origin, transit and destination alike.",
    "We will foster integrated border management and more effective interception and prosecution of smugglers.",
)


def paragraphs(*texts: str) -> tuple[Paragraph, ...]:
    """Return numbered paragraphs 1..n with the given texts."""
    return tuple(Paragraph(str(n), True, f"{n}.", text) for n, text in enumerate(texts, 1))


def document(slug: str = "com", *sections: tuple[str | None, tuple[str, ...]]) -> Document:
    """Return a document of (title, paragraph texts) sections."""
    return Document(slug, slug.title(), Path(f"{slug}.txt"),
                    sections=tuple(Section(title, paragraphs=paragraphs(*texts)) for title, texts in sections))


def communique(ukraine=UKRAINE, middle_east=MIDDLE_EAST, migration=MIGRATION,
               titles=("Ukraine", "Middle East", "Migration")) -> Document:
    """Return the test communiqué with the given paragraph texts and section titles."""
    return document("com", *zip(titles, (ukraine, middle_east, migration)))


def build(documents, registry: Registry, today: str) -> Identified:
    """Return identify's result after checking the invariants every build keeps."""
    result = identify(tuple(documents), registry, today, PREFIXES)
    new_ids = [r.id for r in result.registry.paragraphs]
    assert len(new_ids) == len(set(new_ids)), "an id appears twice in the registry"
    assert {r.id for r in registry.paragraphs} <= set(new_ids), "an id was dropped"
    placed_ids = [p.id for p in result.paragraphs]
    assert len(placed_ids) == len(set(placed_ids)), "two paragraphs share an id"
    text = dumps_registry(result.registry)
    assert parse_registry(text, "reg.json") == result.registry
    return result


def first_build() -> Identified:
    return build([communique()], Registry(), DAY1)


def id_of(result: Identified, text: str) -> str:
    return next(p.id for p in result.paragraphs if p.paragraph.text == text)


def record(result: Identified, paragraph_id: str):
    return next(r for r in result.registry.paragraphs if r.id == paragraph_id)


def published_text(result: Identified) -> dict[str, str]:
    return {p.id: p.paragraph.text for p in result.paragraphs}


def assert_old_ids_keep_their_words(before: Identified, after: Identified, except_ids=()) -> None:
    """Every id published before shows the same words now, or a notice with them."""
    now = published_text(after)
    for paragraph_id, text in published_text(before).items():
        if paragraph_id in except_ids:
            continue
        if paragraph_id in now:
            assert now[paragraph_id] == text, paragraph_id
        else:
            kept = record(after, paragraph_id)
            assert kept.status == "removed" and kept.text == text, paragraph_id


# ------------------------------------------------------------- first build


def test_first_build_mints_readable_ids_from_prefix_section_and_label():
    result = first_build()
    assert [p.id for p in result.paragraphs[:2]] == ["g7-ukraine-1", "g7-ukraine-2"]
    assert result.paragraphs[5].id == "g7-middle-east-1"
    assert result.paragraphs[5].url == "com/middle-east/#g7-middle-east-1"
    assert all(p.status == "new" for p in result.paragraphs)
    assert record(result, "g7-ukraine-1").history[0].event == "published"
    assert record(result, "g7-ukraine-1").history[0].date == DAY1


def test_prefix_defaults_to_the_document_slug():
    result = identify((communique(),), Registry(), DAY1)
    assert result.paragraphs[0].id == "com-ukraine-1"


def test_untitled_single_section_lives_on_the_document_page():
    result = build([document("note", (None, ("First words of the note.", "Second words.")))], Registry(), DAY1)
    assert result.sections[0].id == "" and result.sections[0].url == "note/"
    assert [p.id for p in result.paragraphs] == ["note-1", "note-2"]
    assert result.paragraphs[0].url == "note/#note-1"
    assert result.registry.sections[0].id == "note"


def test_untitled_sections_of_a_longer_document_get_positional_page_ids():
    doc = document("decl", (None, ("Opening words of the declaration.",)), ("Trade", ("We support open trade.",)))
    result = build([doc], Registry(), DAY1)
    assert [s.id for s in result.sections] == ["introduction", "trade"]


def test_same_label_twice_in_a_section_gets_a_fresh_variant():
    doc = document("d", ("Trade", ()))
    doc = replace(doc, sections=(Section("Trade", paragraphs=(Paragraph("1", True, "1.", "Alpha beta gamma."),
                                                                Paragraph("1", True, "1.", "Delta epsilon."))),))
    result = build([doc], Registry(), DAY1)
    assert [p.id for p in result.paragraphs] == ["d-trade-1", "d-trade-1-b"]


def test_items_count_as_part_of_the_paragraph_text():
    doc = document("d", ("Trade", ()))
    items = (Item("a)", "reduce tariffs;", 3), Item("b)", "remove quotas.", 4))
    doc = replace(doc, sections=(Section("Trade", paragraphs=(Paragraph("1", True, "1.", "We will:", items),)),))
    result = build([doc], Registry(), DAY1)
    assert record(result, "d-trade-1").text == "We will:\na) reduce tariffs;\nb) remove quotas."


# ------------------------------------------------------------- edits


def test_rebuilding_the_same_text_gives_a_byte_identical_registry():
    first = first_build()
    second = build([communique()], first.registry, DAY2)
    assert dumps_registry(second.registry) == dumps_registry(first.registry)
    assert second.report.kept == tuple(p.id for p in first.paragraphs)
    assert all(p.status == "current" for p in second.paragraphs)


def test_rebuilding_an_edited_text_twice_changes_nothing_the_second_time():
    first = first_build()
    edited = communique(ukraine=UKRAINE[:1] + ("A brand new paragraph about demining support.",) + UKRAINE[1:])
    second = build([edited], first.registry, DAY2)
    third = build([edited], second.registry, DAY3)
    assert dumps_registry(third.registry) == dumps_registry(second.registry)


def test_paragraph_inserted_mid_section_renumbers_the_rest_and_keeps_their_ids():
    first = first_build()
    inserted = "A brand new paragraph about demining support and the clearance of explosive remnants."
    second = build([communique(ukraine=UKRAINE[:2] + (inserted,) + UKRAINE[2:])], first.registry, DAY2)
    assert_old_ids_keep_their_words(first, second)
    new_id = id_of(second, inserted)
    assert new_id == "g7-ukraine-3-b"  # 'g7-ukraine-3' names other words
    assert second.report.new == (new_id,)
    assert set(second.report.renumbered) == {"g7-ukraine-3", "g7-ukraine-4", "g7-ukraine-5"}
    moved_on = record(second, "g7-ukraine-3")
    assert moved_on.label == "4" and moved_on.status == "current"
    assert moved_on.history[-1].event == "renumbered" and moved_on.history[-1].date == DAY2


def test_deleted_paragraph_id_resolves_to_a_removal_notice_with_its_last_text():
    first = first_build()
    second = build([communique(ukraine=UKRAINE[:1] + UKRAINE[2:])], first.registry, DAY2)
    assert_old_ids_keep_their_words(first, second)
    gone = record(second, "g7-ukraine-2")
    assert gone.status == "removed"
    assert gone.text == UKRAINE[1]
    assert gone.url == "com/ukraine/#g7-ukraine-2"
    assert (gone.history[-1].event, gone.history[-1].date, gone.history[-1].text) == ("removed", DAY2, UKRAINE[1])
    assert second.report.removed == ("g7-ukraine-2",)


def test_a_new_paragraph_never_takes_the_id_of_a_removed_one():
    first = first_build()
    second = build([communique(ukraine=UKRAINE[:4])], first.registry, DAY2)
    replacement = "Completely different words on the reconstruction conference to be held in Rome next year."
    third = build([communique(ukraine=UKRAINE[:4] + (replacement,))], second.registry, DAY3)
    assert id_of(third, replacement) == "g7-ukraine-5-b"
    assert record(third, "g7-ukraine-5").status == "removed"


def test_typo_fix_keeps_the_id_and_records_the_amendment():
    first = first_build()
    fixed = UKRAINE[2].replace("Ukrainians", "Ukrainian nationals")
    second = build([communique(ukraine=UKRAINE[:2] + (fixed,) + UKRAINE[3:])], first.registry, DAY2)
    assert id_of(second, fixed) == "g7-ukraine-3"
    amended = record(second, "g7-ukraine-3")
    assert amended.status == "amended" and amended.text == fixed
    assert [(h.date, h.event, h.text) for h in amended.history] == [
        (DAY1, "published", UKRAINE[2]), (DAY2, "amended", fixed)]
    assert second.report.amended == ("g7-ukraine-3",)
    assert_old_ids_keep_their_words(first, second, except_ids={"g7-ukraine-3"})


def test_quote_dash_and_whitespace_changes_are_not_amendments():
    first = first_build()
    retyped = "  " + UKRAINE[1].replace("full-scale", "full\u2011scale").replace("The ", "The   ") + "\n"
    second = build([communique(ukraine=(UKRAINE[0], retyped) + UKRAINE[2:])], first.registry, DAY2)
    assert second.paragraphs[1].status == "current"
    assert dumps_registry(second.registry) == dumps_registry(first.registry)


def test_swapped_paragraphs_keep_their_ids_under_their_new_labels():
    first = first_build()
    swapped = (UKRAINE[1], UKRAINE[0]) + UKRAINE[2:]
    second = build([communique(ukraine=swapped)], first.registry, DAY2)
    assert_old_ids_keep_their_words(first, second)
    assert [p.id for p in second.paragraphs[:2]] == ["g7-ukraine-2", "g7-ukraine-1"]
    assert record(second, "g7-ukraine-1").label == "2"
    assert set(second.report.renumbered) == {"g7-ukraine-1", "g7-ukraine-2"}


def test_paragraph_moved_to_another_section_keeps_its_id_at_its_new_url():
    first = first_build()
    second = build([communique(ukraine=UKRAINE[:4], migration=MIGRATION + (UKRAINE[4],))], first.registry, DAY2)
    assert_old_ids_keep_their_words(first, second)
    moved = record(second, "g7-ukraine-5")
    assert (moved.status, moved.section, moved.label) == ("moved", "migration", "4")
    assert moved.url == "com/migration/#g7-ukraine-5"
    assert moved.history[-1].event == "moved"
    assert second.report.moved == ("g7-ukraine-5",)


def test_paragraph_moved_to_another_document_keeps_its_id():
    first = build([communique(), document("plan", ("Actions", ("We adopt the action plan on smuggling.",)))],
                  Registry(), DAY1)
    second = build([communique(migration=MIGRATION[:2]),
                    document("plan", ("Actions", ("We adopt the action plan on smuggling.", MIGRATION[2])))],
                   first.registry, DAY2)
    assert_old_ids_keep_their_words(first, second)
    assert record(second, "g7-migration-3").url == "plan/actions/#g7-migration-3"


def test_amended_and_moved_paragraph_keeps_its_id():
    first = first_build()
    edited = UKRAINE[4].replace("firearms", "small arms and light weapons")
    second = build([communique(ukraine=UKRAINE[:4], migration=MIGRATION + (edited,))], first.registry, DAY2)
    assert id_of(second, edited) == "g7-ukraine-5"
    assert record(second, "g7-ukraine-5").url == "com/migration/#g7-ukraine-5"


def test_split_paragraph_gives_its_id_to_the_first_part_and_names_all_parts():
    first = first_build()
    head, tail = "We condemn all crimes committed in the context of the war;", \
        "there must be no impunity for atrocities."
    second = build([communique(ukraine=UKRAINE[:3] + (head, tail) + UKRAINE[4:])], first.registry, DAY2)
    tail_id = id_of(second, tail)
    assert id_of(second, head) == "g7-ukraine-4"
    split = record(second, "g7-ukraine-4")
    assert split.status == "split"
    assert split.successors == ("g7-ukraine-4", tail_id)
    assert tail_id not in {r.id for r in first.registry.paragraphs}
    assert second.report.split == ("g7-ukraine-4",)
    exported = next(a for a in anchors_export(second.registry) if a["id"] == "g7-ukraine-4")
    assert exported["successors"] == ["g7-ukraine-4", tail_id]
    assert exported["history"][0]["text"] == UKRAINE[3]
    assert_old_ids_keep_their_words(first, second, except_ids={"g7-ukraine-4"})


def test_merged_paragraphs_point_the_second_id_at_the_first():
    first = first_build()
    merged = UKRAINE[1] + " " + UKRAINE[2]
    second = build([communique(ukraine=(UKRAINE[0], merged) + UKRAINE[3:])], first.registry, DAY2)
    assert id_of(second, merged) == "g7-ukraine-2"
    survivor, absorbed = record(second, "g7-ukraine-2"), record(second, "g7-ukraine-3")
    assert survivor.status == "amended" and survivor.history[-1].event == "merged"
    assert absorbed.status == "merged" and absorbed.successors == ("g7-ukraine-2",)
    assert absorbed.url == "com/ukraine/#g7-ukraine-2"
    assert absorbed.text == UKRAINE[2]
    assert second.report.merged == ("g7-ukraine-3",)
    assert_old_ids_keep_their_words(first, second, except_ids={"g7-ukraine-2", "g7-ukraine-3"})


def test_merged_id_follows_its_successor_when_that_moves_later():
    first = first_build()
    merged = UKRAINE[1] + " " + UKRAINE[2]
    second = build([communique(ukraine=(UKRAINE[0], merged) + UKRAINE[3:])], first.registry, DAY2)
    third = build([communique(ukraine=(UKRAINE[0],) + UKRAINE[3:], migration=MIGRATION + (merged,))],
                  second.registry, DAY3)
    assert record(third, "g7-ukraine-2").url == "com/migration/#g7-ukraine-2"
    assert record(third, "g7-ukraine-3").url == "com/migration/#g7-ukraine-2"
    assert record(third, "g7-ukraine-3").history == record(second, "g7-ukraine-3").history


def test_paragraph_that_gained_a_sentence_is_amended_not_merged_with_a_new_one():
    first = first_build()
    longer = UKRAINE[0] + " We will support its recovery."
    second = build([communique(ukraine=(longer,) + UKRAINE[1:])], first.registry, DAY2)
    assert id_of(second, longer) == "g7-ukraine-1"
    assert second.report.amended == ("g7-ukraine-1",) and not second.report.new


def test_rewritten_paragraph_below_the_threshold_is_not_forced_onto_the_old_id():
    first = first_build()
    rewritten = "Sanctions on the Russian financial sector will be tightened by all members in coming months."
    second = build([communique(ukraine=UKRAINE[:4] + (rewritten,))], first.registry, DAY2)
    assert id_of(second, rewritten) != "g7-ukraine-5"
    assert record(second, "g7-ukraine-5").status == "removed"


def test_removed_words_that_come_back_get_their_old_id_back():
    first = first_build()
    second = build([communique(ukraine=UKRAINE[:4])], first.registry, DAY2)
    third = build([communique()], second.registry, DAY3)
    restored = record(third, "g7-ukraine-5")
    assert restored.status == "current" and restored.url == "com/ukraine/#g7-ukraine-5"
    assert [h.event for h in restored.history] == ["published", "removed", "restored"]
    assert third.report.restored == ("g7-ukraine-5",)


def test_renamed_section_keeps_its_page_id_and_records_the_old_url():
    first = first_build()
    renamed = ("Ukraine", "Middle East and Terrorism", "Migration")
    second = build([communique(titles=renamed)], first.registry, DAY2)
    assert_old_ids_keep_their_words(first, second)
    section = second.sections[1]
    assert (section.id, section.url) == ("middle-east", "com/middle-east-and-terrorism/")
    saved = next(s for s in second.registry.sections if s.id == "com/middle-east")
    assert saved.status == "renamed" and saved.previous_urls == ("com/middle-east/",)
    assert redirects(second.registry) == {"com/middle-east/": "com/middle-east-and-terrorism/"}
    assert record(second, "g7-middle-east-1").url == "com/middle-east-and-terrorism/#g7-middle-east-1"
    assert second.report.sections.renamed == (("com/middle-east", "com/middle-east/",
                                                "com/middle-east-and-terrorism/"),)


def test_renaming_a_section_back_drops_the_redirect_to_itself():
    first = first_build()
    renamed = build([communique(titles=("Ukraine", "Middle East and Terrorism", "Migration"))],
                    first.registry, DAY2)
    back = build([communique()], renamed.registry, DAY3)
    saved = next(s for s in back.registry.sections if s.id == "com/middle-east")
    assert saved.url == "com/middle-east/"
    assert saved.previous_urls == ("com/middle-east-and-terrorism/",)
    assert redirects(back.registry) == {"com/middle-east-and-terrorism/": "com/middle-east/"}


def test_new_section_never_takes_an_old_url_of_a_renamed_one():
    first = first_build()
    renamed = build([communique(titles=("Ukraine", "Gaza", "Migration"))], first.registry, DAY2)
    again = build([document("com", ("Ukraine", UKRAINE), ("Gaza", MIDDLE_EAST), ("Migration", MIGRATION),
                            ("Middle East", ("New words about regional stability and dialogue.",)))],
                  renamed.registry, DAY3)
    assert again.sections[3].url == "com/middle-east-2/"
    assert redirects(again.registry)["com/middle-east/"] == "com/gaza/"


def test_inserted_section_gets_its_own_page_and_leaves_the_others_alone():
    first = first_build()
    second = build([document("com", ("Ukraine", UKRAINE), ("Iran", ("We urge Iran to cease its escalation.",)),
                             ("Middle East", MIDDLE_EAST), ("Migration", MIGRATION))], first.registry, DAY2)
    assert_old_ids_keep_their_words(first, second)
    assert [s.id for s in second.sections] == ["ukraine", "iran", "middle-east", "migration"]
    assert second.report.sections.new == ("com/iran",)
    assert second.report.new == ("g7-iran-1",)
    assert not second.report.moved and not second.report.renumbered


def test_removed_section_redirects_to_its_document_page():
    first = first_build()
    second = build([document("com", ("Ukraine", UKRAINE), ("Middle East", MIDDLE_EAST))], first.registry, DAY2)
    assert redirects(second.registry) == {"com/migration/": "com/"}
    assert record(second, "g7-migration-1").url == "com/#g7-migration-1"
    assert second.report.sections.removed == ("com/migration",)


def test_new_document_gets_new_ids_and_leaves_the_others_alone():
    first = first_build()
    summary = document("summary", (None, ("The ministers adopted an action plan.", "It has five pillars.")))
    second = build([communique(), summary], first.registry, DAY2)
    assert_old_ids_keep_their_words(first, second)
    assert second.report.new == ("summary-1", "summary-2")
    assert len(second.report.kept) == len(first.paragraphs)


def test_report_summary_counts_each_category():
    first = first_build()
    fixed = UKRAINE[2].replace("Ukrainians", "Ukrainian nationals")
    second = build([communique(ukraine=UKRAINE[:2] + (fixed,) + UKRAINE[3:4])], first.registry, DAY2)
    lines = second.report.summary().splitlines()
    assert lines[0] == "kept 10"
    assert "amended 1: g7-ukraine-3" in lines and "removed 1: g7-ukraine-5" in lines


def test_anchors_export_lists_every_id_ever_published_with_the_contract_keys():
    first = first_build()
    second = build([communique(ukraine=UKRAINE[:4])], first.registry, DAY2)
    exported = anchors_export(second.registry)
    assert {a["id"] for a in exported} == {p.id for p in first.paragraphs}
    assert all(set(a) == {"id", "status", "url", "successors", "history"} for a in exported)
    assert {a["status"] for a in exported} == {"current", "removed"}


@pytest.mark.parametrize("edit", ["insert", "delete", "swap", "retitle"])
def test_ids_of_other_documents_are_untouched_by_an_edit(edit):
    other = document("other", ("Trade", ("We support a free and open rules-based trading system.",)))
    first = build([communique(), other], Registry(), DAY1)
    ukraine = {"insert": UKRAINE + ("An added paragraph on energy infrastructure repair.",),
               "delete": UKRAINE[1:], "swap": UKRAINE[::-1], "retitle": UKRAINE}[edit]
    title = "Support to Ukraine" if edit == "retitle" else "Ukraine"
    titles = (title, "Middle East", "Migration")
    second = build([communique(ukraine=ukraine, titles=titles), other], first.registry, DAY2)
    assert record(second, "other-trade-1") == record(first, "other-trade-1")
    assert_old_ids_keep_their_words(first, second)


# ------------------------------------------------------------- matcher thresholds


def _old(pid: str, position: int, words: str) -> OldParagraph:
    return OldParagraph(pid, "d", "s", position, fingerprint(words), words)


def _new(index: int, words: str) -> NewParagraph:
    return NewParagraph(index, "d", "s", index, fingerprint(words), words)


def _half_changed(words: str, keep: int) -> str:
    tokens = words.split()
    return " ".join(tokens[:keep] + [f"other{n}" for n in range(len(tokens) - keep)])


BASE = " ".join(f"word{n}" for n in range(20))


def test_similarity_between_floor_and_threshold_needs_agreeing_neighbours():
    # 11 of 20 words kept: ratio 0.55, under MATCH_THRESHOLD, over RAW_FLOOR.
    changed = _half_changed(BASE, 11)
    assert RAW_FLOOR <= similarity(word_tokens(BASE), word_tokens(changed)) < MATCH_THRESHOLD
    before, after = "alpha beta gamma delta", "epsilon zeta eta theta"
    old = [_old("a", 0, before), _old("b", 1, BASE), _old("c", 2, after)]
    with_neighbours = match_paragraphs(old, [_new(0, before), _new(1, changed), _new(2, after)])
    assert Match("amended", ("b",), (1,), round(similarity(word_tokens(BASE), word_tokens(changed))
                                                 + 2 * NEIGHBOUR_BONUS, 4)) in with_neighbours
    alone = match_paragraphs(old, [_new(0, "unrelated words here"), _new(1, changed), _new(2, "more of them")])
    assert not [m for m in alone if "b" in m.old_ids]


def test_similarity_under_the_floor_is_never_matched_even_with_neighbours():
    changed = _half_changed(BASE, 8)  # ratio 0.4
    before, after = "alpha beta gamma delta", "epsilon zeta eta theta"
    old = [_old("a", 0, before), _old("b", 1, BASE), _old("c", 2, after)]
    found = match_paragraphs(old, [_new(0, before), _new(1, changed), _new(2, after)])
    assert [m.kind for m in found] == ["exact", "exact"]


def test_exact_text_twice_goes_to_the_record_in_the_same_section_first():
    words = "We will report on progress at our next meeting."
    old = [_old("in-s1", 0, words), replace(_old("in-s2", 9, words), section="s2")]
    found = match_paragraphs(old, [replace(_new(0, words), section_hint="s2")])
    assert [(m.kind, m.old_ids) for m in found] == [("exact", ("in-s2",))]


def test_fuzzy_matching_is_one_to_one_best_first():
    old = [_old("a", 0, BASE)]
    close, closer = _half_changed(BASE, 16), _half_changed(BASE, 18)
    found = match_paragraphs(old, [_new(0, close), _new(1, closer)])
    assert [(m.kind, m.old_ids, m.new_indices) for m in found] == [("amended", ("a",), (1,))]


# ------------------------------------------------------------- the real communiqué

COMMUNIQUE = Path(__file__).resolve().parents[1] / "source/texts/g7-interior-security-ministers-2024-communique.txt"
REAL_PREFIXES = {"g7-interior-security-ministers-2024-communique": "g7-interior-2024"}


def _parse(text: str) -> Document:
    return parse_text(SourceText(COMMUNIQUE, "g7-interior-security-ministers-2024-communique", text))


@pytest.fixture(scope="module")
def real_first() -> tuple[str, Identified]:
    text = COMMUNIQUE.read_text(encoding="utf-8")
    return text, identify((_parse(text),), Registry(), DAY1, REAL_PREFIXES)


def _rebuild(text: str, registry: Registry) -> Identified:
    result = identify((_parse(text),), registry, DAY2, REAL_PREFIXES)
    assert {r.id for r in registry.paragraphs} <= {r.id for r in result.registry.paragraphs}
    return result


def test_real_communique_gets_readable_ids(real_first):
    _, first = real_first
    assert "g7-interior-2024-preamble-1" in {p.id for p in first.paragraphs}
    assert any(p.id.startswith("g7-interior-2024-irregular-migration") and p.id.endswith("-4")
               for p in first.paragraphs)
    assert len({p.id for p in first.paragraphs}) == len(first.paragraphs)


def test_real_communique_rebuilt_gives_the_same_registry(real_first):
    text, first = real_first
    assert dumps_registry(_rebuild(text, first.registry).registry) == dumps_registry(first.registry)


def test_real_communique_typo_fix_is_one_amendment(real_first):
    text, first = real_first
    assert "Mito Communique" in text
    second = _rebuild(text.replace("Mito Communique", "Mito Communiqué"), first.registry)
    assert second.report.amended == ("g7-interior-2024-preamble-3",)
    assert len(second.report.kept) == len(first.paragraphs) - 1


def test_real_communique_swapped_paragraph_texts_keep_their_ids(real_first):
    text, first = real_first
    one = "reiterate our Leaders’ unwavering commitment"
    two = "The full-scale invasion has caused a humanitarian crisis"
    lines = text.split("\n")
    a = next(i for i, line in enumerate(lines) if one in line)
    b = next(i for i, line in enumerate(lines) if two in line)
    number_a, body_a = lines[a].split(". ", 1)
    number_b, body_b = lines[b].split(". ", 1)
    lines[a], lines[b] = f"{number_a}. {body_b}", f"{number_b}. {body_a}"
    second = _rebuild("\n".join(lines), first.registry)
    assert_old_ids_keep_their_words(first, second)
    assert len(second.report.renumbered) == 2


def test_real_communique_renamed_heading_keeps_page_id_and_ids(real_first):
    text, first = real_first
    second = _rebuild(text.replace("Crimes that affect the environment", "Environmental crime"), first.registry)
    assert_old_ids_keep_their_words(first, second)
    last = second.sections[-1]
    assert last.id == "crimes-that-affect-the-environment" and last.slug == "environmental-crime"
    assert redirects(second.registry) == {
        "g7-interior-security-ministers-2024-communique/crimes-that-affect-the-environment/":
        "g7-interior-security-ministers-2024-communique/environmental-crime/"}


def test_report_summary_names_at_most_ten_ids_per_line():
    result = build([document("big", ("Trade", tuple(f"Distinct words number {n} here." for n in range(12))))],
                   Registry(), DAY1)
    lines = result.report.summary().splitlines()
    assert lines[1].startswith("new 12: big-trade-1, ") and lines[1].endswith("big-trade-10, ...")
    assert lines[2] == "sections new 1: big/trade"


def test_split_id_keeps_naming_its_parts_after_a_later_amendment():
    first = first_build()
    head, tail = "We condemn all crimes committed in the context of the war;", \
        "there must be no impunity for atrocities."
    second = build([communique(ukraine=UKRAINE[:3] + (head, tail) + UKRAINE[4:])], first.registry, DAY2)
    amended_head = head.replace("all crimes", "all the crimes")
    third = build([communique(ukraine=UKRAINE[:3] + (amended_head, tail) + UKRAINE[4:])], second.registry, DAY3)
    assert record(third, "g7-ukraine-4").status == "amended"
    assert record(third, "g7-ukraine-4").successors == record(second, "g7-ukraine-4").successors


def test_large_corpus_with_scattered_edits_is_matched_quickly():
    import random
    import time
    rng = random.Random(7)
    vocabulary = [f"word{n}" for n in range(2000)] + ["the", "of", "and", "we"] * 100
    texts = [" ".join(rng.choice(vocabulary) for _ in range(rng.randint(20, 90))) for _ in range(4000)]
    docs = [document(f"d{k}", *((f"Part {s}", tuple(texts[k * 400 + s * 40: k * 400 + s * 40 + 40]))
                                for s in range(10))) for k in range(10)]
    first = identify(tuple(docs), Registry(), DAY1)
    edited = list(texts)
    for k in rng.sample(range(len(texts)), 200):
        edited[k] = edited[k].replace(" ", " changed ", 1)
    docs = [document(f"d{k}", *((f"Part {s}", tuple(edited[k * 400 + s * 40: k * 400 + s * 40 + 40]))
                                for s in range(10))) for k in range(10)]
    started = time.perf_counter()
    second = identify(tuple(docs), first.registry, DAY2)
    assert time.perf_counter() - started < 10
    assert len(second.report.amended) == 200 and not second.report.new and not second.report.removed
