"""Commitments: which sentences of the real texts commit their authors, and with what verb."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from build_tools.annotate import commitments
from build_tools.annotate.commitments import commitment_verb, find_commitments
from build_tools.annotate.sentences import split_sentences
from build_tools.model.notes import Commitment
from build_tools.parse.text import parse_text
from build_tools.read.texts import read_source_text

TEXTS = Path(__file__).resolve().parent.parent / "source" / "texts"
SUMMARY = "g7-interior-security-ministers-2024-action-plan-summary"
COMMUNIQUE = "g7-interior-security-ministers-2024-communique"
APULIA = "g7-leaders-2024-apulia-communique"

# Real sentences that commit, each with the verb recorded.
COMMITTING = {
    "we-will": ("We will strengthen our understanding of the threat picture to enable stronger "
                "law enforcement collaboration to dismantle these criminal networks.", "will"),
    "together-we-will": ("Together we will work to strengthen public resilience to and "
                         "awareness of FIMI.", "will"),
    "we-commit-to": ("We commit to identifying and tackling these criminal threats by working "
                     "at all levels.", "commit to"),
    "adverb-before-commit": ("Collectively, as part of a comprehensive approach to addressing "
                             "these challenges, we also commit to working together to combat "
                             "all forms of abuse and exploitation of migrants and displaced "
                             "persons.", "commit to"),
    "we-recommit-to": ("We recommit to preventing and addressing hate and discrimination, and to "
                       "eliminating sexual and gender-based violence.", "commit to"),
    "are-committed-to": ("We are committed to providing our citizens with the highest level of "
                         "security acting decisively and jointly by sharing our best "
                         "resources.", "are committed to"),
    "remain-firmly-committed": ("We remain firmly committed to preventing the proliferation and "
                                "use of all weapons of mass destruction and their means of "
                                "delivery.", "are committed to"),
    "will-remain-committed": ("We will remain committed to sharing experiences and defining "
                              "common investigative models.", "are committed to"),
    "reaffirm-our-commitment": ("Recalling our Apulia G7 Leaders’ Communique, we reaffirm our "
                                "commitment to protecting human rights and fundamental "
                                "freedoms.", "reaffirm commitment to"),
    "apposition-then-reiterate": ("We, the G7 Interior and Security Ministers, reiterate our "
                                  "Leaders’ unwavering commitment to stand with Ukraine as it "
                                  "defends its freedom.", "reaffirm commitment to"),
    "we-intend-to": ("We intend to strengthen our cooperation on this issue, within the scope of "
                     "our respective domestic laws.", "intend to"),
    "we-plan-to": ("We plan to identify individuals who profit from irregular cross-border "
                   "movements.", "plan to"),
    "we-aim-to": ("We aim to identify best practices in this area and make use of these "
                  "measures.", "aim to"),
    "aim-by-year-to": ("To this end, we aim by 2035 to support 200 million more women to join "
                       "the workforce.", "aim to"),
    "will-aim-to": ("We will aim to renew our efforts to take advantage of the potential offered "
                    "by international political cooperation fora.", "aim to"),
    "resolve-in": ("In this sense, we resolve in making full use of the opportunities offered by "
                   "existing frameworks and initiatives.", "resolve to"),
    "call-on": ("We call on digital industry to step up efforts to address the rise in terrorist "
                "and violent extremist content online.", "call on"),
    "call-upon": ("We therefore call upon tech companies, in particular social media platforms, "
                  "to intensify their efforts.", "call on"),
    "call-for-after-and": ("We reiterate and support the Apulia G7 Leaders’ Communique that "
                           "unequivocally condemned the horrific terrorist attacks, and call for "
                           "the immediate release of all remaining hostages.", "call for"),
    "pledge-to": ("We pledge to strengthen our coordinated efforts to better prevent, detect, and "
                  "respond to FIMI threats.", "pledge to"),
    "ever-more-determined": ("Recognizing our common challenges, we are ever more determined to "
                             "tackle them together.", "are determined to"),
    "task-our-ministers": ("In light of the above, we task our relevant Ministers and officials "
                           "to operationalize these commitments.", "task"),
    "third-person-g7-intends": ("Therefore, without prejudice to possible other contributions "
                                "and standing together, the G7 intends to provide financing that "
                                "will be serviced and repaid by future flows.", "intend to"),
    "third-person-g7-will": ("With a view to supporting Ukraine’s needs, the G7 will launch "
                             "“Extraordinary Revenue Acceleration (ERA) Loans for Ukraine”.",
                             "will"),
    "summary-ministers-aim": ("The ministers aim to intensify efforts against organized crime "
                              "groups involved in these activities.", "aim to"),
    "summary-ministers-reaffirmed": ("The Interior and Security Ministers of the G7 have "
                                     "reaffirmed their commitment to tackling migrant smuggling "
                                     "and trafficking in persons.", "reaffirm commitment to"),
    "coordinated-will-after-condemn": ("We strongly condemn the unlawful deportation of Ukrainian "
                                       "civilians, and will continue to follow the progress of "
                                       "the ICC investigations.", "will"),
    "will-colon-subpoints": ("We will: i) work together to improve the fiscal space for food "
                             "security, ii) initiate a collaborative of G7 public development "
                             "banks.", "will"),
}

# Real sentences that commit nothing, or not the authors (the terrorists' and the AI
# sentences are real ones given a 'will', to pin the subordinate-clause rule).
NOT_COMMITTING = {
    "will-of-a-convention": "This Convention will enhance the existing frameworks provided by the "
                            "United Nations Convention against Transnational Organized Crime.",
    "will-of-others-relative": "We welcome the first meeting of experts from chemical analysis "
                               "laboratories of the G7 countries that will take place in Rome.",
    "will-of-terrorists": "Terrorist organizations will continue to leverage social media "
                          "platforms to radicalize individuals.",
    "will-of-ai-after-recognize": "We recognize that AI technology is developing at a rapid pace "
                                  "and will bring risks which may emerge.",
    "recognize-alone": "We recognize value in investing in preventative efforts to support more "
                       "socially cohesive and resilient societies.",
    "welcome-alone": "We welcome the strengthened Gender Equality Advisory Council (GEAC) and its "
                     "recommendations.",
    "acknowledge-alone": "We acknowledge that effective return policies are an essential tool in "
                         "combating migrant smuggling and irregular migration.",
    "condemn-alone": "We condemn all types of crimes committed in the context of Russia’s war.",
    "note-alone": "We note that mutual recognition would be a crucial component of that political "
                  "process.",
    "noun-commitments": "We build on the commitments of the previous G7 Interior and Security "
                        "Ministers’ Meetings, including the Mito Communique.",
    "remain-concerned": "We remain concerned about China’s opaque and accelerating expansion of "
                        "its nuclear arsenal.",
    "question": "Will we continue to work together?",
    "passive-will-without-authors": "Anti-money laundering initiatives and investigations will be "
                                    "reinforced among our national authorities.",
    "g7-after-preposition": "The security implications of Russia’s aggression for G7 members "
                            "continue to be significant.",
    "leaders-after-by": "As mandated by the G7 Leaders, we have adopted the attached Action Plan.",
    "others-leaders-of": "We warmly welcome the participation of the Leaders of Algeria, "
                         "Argentina and Brazil.",
}


@pytest.mark.parametrize("sentence, verb", COMMITTING.values(), ids=COMMITTING.keys())
def test_sentence_committing_the_authors_counts_with_its_verb(sentence, verb):
    assert commitment_verb(sentence) == verb


@pytest.mark.parametrize("sentence", NOT_COMMITTING.values(), ids=NOT_COMMITTING.keys())
def test_sentence_not_committing_the_authors_does_not_count(sentence):
    assert commitment_verb(sentence) is None


def test_commitments_are_anchored_by_sentence_number_and_place_within_the_paragraph():
    text = ("We condemn terrorism and violent extremism in all their forms. We are determined to "
            "protect our societies’ freedom. We will continue to counter the financing of "
            "terrorism.")
    assert find_commitments("g7-interior-middle-east-2", text) == (
        Commitment("g7-interior-middle-east-2.s2", 2,
                   "We are determined to protect our societies’ freedom.", "are determined to",
                   63, 115),
        Commitment("g7-interior-middle-east-2.s3", 3,
                   "We will continue to counter the financing of terrorism.", "will", 116, 171),
    )
    assert all(text[c.start:c.end] == c.text for c in find_commitments("p", text))


def test_commitment_text_is_the_sentence_as_printed():
    text = "Limit warming to 1.5°C. We will  act on the U.S. proposal (see Annex)."
    (found,) = find_commitments("p", text)
    assert found.text == "We will  act on the U.S. proposal (see Annex)."
    assert text[text.index(found.text):].startswith(found.text)


def test_a_paragraph_without_commitments_gives_none():
    assert find_commitments("p", "") == ()
    assert find_commitments("p", "We welcome the report. We note its findings.") == ()


def _published_texts():
    """Yield (document slug, 'text' or 'items', text) for every paragraph text and list
    item of the published texts."""
    for path in sorted(TEXTS.glob("*.txt")):
        document = parse_text(read_source_text(path))
        for section in document.sections:
            for paragraph in section.paragraphs:
                yield document.slug, "text", paragraph.text
                for item in paragraph.items:
                    yield document.slug, "items", item.text


def _counts() -> dict[str, tuple[int, int]]:
    """Return, per document, commitments in paragraph texts and in list items."""
    counts: dict[str, Counter[str]] = {}
    for slug, kind, text in _published_texts():
        counts.setdefault(slug, Counter())[kind] += len(find_commitments("p", text))
    return {slug: (tally["text"], tally["items"]) for slug, tally in counts.items()}


def test_commitment_totals_of_the_published_texts_are_the_reviewed_ones():
    # Reviewed by eye sentence by sentence: every 'will', 'commit', 'call on' ... of the
    # authors counts; welcomes, recognitions and third parties' 'will' do not.
    assert _counts() == {
        SUMMARY: (3, 0),
        COMMUNIQUE: (80, 0),
        APULIA: (302, 16),
    }


def _sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


@pytest.mark.parametrize("text, sentences", [
    ("The U.S. and the UK agree, e.g. on i.e. this. We act.",
     ["The U.S. and the UK agree, e.g. on i.e. this.", "We act."]),
    ("Limit warming to 1.5°C. It costs USD 6.75 billion.",
     ["Limit warming to 1.5°C.", "It costs USD 6.75 billion."]),
    ("See No. 5 of Oct. 7 and St. Petersburg. Mr. Smith met Joseph R. Biden.",
     ["See No. 5 of Oct. 7 and St. Petersburg.", "Mr. Smith met Joseph R. Biden."]),
    ("He said “we will act.” Then (see the Annex.) We go.",
     ["He said “we will act.”", "Then (see the Annex.)", "We go."]),
    ("We will: i) work. ii) act; (iii) go. A) Fine.",
     ["We will: i) work. ii) act; (iii) go. A) Fine."]),
    ("Wait... and see… Then we act in the UN. We go",
     ["Wait... and see…", "Then we act in the UN.", "We go"]),
    ("Is it so? Yes! ", ["Is it so?", "Yes!"]),
    ("   ", []),
], ids=["abbreviations-and-dotted-acronyms", "decimals", "numbered-titled-and-initials",
        "closing-quote-and-parenthesis", "inline-sub-points", "ellipses-and-undotted-acronym",
        "question-and-exclamation", "blank"])
def test_split_sentences_ends_sentences_only_where_a_new_one_starts(text, sentences):
    assert _sentences(text) == sentences


def _all_sentences() -> list[str]:
    """Every sentence of the published texts, paragraph texts and items alike."""
    return [sentence for _, _, text in _published_texts() for sentence in _sentences(text)]


def _phrase_by_loop(sentence: str, at: int) -> str | None:
    """The rule as first written: each of _PHRASES tried in order, a reaffirming verb
    kept only when it reaffirms a commitment or a call."""
    for verb, pattern in commitments._PHRASES:
        match = pattern.match(sentence, at)
        if not match:
            continue
        if verb != "reaffirm commitment to":
            return verb
        reaffirmed = commitments._REAFFIRMED_RE.match(sentence, match.end())
        if reaffirmed and reaffirmed.group("commitment"):
            return verb
        if reaffirmed:
            return "call for" if reaffirmed.group("prep").lower() == "for" else "call on"
    return None


def test_one_search_over_all_phrases_finds_what_trying_them_in_order_finds():
    sentences = _all_sentences() + [
        "We reaffirm the need to act.", "We reaffirm our call for action.",
        "We continue our steadfast commitment to Ukraine.", "We STATE our resolve to act.",
        "We ask our Ministers to report.", "We aim by 2030 to halve losses."]
    compared = 0
    for sentence in sentences:
        for at in {0, *(m.end() for m in re.finditer(r"\s+", sentence))}:
            assert commitments._phrase_at(sentence, at) == _phrase_by_loop(sentence, at), (sentence, at)
            compared += 1
    assert compared > 10_000


@pytest.mark.parametrize("sentence", [
    "The G7 will act.", "THE MINISTERS will act.", "The Leaders commit to it.",
    "“The G7 members will act.”", "The Interior and Security Ministers of the Group of Seven will act."])
def test_a_sentence_naming_the_authors_in_the_third_person_is_always_searched(sentence):
    assert commitments._may_name_authors(sentence)
    assert commitments._THIRD_RE.search(sentence)


def test_the_cheap_test_passes_every_sentence_the_third_person_search_matches():
    sentences = _all_sentences()
    matched = [s for s in sentences if commitments._THIRD_RE.search(s)]
    assert matched and all(commitments._may_name_authors(s) for s in matched)
    # And it does skip sentences: otherwise it would save nothing.
    assert not commitments._may_name_authors("We welcome the report of the task force.")
