"""What is read from ``source/``: texts and their sidecars, the glossary, the topics."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from build_tools.model.ids import Registry


@dataclass(frozen=True)
class HeadingSplit:
    """A sidecar statement of where a run-together heading splits."""

    heading: str
    """The heading line exactly as printed (whitespace-normalised)."""
    title: str
    """The words that form the section title."""
    subtitle: str | None = None
    """The words after the title, or None."""
    line: int = 0
    """Line of the statement in the sidecar."""


@dataclass(frozen=True)
class Sidecar:
    """What a text's optional ``<name>.yml`` sidecar states that no rule can know."""

    path: Path | None = None
    """The sidecar file, or None when the text has none."""
    title: str | None = None
    """Document title, for a text that prints none."""
    slug: str | None = None
    """URL slug of the document; defaults to the file name's stem."""
    source_url: str | None = None
    """Where the text was published."""
    place: str | None = None
    """Where the meeting took place."""
    date: str | None = None
    """ISO date (YYYY-MM-DD) of release, when the text does not print it."""
    meeting_dates: str | None = None
    """The meeting's dates as readers say them (e.g. '2-4 October 2024')."""
    kind: str | None = None
    """What the document is: one of ``read.sidecars.DOCUMENT_KINDS`` (communiqué,
    declaration, summary, ...)."""
    order: int | None = None
    """Position of the document on the home page and in navigation."""
    heading_splits: tuple[HeadingSplit, ...] = ()
    """Where run-together headings split into title and subtitle."""
    section_topics: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """(section slug, topic ids) overrides of topic membership."""
    key_lines: tuple[tuple[str, int], ...] = ()
    """(key, line) of every top-level key, for findings that name a line."""
    anchor_prefix: str | None = None
    """Short readable prefix of the document's paragraph ids; defaults to the slug."""
    short_title: str | None = None
    """How links from other documents name this one ('Apulia Leaders 2024')."""
    about: str | None = None
    """What the text is, where its kind does not say enough ('A summary of Annex A, written
    in the third person'): shown on its pages."""
    summary_of: str | None = None
    """Slug of the published document this text summarises, linked in place of a source."""


@dataclass(frozen=True)
class SourceText:
    """One text of ``source/texts/`` as read from disk."""

    path: Path
    """The text file, as given (used in every message)."""
    slug: str
    """Document slug: sidecar ``slug`` or the file name's stem."""
    text: str
    """The decoded text, BOM removed, line endings normalised to ``\\n``."""
    sidecar: Sidecar = field(default_factory=Sidecar)


@dataclass(frozen=True)
class GlossaryEntry:
    """One body, convention, process, initiative, mechanism, document or abbreviation."""

    id: str
    """Permanent lowercase ASCII slug: the URL fragment of the entry."""
    name: str
    """Full name as readers should see it."""
    acronym: str | None
    """The acronym, matched in exactly this case; None when there is none."""
    aliases: tuple[str, ...]
    """Other spellings the texts use (matched case-insensitively)."""
    kind: str
    """One of KINDS."""
    definition: str
    website: str | None = None
    related: tuple[str, ...] = ()
    """Ids of related entries."""
    document: str | None = None
    """Slug of the document when this site publishes it."""
    line: int = 0
    """Line of the entry in the glossary file."""


@dataclass(frozen=True)
class Glossary:
    """Every entry of the glossary, in file order."""

    entries: tuple[GlossaryEntry, ...]
    path: Path
    by_id: dict[str, GlossaryEntry] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_id", {e.id: e for e in self.entries})


@dataclass(frozen=True)
class IgnoredCandidate:
    """A coverage candidate that is not glossary material, and why."""

    candidate: str
    reason: str
    line: int


@dataclass(frozen=True)
class Topic:
    """A topic of ``source/topics.yml``."""

    id: str
    title: str
    description: str
    keywords: tuple[str, ...]
    terms: tuple[str, ...] = ()
    """Glossary ids whose mentions count for the topic."""
    line: int = 0


TEXTS_DIR = "texts"
GLOSSARY_FILE = "glossary.yml"
GLOSSARY_IGNORE_FILE = "glossary-ignore.yml"
TOPICS_FILE = "topics.yml"
REGISTRY_FILE = "anchor-registry.json"


@dataclass(frozen=True)
class SourceTree:
    """Where the inputs of one site live."""

    root: Path

    @property
    def texts(self) -> Path:
        return self.root / TEXTS_DIR

    @property
    def glossary(self) -> Path:
        return self.root / GLOSSARY_FILE

    @property
    def glossary_ignore(self) -> Path:
        return self.root / GLOSSARY_IGNORE_FILE

    @property
    def topics(self) -> Path:
        return self.root / TOPICS_FILE

    @property
    def registry(self) -> Path:
        return self.root / REGISTRY_FILE


@dataclass(frozen=True)
class Inputs:
    """Everything read from a source folder."""

    tree: SourceTree
    texts: tuple[SourceText, ...]
    glossary: Glossary
    registry: Registry
    topics: tuple[Topic, ...] = ()
    ignored: tuple[IgnoredCandidate, ...] = ()
    """Names the glossary need not cover (``glossary-ignore.yml``), each with its reason."""
    templates: tuple[tuple[str, str], ...] = ()
    """(file name, text) of every page template (package data, read with the source)."""
