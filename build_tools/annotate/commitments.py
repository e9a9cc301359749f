"""Commitments: the sentences in which the authors of a text commit to act.

The rule follows the G7 Research Group's compliance coding, which counts a
commitment where the authors, as the subject of a clause, use a committing verb.
A sentence of a paragraph (see ``sentences``) counts when:

1. its **subject is the authors**: ``we`` (also ``we, the G7 Interior and Security
   Ministers, ...`` with its apposition), or a third-person name for them: ``the G7``,
   ``G7 members``, ``the (G7) ministers``, ``the Interior and Security Ministers of the
   G7``, ``the (G7) Leaders``. A third-person name after a preposition (``for G7
   members``, ``by the G7 Leaders``) is not a subject;
2. right after the subject, past adverbs (``also``, ``therefore``, ``collectively``,
   any ``-ly`` word) and ``have``, comes a **committing verb phrase**, or one comes after
   ``and`` later in the same clause (``We endorse the Principles and commit to ...``;
   after an unclosed ``that`` / ``which`` ... clause, a joined ``will`` or ``are`` is
   taken as that clause's, since it may agree with its subject):

   ========================== ==================================================
   verb (as recorded)         phrases
   ========================== ==================================================
   will, shall                ``will``, ``shall`` (``will aim to`` is recorded as
                              ``aim to``, ``will remain committed to`` as
                              ``are committed to``)
   commit to                  ``commit(s) to``, ``recommit to``
   are committed to           ``are / remain (fully) committed to``, ``are more
                              committed than ever to``, ``remain steadfast in our
                              commitment to``
   are determined to          ``are / remain (ever more) determined to``
   reaffirm commitment to     ``reaffirm / reiterate / renew / affirm / reinforce /
                              recall / continue / express / state`` + ``our (their)
                              ... commitment(s)`` or ``... determination / resolve to``
   intend to, plan to, aim to ``intend(s) to``, ``plan(s) to``, ``aim(s) (by 2035) to``
   resolve to                 ``resolve(d) to``, ``resolve in``
   call on, call for          ``call on / upon / for``, ``are calling for``,
                              ``continue to call for``, ``reiterate our (the) call on``
   pledge to, undertake to,   ``pledge(s) to``, ``undertake(s) to``, ``decide(d) to``
   decide to
   task                       ``task / ask / instruct our (relevant) Ministers``
   ========================== ==================================================

So ``we recognize / welcome / acknowledge / note / condemn``, ``we remain concerned``,
the noun in ``the commitments of the previous meetings``, and ``will`` with another
subject (``This Convention will enhance``, ``financing that will be serviced``)
do not count; nor does a question. A sentence counts once, with its first phrase.
"""

from __future__ import annotations

import re

from build_tools.annotate.sentences import split_sentences
from build_tools.model.notes import Commitment

_I = re.IGNORECASE
_WE_RE = re.compile(r"\bwe\b(?:,[^,.;:]{1,120},)?\s+", _I)
_THIRD_RE = re.compile(
    r"\b(?:(?:the\s+)?g7(?:\s+(?:members|countries))?"
    r"|the\s+(?:g7\s+)?(?:interior\s+and\s+security\s+)?(?:ministers|leaders)"
    r"(?:\s+of\s+the\s+(?:g7|group\s+of\s+seven))?)\s+", _I)
_PREPOSITIONS = frozenset(
    "about across against among amongst at between by for from in into of on onto "
    "over through to towards under with within without".split())
_ADVERBS_RE = re.compile(
    r"(?:(?:\w+ly|also|therefore|further|furthermore|hereby|thus|now|again|once\s+again|"
    r"together|all|each|still|today|hence|indeed|moreover|have|has|continues?\s+to)\s+)*", _I)
_AUXILIARY_RE = re.compile(r"(will|shall)\b:?\s+", _I)

_QUALIFIER = r"(?:[\w’'-]+\s+){0,4}?"
_PHRASES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (verb, re.compile(pattern, _I)) for verb, pattern in (
        ("commit to", r"(?:re)?commit(?:s|ted)?\s+(?:ourselves\s+|themselves\s+)?to\b"),
        ("are committed to",
         rf"(?:are|is|remain|remains|be|stay)\s+(?:{_QUALIFIER}committed\s+(?:than\s+ever\s+)?to\b"
         rf"|\w+\s+in\s+our\s+{_QUALIFIER}commitment\s+to\b)"),
        ("are determined to",
         rf"(?:are|is|remain|remains|be|stay)\s+{_QUALIFIER}determined\s+to\b"),
        ("reaffirm commitment to",
         r"(?:(?:re)?affirm|renew|confirm|express|reinforce|recall|continue)(?:s|d|ed|es)?\s+"
         r"|(?:reiterat|stat)(?:e|es|ed)\s+"),
        ("intend to", r"intend(?:s|ed)?\s+to\b"),
        ("plan to", r"plan(?:s|ned)?\s+to\b"),
        ("aim to", r"aim(?:s|ed)?\s+(?:(?:by|in)\s+\d{4}\s+)?to\b"),
        ("resolve to", r"resolv(?:e|es|ed)\s+(?:to|in)\b"),
        ("call on", r"(?:call(?:s|ed)?|are\s+calling)\s+(?:on|upon)\b"),
        ("call for", r"(?:call(?:s|ed)?|are\s+calling)\s+for\b"),
        ("pledge to", r"pledg(?:e|es|ed)\s+to\b"),
        ("undertake to", r"undertak(?:e|es)\s+to\b"),
        ("decide to", r"decid(?:e|es|ed)\s+to\b"),
        ("task", r"(?:task|ask|instruct)(?:s|ed)?\s+(?:our|the|their)\s+"
                 rf"{_QUALIFIER}(?:ministers|officials|sherpas)\b"),
    ))


