"""A deterministic synthetic corpus shaped like ``source/texts/``, for the benchmark.

Each document is drawn from its own seeded random generator, so document 7 is
the same words whether the corpus holds 10 or 200 documents. The texts mix the
forms the parser meets in the real texts: web chrome, printed titles and
datelines, run-together headings (split by rule or by a sidecar), paragraphs
numbered per section or straight through, unnumbered paragraphs, bullets,
sub-points and footnotes. Glossary terms are mentioned at the real texts'
density (about 2.9 mentions per 100 words), drawn from the real glossary grown
with synthetic entries.
"""

from __future__ import annotations

import random
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

from build_tools.model.source import GLOSSARY_FILE, TEXTS_DIR, TOPICS_FILE
from build_tools.read.files import load_yaml
from build_tools.read.glossary import load_glossary
from build_tools.read.term_keys import term_key
from build_tools.read.topics import load_topics

MENTIONS_PER_WORD = 0.023
"""Chance that a word slot adds a glossary mention. The real texts hold about
2.9 mentions per 100 words (751 in 25,991); with the mentions the ordinary
vocabulary makes by itself ('Ukraine', 'terrorism'), this rate gives about the same."""

_ADJECTIVES = """
    maritime regional digital financial judicial coastal urban rural secure resilient
    sustainable inclusive transparent coordinated strategic effective comprehensive global
    national international humanitarian economic environmental technological critical
    emerging illicit transnational cross-border operational preventive collective
    multilateral bilateral scientific medical agricultural industrial energy fiscal
""".split()
_NOUNS = """
    cooperation security resilience capacity enforcement investigation prevention response
    infrastructure governance institutions partnerships networks frameworks standards
    communities societies economies markets supply chains borders routes ports corridors
    data information intelligence evidence research innovation technology platforms
    services systems authorities agencies prosecutors courts police customs laboratories
    victims children women migrants refugees workers businesses investors donors partners
    funding finance assets revenues sanctions measures policies strategies programmes
    commitments priorities principles rights freedoms values obligations responsibilities
    threats risks crimes offences smuggling trafficking fraud corruption laundering
    terrorism extremism radicalisation cybercrime ransomware drugs precursors firearms
    migration displacement reconstruction recovery development growth stability peace
    health education energy climate biodiversity oceans forests food water agriculture
""".split()
_VERBS = ("will strengthen", "reaffirm our commitment to", "welcome",
          "call on partners to support", "intend to expand", "are determined to address",
          "recognize the importance of", "support", "commit to advancing", "note with concern",
          "will continue to promote", "aim to improve", "will work to protect", "plan to review",
          "stress the need for")
_SUBJECTS = ("We", "We", "We", "The G7", "Together, we", "Our ministers", "As partners, we")
_LINKS = ("including through", "in line with", "together with", "building on",
          "in cooperation with", "consistent with", "through")
_THEMES = ("migration", "terrorism", "cybercrime", "synthetic drugs", "artificial intelligence",
           "Ukraine", "foreign interference", "environmental crime", "food security", "health",
           "climate", "energy security", "critical minerals", "nuclear safety", "education")
_KINDS = ("body", "convention", "process", "initiative", "mechanism", "document")
_ORG_WORDS = ("Council", "Network", "Partnership", "Platform", "Alliance", "Forum", "Facility",
              "Initiative", "Mechanism", "Programme", "Compact", "Centre", "Coalition", "Task Force")
_ORG_DOMAINS = ("Maritime", "Digital", "Financial", "Judicial", "Coastal", "Urban", "Rural",
                "Energy", "Health", "Border", "Customs", "Climate", "Ocean", "Forest", "Water",
                "Food", "Cyber", "Space", "Arctic", "Desert", "River", "Mountain", "Island",
                "Grain", "Mineral", "Transit", "Justice", "Police", "Research", "Youth")
