"""Slugs: readable lowercase ASCII, bounded length, never taken twice."""

from build_tools.identify.slugs import letter_suffix, slugify, unique_id, unique_slug
from build_tools.read.source_names import is_slug


def test_slugify_lowercases_and_hyphenates_words():
    assert slugify("Middle East and Terrorism") == "middle-east-and-terrorism"


def test_slugify_folds_accents_and_drops_apostrophes():
    assert slugify("Ministers’ Communiqué") == "ministers-communique"
    assert slugify("Leaders' Déclaration") == "leaders-declaration"
    assert slugify("Straße Ørsted") == "strasse-orsted"


def test_slugify_reads_ampersand_as_and_and_collapses_punctuation():
    assert slugify("  Energy, Climate & Environment -- (2024)  ") == "energy-climate-and-environment-2024"


def test_slugify_cuts_a_long_title_at_a_word_boundary():
    title = "Threats resulting from international crisis scenarios Middle East and Terrorism"
    slug = slugify(title)
    assert len(slug) <= 60
    assert slug == "threats-resulting-from-international-crisis-scenarios-middle"
    assert title.lower().replace(" ", "-").startswith(slug)


def test_slugify_cuts_one_long_word_at_the_limit():
    assert slugify("a" * 80) == "a" * 60


def test_slugify_returns_empty_for_text_without_letters_or_digits():
    assert slugify("— ’ …") == ""
    assert slugify("日本") == ""


def test_slugify_keeps_numbers_of_labels():
    assert slugify("4") == "4"
    assert slugify("4.2") == "4-2"
    assert slugify("(ii)") == "ii"


def test_unique_slug_appends_the_first_free_number():
    assert unique_slug("haiti", set()) == "haiti"
    assert unique_slug("haiti", {"haiti"}) == "haiti-2"
    assert unique_slug("haiti", {"haiti", "haiti-2"}) == "haiti-3"


def test_unique_id_appends_letters_so_variants_never_read_as_labels():
    assert unique_id("g7-ukraine-3", set()) == "g7-ukraine-3"
    assert unique_id("g7-ukraine-3", {"g7-ukraine-3"}) == "g7-ukraine-3-b"
    assert unique_id("g7-ukraine-3", {"g7-ukraine-3", "g7-ukraine-3-b"}) == "g7-ukraine-3-c"


def test_letter_suffix_counts_past_z():
    assert [letter_suffix(n) for n in (1, 2, 26, 27, 28)] == ["a", "b", "z", "aa", "ab"]


def test_is_slug_accepts_only_lowercase_ascii_with_single_hyphens():
    assert is_slug("g7-interior-2024-irregular-migration-4")
    for bad in ("", "G7-x", "x--y", "-x", "x-", "café", "x y", "x_y"):
        assert not is_slug(bad), bad