def _alternatives(phrases: tuple[tuple[str, re.Pattern[str]], ...]) -> re.Pattern[str]:
    """Return one pattern trying the phrases' patterns in order at a position, as a loop
    over them would: ``lastindex`` numbers the phrase that matched from 1. (The
    phrases' own groups are all non-capturing.)"""
    return re.compile("|".join(f"({pattern.pattern})" for _, pattern in phrases), _I)


_PHRASE_RE = _alternatives(_PHRASES)
_REAFFIRM = [verb for verb, _ in _PHRASES].index("reaffirm commitment to")
_AFTER_REAFFIRM_RE = _alternatives(_PHRASES[_REAFFIRM + 1:])
# What a reaffirming verb must reaffirm: 'our [unwavering] commitment(s)', 'our call on'.
_OBJECT_QUALIFIER = r"(?:(?!(?:to|for|of|in|on|with)\b)[\w’'-]+\s+){0,4}?"
_REAFFIRMED_RE = re.compile(
    rf"(?:our|their)\s+{_OBJECT_QUALIFIER}(?P<commitment>commitments?\b|(?:determination|resolve)"
    r"\s+to\b)|(?:our|the)\s+call\s+(?P<prep>on|upon|for)\b", _I)
_COORDINATED_RE = re.compile(r"\band\s+", _I)
_AMBIGUOUS_AFTER_CLAUSE = frozenset({"will", "shall", "are committed to", "are determined to"})
_SUBORDINATOR_RE = re.compile(r"\b(?:that|which|who|whose|whom|where|when|whether|if)\b", _I)
_CLAUSE_END = ";:"


def find_commitments(paragraph_id: str, text: str) -> tuple[Commitment, ...]:
    """Return the commitments among the sentences of a paragraph's text, in order.

    Each is anchored '<paragraph_id>.s<n>', n counting the text's sentences from 1.
    """
    found: list[Commitment] = []
    for number, (start, end) in enumerate(split_sentences(text), start=1):
        sentence = text[start:end]
        verb = commitment_verb(sentence)
        if verb is not None:
            found.append(Commitment(f"{paragraph_id}.s{number}", number, sentence, verb, start, end))
    return tuple(found)


def commitment_verb(sentence: str) -> str | None:
    """Return the normalised committing phrase of a sentence, or None if it commits nothing."""
    if sentence.rstrip("’”\"')] ").endswith("?"):
        return None
    for at in _subject_ends(sentence):
        verb = _verb_at(sentence, at)
        if verb is None:
            verb = _coordinated_verb(sentence, at)
        if verb is not None:
            return verb
    return None


def _subject_ends(sentence: str) -> list[int]:
    """Return the positions right after each author subject of the sentence, in order."""
    ends = [m.end() for m in _WE_RE.finditer(sentence)]
    if _may_name_authors(sentence):
        for match in _THIRD_RE.finditer(sentence):
            before = sentence[:match.start()].rsplit(None, 1)
            if not before or before[-1].lower() not in _PREPOSITIONS:
                ends.append(match.end())
    return sorted(ends)


def _may_name_authors(sentence: str) -> bool:
    """Return False only if no third-person name of the authors can be in the sentence:
    each holds '7', 'ministers' or 'leaders'. Case-insensitive matching of plain
    ASCII is lowercasing, so the test is exact there and far cheaper than the search;
    other text always goes to the search."""
    if not sentence.isascii():
        return True
    lower = sentence.lower()
    return "7" in lower or "ministers" in lower or "leaders" in lower


def _verb_at(sentence: str, at: int) -> str | None:
    """Return the committing phrase that starts the verb phrase at position at, if any."""
    at = _ADVERBS_RE.match(sentence, at).end()
    auxiliary = _AUXILIARY_RE.match(sentence, at)
    if auxiliary:
        after = _ADVERBS_RE.match(sentence, auxiliary.end()).end()
        return _phrase_at(sentence, after) or auxiliary.group(1).lower()
    return _phrase_at(sentence, at)


def _phrase_at(sentence: str, at: int) -> str | None:
    """Return the committing phrase other than will/shall starting at position at, if any:
    the first of ``_PHRASES`` to match there (one search tries them all in order)."""
    match = _PHRASE_RE.match(sentence, at)
    if not match:
        return None
    verb = _PHRASES[match.lastindex - 1][0]
    if verb != "reaffirm commitment to":
        return verb
    reaffirmed = _REAFFIRMED_RE.match(sentence, match.end())
    if reaffirmed and reaffirmed.group("commitment"):
        return verb
    if reaffirmed:
        return "call for" if reaffirmed.group("prep").lower() == "for" else "call on"
    # Not a reaffirmed commitment: the phrases after it may still match.
    match = _AFTER_REAFFIRM_RE.match(sentence, at)
    return _PHRASES[_REAFFIRM + match.lastindex][0] if match else None


def _coordinated_verb(sentence: str, at: int) -> str | None:
    """Return a committing phrase joined by 'and' to the subject's verb, within its clause."""
    clause_end = min((i for i in (sentence.find(c, at) for c in _CLAUSE_END) if i >= 0),
                     default=len(sentence))
    for match in _COORDINATED_RE.finditer(sentence, at, clause_end):
        verb = _verb_at(sentence, match.end())
        # After an open subordinate clause ('that AI technology develops and will ...'),
        # 'will' or 'are' may belong to that clause's subject; a plain 'commit' or
        # 'call' cannot agree with a singular one, and a comma closes the clause.
        if (verb in _AMBIGUOUS_AFTER_CLAUSE and _SUBORDINATOR_RE.search(sentence, at, match.start())
                and not sentence[:match.start()].rstrip().endswith(",")):
            continue
        if verb is not None:
            return verb
    return None