_ORG_QUALITIES = ("Resilience", "Security", "Cooperation", "Recovery", "Innovation", "Integrity",
                  "Transparency", "Safety", "Stability", "Development", "Enforcement", "Analysis",
                  "Prevention", "Response", "Investment", "Governance")
_PLACES = ("Rome", "Ottawa", "Berlin", "Tokyo", "Paris", "London", "Washington", "Brussels")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_BANNER = ("U.S. flag", "An official website of the United States government", "Government Website")
_TAIL = ("Last Updated: 10/21/2024", "Was this page helpful?")
_SUBPOINTS = ("a)", "b)", "c)", "d)")
_ROMAN = ("(i)", "(ii)", "(iii)", "(iv)")


@dataclass(frozen=True)
class CorpusShape:
    """The size of a synthetic corpus."""

    documents: int
    sections: int = 8
    """Average sections per document (each document has 6 to 10)."""
    paragraphs: int = 40
    """Average paragraphs per document (3 to 7 per section)."""
    glossary_entries: int = 500
    seed: int = 2024


@dataclass(frozen=True)
class Corpus:
    """A synthetic source folder written to disk."""

    source: Path
    texts: tuple[Path, ...]
    glossary_entries: int
    real_glossary_entries: int
    """How many entries came from the real glossary (the rest are synthetic)."""


def real_glossary_entries(source: Path | None) -> list[dict]:
    """Return the raw entries of a real glossary.yml that loads cleanly, else []."""
    path = source / GLOSSARY_FILE if source else None
    if path is None or not path.exists():
        return []
    try:
        load_glossary(path)
        return list(load_yaml(path)[0] or [])
    except Exception:  # noqa: BLE001 - a glossary being edited must not stop the benchmark
        return []


def _taken_keys(entries: list[dict]) -> set[tuple[str, ...]]:
    keys: set[tuple[str, ...]] = set()
    for entry in entries:
        for form in [entry.get("name"), entry.get("acronym"), *(entry.get("aliases") or [])]:
            if form:
                keys.add(term_key(str(form)))
    return keys


def synthetic_entries(existing: list[dict], total: int, rng: random.Random) -> list[dict]:
    """Return ``total - len(existing)`` new entries whose terms clash with none of ``existing``."""
    taken = _taken_keys(existing)
    ids = {str(e.get("id")) for e in existing}
    combos = [(d, q, w) for d in _ORG_DOMAINS for q in _ORG_QUALITIES for w in _ORG_WORDS]
    rng.shuffle(combos)
    new: list[dict] = []
    for domain, quality, word in combos:
        if len(existing) + len(new) >= total:
            break
        name = f"{domain} {quality} {word}"
        acronym = "".join(w[0] for w in name.split()) + str(len(new) % 10)
        ident = "syn-" + "-".join(name.lower().split())
        if term_key(name) in taken or ident in ids:
            continue
        entry = {"id": ident, "name": name, "acronym": None, "aliases": [],
                 "kind": rng.choice(_KINDS),
                 "definition": f"A synthetic {word.lower()} on {domain.lower()} "
                               f"{quality.lower()}, made for the benchmark."}
        if term_key(acronym) not in taken and rng.random() < 0.6:
            entry["acronym"] = acronym
            taken.add(term_key(acronym))
        taken.add(term_key(name))
        ids.add(ident)
        new.append(entry)
    return new


def mention_forms(entries: list[dict]) -> list[str]:
    """Return every name, acronym and alias of ``entries`` as a text may print it."""
    forms: list[str] = []
    for entry in entries:
        forms.append(str(entry["name"]))
        if entry.get("acronym"):
            forms.append(str(entry["acronym"]))
        forms += [str(a) for a in entry.get("aliases") or ()]
    return forms


def _phrase(rng: random.Random) -> str:
    return f"{rng.choice(_ADJECTIVES)} {rng.choice(_NOUNS)} and {rng.choice(_NOUNS)}"


