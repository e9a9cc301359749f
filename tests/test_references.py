"""References between documents resolve to the document, its part, or the glossary entry."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from build_tools.annotate.references import named_part
from build_tools.pipeline import generate, read_inputs
from tests.helpers import BUILD_DATE, copy_source, resolve_href

COMMUNIQUE = "g7-interior-security-ministers-2024-communique"
SUMMARY = "g7-interior-security-ministers-2024-action-plan-summary"
APULIA = "g7-leaders-2024-apulia-communique"


def term_links(site: Path, page: str) -> list[tuple[str, str, str]]:
    """Return (term id, link text, href resolved to a site path) of a page's term links."""
    soup = BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")
    out = []
    for a in soup.select(".g7-page a.term"):
        target, fragment = resolve_href(page + "/", a["href"])
        out.append((a["data-term"], a.get_text(), f"{target}/#{fragment}" if fragment else f"{target}/"))
    return out


def links_to(site: Path, page: str, term: str) -> list[str]:
    return [href for t, _, href in term_links(site, page) if t == term]


def test_apulia_communique_mentions_link_to_the_published_apulia_text(built_site):
    for page in ("preamble", "middle-east-and-terrorism", "irregular-migration"):
        assert links_to(built_site.site, f"{COMMUNIQUE}/{page}", "apulia-communique") == [f"{APULIA}/"]


def test_apulia_communique_on_synthetic_drug_threats_links_to_that_part(built_site):
    [href] = links_to(built_site.site, f"{COMMUNIQUE}/illicit-synthetic-drugs", "apulia-communique")
    assert href.startswith(f"{APULIA}/countering-terrorism-violent-extremism-and-transnational/#")
    page, _, fragment = href.partition("#")
    soup = BeautifulSoup((built_site.site / page / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert "statement on Synthetic Drug Threats" in soup.find(id=fragment).get_text()


def test_annexed_action_plan_links_to_the_action_plan_summary(built_site):
    preamble = term_links(built_site.site, f"{COMMUNIQUE}/preamble")
    migration = term_links(built_site.site, f"{COMMUNIQUE}/irregular-migration")
    plan = [(text, href) for _, text, href in preamble + migration if href == f"{SUMMARY}/"]
    assert any("annexed Action Plan" in text for text, _ in plan)
    assert any("Action Plan" in text and "attached" in text or "Annex A" in text for text, _ in plan)


def test_summary_mentions_of_the_leaders_communique_link_to_apulia(built_site):
    assert set(links_to(built_site.site, SUMMARY, "apulia-communique")) == {f"{APULIA}/"}


@pytest.mark.parametrize("page,term", [
    ("preamble", "mito-communique"),
    ("middle-east-and-terrorism", "unscr-2735"),
    ("child-sexual-exploitation-and-abuse", "g7-action-plan-csea-2021"),
])
def test_documents_not_in_the_corpus_link_to_their_glossary_entry(built_site, page, term):
    assert links_to(built_site.site, f"{COMMUNIQUE}/{page}", term) == [f"glossary/#{term}"]


def test_publishing_a_referred_document_turns_its_mentions_into_links_to_it(tmp_path):
    source = copy_source(tmp_path / "source")
    (source / "texts" / "g7-interior-2023-mito-communique.txt").write_text(
        "Mito Communiqué\n\nPreamble\n\n1. We, the G7 Interior and Security Ministers, met in Mito.\n",
        encoding="utf-8")
    generated = generate(read_inputs(source), BUILD_DATE)
    assert generated.site.entry_documents["mito-communique"] == "g7-interior-2023-mito-communique"
    preamble = next(p for p in generated.pages if p.url == f"{COMMUNIQUE}/preamble/")
    assert '](../../g7-interior-2023-mito-communique/index.md){ .term data-term="mito-communique" }' in preamble.content


@pytest.mark.parametrize("text,part", [
    ("the Communique on Synthetic Drug Threats and more", "Synthetic Drug Threats"),
    ("the Communique on the Rule of Law.", "Rule of Law"),
    ("the Communique that condemned", None),
    ("the Communique on migration", None),
])
def test_named_part_reads_capitalised_words_after_on(text, part):
    assert named_part(text, len("the Communique")) == part