def _sentence(rng: random.Random, forms: list[str], subject: str | None = None) -> str:
    """Return one sentence of about 24 words, with glossary mentions at the real density."""
    subject = subject or rng.choice(_SUBJECTS)
    parts = [subject, rng.choice(_VERBS), "the", _phrase(rng), "of",
             rng.choice(_THEMES), rng.choice(_LINKS), "the", _phrase(rng)]
    words = len(" ".join(parts).split()) + 6
    mentions = sum(rng.random() < MENTIONS_PER_WORD for _ in range(words))
    for _ in range(mentions):
        parts += [rng.choice(("and the", "with the", "and", "through the")), rng.choice(forms)]
    parts += ["across", rng.choice(_ADJECTIVES), rng.choice(_NOUNS)]
    return " ".join(parts) + "."


def paragraph_text(rng: random.Random, forms: list[str], sentences: int) -> str:
    """Return a paragraph of ``sentences`` sentences."""
    return " ".join(_sentence(rng, forms) for _ in range(sentences))


def _heading(rng: random.Random, used: set[str], style: int) -> tuple[str, dict | None]:
    """Return a section heading, and a sidecar heading split when no rule can split it."""
    while True:
        theme = rng.choice(_THEMES)
        noun = rng.choice(_NOUNS)
        kind = rng.random()
        if style in (0, 3) and kind < 0.5:
            # Run-together: 'Cooperation on migration routes Towards our ...' splits by rule
            # (a capitalised function word starts the subtitle).
            title = f"{noun.capitalize()} on {theme} {rng.choice(_NOUNS)}"
            heading = f"{title} {rng.choice(('Towards', 'Beyond', 'Through'))} our " \
                      f"{rng.choice(_ADJECTIVES)} {rng.choice(_NOUNS)}"
            split = None
        elif style == 0 and kind < 0.6:
            # Title case then a subtitle: only a sidecar can say where it splits.
            title = f"{theme.title()} {noun.title()}"
            subtitle = f"Exploring {rng.choice(_ADJECTIVES)} {rng.choice(_NOUNS)}"
            heading = f"{title} {subtitle}"
            split = {"heading": heading, "title": title, "subtitle": subtitle}
        else:
            heading = f"{theme[0].upper()}{theme[1:]} and {rng.choice(_ADJECTIVES).title()} " \
                      f"{noun.title()}"
            split = None
        if heading.lower() not in used:
            used.add(heading.lower())
            return heading, split


def document_source(index: int, shape: CorpusShape, forms: list[str]) -> tuple[str, dict]:
    """Return the text and the sidecar of synthetic document ``index``.

    Four styles alternate: 0 web page with chrome, paragraphs numbered per
    section and run-together headings; 1 unnumbered paragraphs with bullets;
    2 numbering straight through with sub-points; 3 numbered with footnotes.
    """
    rng = random.Random(shape.seed * 100_003 + index)
    style = index % 4
    month = rng.randrange(12)
    day = rng.randint(1, 28)
    place = rng.choice(_PLACES)
    title = f"G7 Synthetic {rng.choice(_ORG_DOMAINS)} Ministers’ Communiqué {index:04d}"
    sidecar: dict = {"kind": "Communiqué", "order": index + 1,
                     "anchor_prefix": f"syn{index:04d}",
                     "source_url": f"https://example.org/g7/{index:04d}"}
    lines: list[str] = []
    if style == 0:
        lines += [*_BANNER, ""]
    lines += [title, ""]
    if style in (0, 3):
        lines += [f"Release Date: {_MONTHS[month]} {day}, 2024", ""]
    else:
        sidecar.update(date=f"2024-{month + 1:02d}-{day:02d}", place=place,
                       meeting_dates=f"{day} {_MONTHS[month]} 2024")
    splits = []
    used: set[str] = set()
    number = 0
    footnotes: list[str] = []
    sections = rng.randint(shape.sections - 2, shape.sections + 2)
    per_section = max(1, shape.paragraphs // shape.sections)
    for _ in range(sections):
        heading, split = _heading(rng, used, style)
        if split:
            splits.append(split)
        lines += [heading, ""]
        if style != 2:
            number = 0
        for _ in range(rng.randint(per_section - 2, per_section + 2)):
            number += 1
            text = paragraph_text(rng, forms, rng.randint(3, 4))
            items: list[str] = []
            if style == 1 and rng.random() < 0.15:
                text = text[:-1] + ". We are:"
                items = [f"- {paragraph_text(rng, forms, 1)}" for _ in range(rng.randint(2, 5))]
            elif style == 2 and rng.random() < 0.15:
                text = text[:-1] + ". To this end, we will:"
                markers = _SUBPOINTS if rng.random() < 0.5 else _ROMAN
                items = [f"{m} {paragraph_text(rng, forms, 1)}"
                         for m in markers[:rng.randint(2, 4)]]
            if style == 3 and rng.random() < 0.05:
                marker = str(len(footnotes) + 1)
                footnotes.append(f"{marker} {paragraph_text(rng, forms, 1)}")
                text = f"{marker} {text}"
            if style == 1:
                lines.append(text)
            else:
                lines.append(f"  {number}. {text}")
            lines.append("")
            lines += items + ([""] if items else [])
    if footnotes:
        lines += ["____", *footnotes, ""]
    if style == 0:
        lines += list(_TAIL)
    if splits:
        sidecar["heading_splits"] = splits
    return "\n".join(lines).rstrip("\n") + "\n", sidecar


def document_slug(index: int) -> str:
    """Return the file stem (and slug) of synthetic document ``index``."""
    return f"g7-synthetic-{index:04d}-communique"


def write_corpus(target: Path, shape: CorpusShape, real_source: Path | None = None) -> Corpus:
    """Write a synthetic source folder at ``target`` (replacing it) and return what it holds.

    The glossary is the real one of ``real_source`` when it loads, grown with
    synthetic entries to ``shape.glossary_entries``; topics.yml is copied when
    it loads.
    """
    if target.exists():
        shutil.rmtree(target)
    texts_dir = target / TEXTS_DIR
    texts_dir.mkdir(parents=True)
    real = real_glossary_entries(real_source)
    entries = real + synthetic_entries(real, shape.glossary_entries, random.Random(shape.seed))
    (target / GLOSSARY_FILE).write_text(
        yaml.safe_dump(entries, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8")
    topics = real_source / TOPICS_FILE if real_source else None
    if topics and topics.exists():
        try:
            load_topics(topics)
            shutil.copyfile(topics, target / TOPICS_FILE)
        except Exception:  # noqa: BLE001 - topics being edited: build without topics
            pass
    forms = mention_forms(entries)
    paths = []
    for index in range(shape.documents):
        text, sidecar = document_source(index, shape, forms)
        path = texts_dir / f"{document_slug(index)}.txt"
        path.write_text(text, encoding="utf-8")
        path.with_suffix(".yml").write_text(
            yaml.safe_dump(sidecar, allow_unicode=True, sort_keys=False, width=1000),
            encoding="utf-8")
        paths.append(path)
    return Corpus(target, tuple(paths), len(entries), len(real))


EDIT_SENTENCE = " We will review progress on these commitments at our next meeting."


def edited_text(text: str) -> tuple[str, int]:
    """Return ``text`` with EDIT_SENTENCE appended to its middle long paragraph line, and
    that line's number."""
    lines = text.split("\n")
    candidates = [i for i, line in enumerate(lines)
                  if line.rstrip().endswith(".") and len(line.split()) > 40]
    index = candidates[len(candidates) // 2]
    lines[index] = lines[index].rstrip() + EDIT_SENTENCE
    return "\n".join(lines), index + 1
